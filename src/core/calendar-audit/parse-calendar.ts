import ICAL from 'ical.js';
import { buildVTimezone } from '../calendar/vtimezone.ts';
import { wallClockToInstant } from '../calendar/zoned-time.ts';
import { findTextProblem } from '../uploads/text-upload.ts';
import { checkIcsStructure, invalidCalendar } from './check-ics-structure.ts';
import { findIanaZone } from './windows-zones.ts';

/** A person invited to an event (rooms and other resources are not people and are left out). */
export interface CalendarAttendee {
  email: string;
  name: string;
}

/** One occurrence of an event: a single event, or one instance of a recurring one. */
export interface CalendarOccurrence {
  uid: string;
  title: string;
  start: Date;
  end: Date;
  isRecurring: boolean;
  /** Everyone invited, organizer included, each address once. */
  attendees: CalendarAttendee[];
}

export interface ParseCalendarOptions {
  /** Occurrences that start in [start, end) are kept. */
  period: { start: Date; end: Date };
  /** The zone of times written without one ("floating" times). */
  timeZone: string;
  /** The calendar owner's addresses: an occurrence they declined is left out. */
  selfEmails?: string[];
}

/** What was in the period but is not audited, so the leader is told rather than left guessing. */
export interface LeftOut {
  declined: number;
  allDay: number;
  cancelled: number;
}

export interface ParsedCalendar {
  occurrences: CalendarOccurrence[];
  leftOut: LeftOut;
  /** TZIDs neither defined in the file nor known by name; their times were read in `timeZone`. */
  unknownTimeZones: string[];
}

// A rule like FREQ=MINUTELY with no end would otherwise expand without bound.
const MAX_EXPANSION_STEPS = 500_000;
// No zone is more than a day away from UTC, so a wall clock two days early is surely early.
const WALL_CLOCK_MARGIN_MS = 2 * 24 * 60 * 60 * 1000;
const MAX_OCCURRENCES = 20_000;
const RESOURCE_DOMAIN = /@resource\.calendar\.google\.com$/;

/**
 * Every occurrence of every event of an iCalendar text in a period: recurring events expanded with
 * RRULE, RDATE and EXDATE, moved and cancelled instances (RECURRENCE-ID) applied, times read in
 * their VTIMEZONE or IANA/Windows TZID. All-day, cancelled and declined occurrences are counted
 * in `leftOut` instead. A file that cannot be read throws a 422 naming the line where it can.
 */
export function parseCalendar(text: string, options: ParseCalendarOptions): ParsedCalendar {
  const source = text.replace(/^\uFEFF/, '');
  const problem = findTextProblem(source, 'calendar (.ics) file');
  if (problem) throw invalidCalendar(problem.message, problem.line);
  checkIcsStructure(source);
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(source) as unknown[]);
  } catch (error) {
    throw invalidCalendar(
      `The calendar file could not be read: ${(error as Error).message}`,
      undefined,
      error,
    );
  }
  if (root.name !== 'vcalendar') throw invalidCalendar('The file does not start with BEGIN:VCALENDAR.', 1);
  const unknownTimeZones = defineMissingZones(root, options);
  const selfEmails = new Set((options.selfEmails ?? []).map((email) => email.toLowerCase()));
  const leftOut: LeftOut = { declined: 0, allDay: 0, cancelled: 0 };
  const occurrences: CalendarOccurrence[] = [];
  const budget = { steps: 0 };
  for (const group of groupByUid(root.getAllSubcomponents('vevent'))) {
    try {
      expandGroup(group, options, selfEmails, leftOut, occurrences, budget);
    } catch (error) {
      if ((error as { code?: string }).code) throw error;
      const uid =
        group.master?.getFirstPropertyValue('uid') ?? group.exceptions[0]?.getFirstPropertyValue('uid');
      throw invalidCalendar(
        `The event ${String(uid)} could not be read: ${(error as Error).message}`,
        undefined,
        error,
      );
    }
    if (occurrences.length > MAX_OCCURRENCES)
      throw invalidCalendar(`The period holds more than ${MAX_OCCURRENCES} events; choose a shorter period.`);
  }
  occurrences.sort((a, b) => a.start.getTime() - b.start.getTime() || a.title.localeCompare(b.title));
  return { occurrences, leftOut, unknownTimeZones };
}

