import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { AppError, type InvalidField } from '../errors.ts';
import { buildVTimezone } from './vtimezone.ts';
import { canonicalZoneSpelling, isKnownTimeZone } from './zoned-time.ts';

/** One meeting as a calendar app sees it. */
export interface CalendarEvent {
  /** Stable across feed refreshes (e.g. `series-42-2025-03-04@tandem.example`), so apps update instead of duplicating. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  /** The meeting page in Tandem. */
  url: string;
  /** IANA zone the event is written in; `UTC` writes plain UTC times. */
  timeZone: string;
  /** Raise on every change of time or status, so apps replace their copy (RFC 5545 SEQUENCE). */
  sequence?: number;
  status?: 'CONFIRMED' | 'CANCELLED';
}

export interface CalendarFeedInput {
  /** Shown by calendar apps as the subscribed calendar's name. */
  name: string;
  events: CalendarEvent[];
  /** DTSTAMP of every event; defaults to now. Pass it to make the output repeatable. */
  stampedAt?: Date;
}

export interface SingleEventInput {
  event: CalendarEvent;
  stampedAt?: Date;
}

/** PRODID of everything Tandem writes (ical-generator adds the leading `-`). */
export const PRODUCT_ID = '-//Tandem//Tandem 1:1s//EN';
// Subscribed calendars poll; an hour keeps moved meetings fresh without hammering the server.
const REFRESH_SECONDS = 60 * 60;

/** A subscribable iCalendar feed (METHOD:PUBLISH) of many meetings, with a VTIMEZONE for each zone used. */
export function buildCalendarFeed(input: CalendarFeedInput): string {
  checkEvents(input.events, 'events');
  const calendar = ical({
    name: escapeText(input.name),
    prodId: PRODUCT_ID.slice(1),
    method: ICalCalendarMethod.PUBLISH,
    ttl: REFRESH_SECONDS,
  });
  for (const event of input.events) calendar.createEvent(eventData(event, input.stampedAt ?? new Date()));
  return withTimeZoneDefinitions(calendar.toString(), input.events);
}

/** An `.ics` file holding one meeting, for a "download to my calendar" link. */
export function buildSingleEvent(input: SingleEventInput): string {
  checkEvents([input.event], 'event');
  const calendar = ical({
    prodId: PRODUCT_ID.slice(1),
    method: ICalCalendarMethod.PUBLISH,
  });
  calendar.createEvent(eventData(input.event, input.stampedAt ?? new Date()));
  return withTimeZoneDefinitions(calendar.toString(), [input.event]);
}

function eventData(event: CalendarEvent, stampedAt: Date) {
  // Luxon values, not Dates: ical-generator formats a Date with a TZID through the process zone.
  const zone = event.timeZone;
  return {
    id: event.uid,
    start: DateTime.fromJSDate(event.start, { zone }),
    end: DateTime.fromJSDate(event.end, { zone }),
    timezone: zone,
    stamp: DateTime.fromJSDate(stampedAt, { zone: 'UTC' }),
    summary: event.summary,
    description: event.description,
    // The URL parser drops line breaks, so a link cannot smuggle extra lines into the file.
    url: new URL(event.url).href,
    sequence: event.sequence ?? 0,
    status: event.status === 'CANCELLED' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  };
}

// ical-generator's own VTIMEZONE hook writes the zones before REFRESH-INTERVAL, but RFC 5545
// wants every calendar property ahead of the first component, so the zones go in just before
// the first event instead.
function withTimeZoneDefinitions(text: string, events: CalendarEvent[]): string {
  const zones = [...new Set(events.map((event) => event.timeZone))].filter((zone) => zone !== 'UTC').sort();
  const firstEvent = text.indexOf('BEGIN:VEVENT\r\n');
  if (zones.length === 0 || firstEvent === -1) return text;
  const years = events.flatMap((event) => [event.start.getUTCFullYear(), event.end.getUTCFullYear()]);
  // A year either side covers meetings whose local date falls in the neighbouring UTC year.
  const firstYear = Math.min(...years) - 1;
  const lastYear = Math.max(...years) + 1;
  const definitions = zones.map((zone) => buildVTimezone(zone, firstYear, lastYear)).join('');
  return text.slice(0, firstEvent) + definitions + text.slice(firstEvent);
}

// ical-generator escapes event text but writes the calendar's name as given; a name comes from
// people's names, so it is escaped here as RFC 5545 TEXT.
function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (character) => `\\${character}`).replace(/\r\n|\r|\n/g, '\\n');
}

function checkEvents(events: CalendarEvent[], path: string): void {
  const fields: InvalidField[] = [];
  const seen = new Set<string>();
  events.forEach((event, index) => {
    const at = path === 'event' ? 'event' : `${path}.${index}`;
    if (event.uid.trim() === '' || /[\r\n]/.test(event.uid))
      fields.push({ path: `${at}.uid`, message: 'must be one non-empty line' });
    else if (seen.has(event.uid)) fields.push({ path: `${at}.uid`, message: 'is used by another event' });
    seen.add(event.uid);
    const startMs = event.start.getTime();
    const endMs = event.end.getTime();
    if (Number.isNaN(startMs)) fields.push({ path: `${at}.start`, message: 'must be a valid date' });
    if (Number.isNaN(endMs) || endMs <= startMs)
      fields.push({ path: `${at}.end`, message: 'must be after the start' });
    if (!URL.canParse(event.url)) fields.push({ path: `${at}.url`, message: 'must be an absolute URL' });
    // Calendar apps match TZIDs case-sensitively, so only the zone database's own spelling is written.
    if (!isKnownTimeZone(event.timeZone) || canonicalZoneSpelling(event.timeZone) !== event.timeZone) {
      fields.push({
        path: `${at}.timeZone`,
        message: 'must be an IANA time zone spelled like Europe/Berlin',
      });
    }
    if (event.sequence !== undefined && (!Number.isInteger(event.sequence) || event.sequence < 0)) {
      fields.push({ path: `${at}.sequence`, message: 'must be a whole number of 0 or more' });
    }
  });
  if (fields.length > 0)
    throw new AppError('VALIDATION_FAILED', 'The calendar events are invalid.', { fields });
}