interface EventGroup {
  master: ICAL.Component | null;
  exceptions: ICAL.Component[];
}

function groupByUid(vevents: ICAL.Component[]): EventGroup[] {
  const groups = new Map<string, EventGroup>();
  vevents.forEach((vevent, index) => {
    // An event without a UID cannot have exceptions; it stands alone.
    const uid = String(vevent.getFirstPropertyValue('uid') ?? `no-uid-${index}`);
    const group = groups.get(uid) ?? { master: null, exceptions: [] };
    if (vevent.hasProperty('recurrence-id')) group.exceptions.push(vevent);
    else group.master = vevent;
    groups.set(uid, group);
  });
  return [...groups.values()];
}

function expandGroup(
  group: EventGroup,
  options: ParseCalendarOptions,
  selfEmails: Set<string>,
  leftOut: LeftOut,
  out: CalendarOccurrence[],
  budget: { steps: number },
): void {
  const keep = (item: ICAL.Event, start: ICAL.Time, end: ICAL.Time, isRecurring: boolean) => {
    const startAt = toInstant(start, options.timeZone);
    if (startAt < options.period.start || startAt >= options.period.end) return;
    if (start.isDate) {
      leftOut.allDay += 1;
      return;
    }
    if (String(item.component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') {
      leftOut.cancelled += 1;
      return;
    }
    if (isDeclinedBy(item.component, selfEmails)) {
      leftOut.declined += 1;
      return;
    }
    const endAt = toInstant(end, options.timeZone);
    out.push({
      uid: item.uid,
      title: (item.summary ?? '').trim() || '(no title)',
      start: startAt,
      end: new Date(Math.max(endAt.getTime(), startAt.getTime())),
      isRecurring,
      attendees: attendeesOf(item.component),
    });
  };

  if (!group.master) {
    // Instances of a series the file does not hold (an invitation to one occurrence): each stands alone.
    for (const exception of group.exceptions) {
      const event = new ICAL.Event(exception, { exceptions: [] });
      keep(event, event.startDate, event.endDate, true);
    }
    return;
  }
  // Exceptions are handed over: left to find them, ical.js scans every event of the file for each event.
  const event = new ICAL.Event(group.master, { exceptions: group.exceptions });
  if (!event.isRecurring()) {
    keep(event, event.startDate, event.endDate, false);
    return;
  }
  // A moved instance may start in the period though its regular slot lies outside it, so the
  // expansion covers the period widened by the furthest any instance was moved either way.
  const shifts = group.exceptions.map((exception) => {
    const moved = new ICAL.Event(exception, { exceptions: [] });
    return moved.recurrenceId
      ? toInstant(moved.startDate, options.timeZone).getTime() -
          toInstant(moved.recurrenceId, options.timeZone).getTime()
      : 0;
  });
  const startFrom = options.period.start.getTime() - Math.max(0, ...shifts);
  const stopAt = options.period.end.getTime() - Math.min(0, ...shifts);
  // Regular slots are compared by their wall clock first, which costs nothing, and converted to
  // an instant only near the period: a daily series begun years ago is mostly skipped.
  const skipBefore = startFrom - WALL_CLOCK_MARGIN_MS;
  const iterator = event.iterator();
  for (let next = iterator.next(); next; next = iterator.next()) {
    budget.steps += 1;
    if (budget.steps > MAX_EXPANSION_STEPS)
      throw invalidCalendar('The calendar’s recurring events expand to too many occurrences to audit.');
    const wallClock = Date.UTC(next.year, next.month - 1, next.day, next.hour, next.minute);
    if (wallClock < skipBefore) continue;
    if (toInstant(next, options.timeZone).getTime() >= stopAt) break;
    const details = event.getOccurrenceDetails(next);
    keep(details.item, details.startDate, details.endDate, true);
  }
}

function toInstant(time: ICAL.Time, floatingZone: string): Date {
  const zone = time.zone;
  if (time.isDate || !zone || zone === ICAL.Timezone.localTimezone) {
    const pad = (value: number) => String(value).padStart(2, '0');
    return wallClockToInstant(
      {
        date: `${time.year}-${pad(time.month)}-${pad(time.day)}`,
        time: `${pad(time.hour)}:${pad(time.minute)}`,
      },
      floatingZone,
    );
  }
  return new Date(time.toUnixTime() * 1000);
}

function emailOf(value: unknown): string {
  return String(value ?? '')
    .replace(/^mailto:/i, '')
    .trim()
    .toLowerCase();
}

function isResource(property: ICAL.Property): boolean {
  const cutype = String(property.getParameter('cutype') ?? 'INDIVIDUAL').toUpperCase();
  return (
    cutype === 'ROOM' || cutype === 'RESOURCE' || RESOURCE_DOMAIN.test(emailOf(property.getFirstValue()))
  );
}

function attendeesOf(vevent: ICAL.Component): CalendarAttendee[] {
  const byEmail = new Map<string, CalendarAttendee>();
  const people = [...vevent.getAllProperties('organizer'), ...vevent.getAllProperties('attendee')];
  for (const property of people) {
    const email = emailOf(property.getFirstValue());
    if (!email.includes('@') || isResource(property) || byEmail.has(email)) continue;
    byEmail.set(email, { email, name: String(property.getParameter('cn') ?? '') });
  }
  return [...byEmail.values()];
}

function isDeclinedBy(vevent: ICAL.Component, selfEmails: Set<string>): boolean {
  return vevent
    .getAllProperties('attendee')
    .some(
      (property) =>
        selfEmails.has(emailOf(property.getFirstValue())) &&
        String(property.getParameter('partstat') ?? '').toUpperCase() === 'DECLINED',
    );
}

/**
 * Files may name a zone without defining it (feeds often do, and Outlook uses Windows names).
 * Each such zone that is an IANA or Windows name gets a definition written from the zone
 * database, so its times are exact; the rest are listed and read in the audit's zone.
 */
function defineMissingZones(root: ICAL.Component, options: ParseCalendarOptions): string[] {
  const defined = new Set(
    root.getAllSubcomponents('vtimezone').map((zone) => String(zone.getFirstPropertyValue('tzid'))),
  );
  const referenced = new Set<string>();
  for (const vevent of root.getAllSubcomponents('vevent')) {
    for (const name of ['dtstart', 'dtend', 'exdate', 'rdate', 'recurrence-id']) {
      for (const property of vevent.getAllProperties(name)) {
        const tzid = property.getParameter('tzid');
        if (typeof tzid === 'string' && !defined.has(tzid)) referenced.add(tzid);
      }
    }
  }
  const unknown: string[] = [];
  const firstYear = options.period.start.getUTCFullYear() - 2;
  const lastYear = options.period.end.getUTCFullYear() + 1;
  for (const tzid of referenced) {
    const iana = findIanaZone(tzid);
    if (!iana || iana === 'UTC') {
      if (!iana) unknown.push(tzid);
      else root.addSubcomponent(utcZoneNamed(tzid));
      continue;
    }
    const definition = buildVTimezone(iana, firstYear, lastYear).replace(
      /^TZID:.*$/m,
      `TZID:${tzid.replace(/[\r\n]/g, '')}`,
    );
    root.addSubcomponent(ICAL.Component.fromString(definition));
  }
  return unknown;
}

function utcZoneNamed(tzid: string): ICAL.Component {
  return ICAL.Component.fromString(
    [
      'BEGIN:VTIMEZONE',
      `TZID:${tzid}`,
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0000',
      'TZOFFSETTO:+0000',
      'END:STANDARD',
      'END:VTIMEZONE',
    ].join('\r\n'),
  );
}
