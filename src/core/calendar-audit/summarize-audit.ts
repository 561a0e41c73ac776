import { DateTime } from 'luxon';
import { type EventClass, eventClasses } from './classify-event.ts';

export type MeetingVerdict = 'coaching' | 'mixed' | 'check-in';

/** A stored, classified occurrence as the summary reads it. */
export interface AuditedEvent {
  start: Date;
  end: Date;
  eventClass: EventClass;
  attendeeCount: number;
  meetingId: string | null;
}

export type HoursByClass = Record<EventClass, number>;

export interface OneOnOneHours {
  coaching: number;
  mixed: number;
  checkIn: number;
  /** 1:1 hours with no analysed Tandem 1:1 behind them. */
  notAnalysed: number;
}

export interface AuditFigures {
  hoursByClass: HoursByClass;
  meetingHours: number;
  oneOnOneHours: OneOnOneHours;
  /** 1:1 hours whose Tandem analysis says coaching, over all meeting hours; null with no meetings. */
  coachingShare: number | null;
}

export interface AuditWeek extends AuditFigures {
  /** The Monday the week starts on, in the audit's zone. */
  weekStart: string;
  /** Change from the week before (hours by class, meeting hours, coaching share); null for the first. */
  change: { hoursByClass: HoursByClass; meetingHours: number; coachingShare: number | null } | null;
}

export interface AuditSummary {
  total: AuditFigures;
  weeks: AuditWeek[];
}

export interface SummarizeOptions {
  timeZone: string;
  period: { start: Date; end: Date };
}

/**
 * Hours by class per week (Monday to Sunday in the audit's zone), with the coaching share and the
 * change from week to week. Meeting hours are every class but focus, and `other` only where
 * someone else was invited, so lunch and commute holds do not count as meetings.
 */
export function summarizeAudit(
  events: AuditedEvent[],
  meetingVerdicts: ReadonlyMap<string, MeetingVerdict | null>,
  options: SummarizeOptions,
): AuditSummary {
  const weekStarts = mondaysOf(options);
  const byWeek = new Map(weekStarts.map((weekStart) => [weekStart, [] as AuditedEvent[]]));
  for (const event of events) byWeek.get(mondayOf(event.start, options.timeZone))?.push(event);
  let previous: AuditFigures | null = null;
  const weeks: AuditWeek[] = [];
  for (const weekStart of weekStarts) {
    const figures = figuresOf(byWeek.get(weekStart) ?? [], meetingVerdicts);
    weeks.push({ weekStart, ...figures, change: previous ? changeBetween(previous, figures) : null });
    previous = figures;
  }
  return { total: figuresOf(events, meetingVerdicts), weeks };
}

function figuresOf(
  events: AuditedEvent[],
  verdicts: ReadonlyMap<string, MeetingVerdict | null>,
): AuditFigures {
  const hoursByClass = emptyHours();
  const oneOnOneHours: OneOnOneHours = { coaching: 0, mixed: 0, checkIn: 0, notAnalysed: 0 };
  let meetingHours = 0;
  for (const event of events) {
    const hours = (event.end.getTime() - event.start.getTime()) / 3_600_000;
    hoursByClass[event.eventClass] += hours;
    if (isMeeting(event)) meetingHours += hours;
    if (event.eventClass !== 'one-on-one') continue;
    const verdict = event.meetingId ? (verdicts.get(event.meetingId) ?? null) : null;
    if (verdict === 'coaching') oneOnOneHours.coaching += hours;
    else if (verdict === 'mixed') oneOnOneHours.mixed += hours;
    else if (verdict === 'check-in') oneOnOneHours.checkIn += hours;
    else oneOnOneHours.notAnalysed += hours;
  }
  return {
    hoursByClass: roundAll(hoursByClass),
    meetingHours: round(meetingHours),
    oneOnOneHours: roundAll(oneOnOneHours),
    coachingShare: meetingHours === 0 ? null : round(oneOnOneHours.coaching / meetingHours, 3),
  };
}

function isMeeting(event: AuditedEvent): boolean {
  if (event.eventClass === 'focus') return false;
  if (event.eventClass === 'other') return event.attendeeCount >= 2;
  return true;
}

function changeBetween(before: AuditFigures, after: AuditFigures): NonNullable<AuditWeek['change']> {
  const hoursByClass = emptyHours();
  for (const eventClass of eventClasses)
    hoursByClass[eventClass] = round(after.hoursByClass[eventClass] - before.hoursByClass[eventClass]);
  return {
    hoursByClass,
    meetingHours: round(after.meetingHours - before.meetingHours),
    coachingShare:
      before.coachingShare === null || after.coachingShare === null
        ? null
        : round(after.coachingShare - before.coachingShare, 3),
  };
}

function mondayOf(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).startOf('week').toISODate()!;
}

function mondaysOf({ timeZone, period }: SummarizeOptions): string[] {
  const mondays: string[] = [];
  let week = DateTime.fromJSDate(period.start, { zone: timeZone }).startOf('week');
  const end = DateTime.fromJSDate(period.end, { zone: timeZone });
  while (week < end) {
    mondays.push(week.toISODate()!);
    week = week.plus({ weeks: 1 });
  }
  return mondays;
}

function emptyHours(): HoursByClass {
  return Object.fromEntries(eventClasses.map((eventClass) => [eventClass, 0])) as HoursByClass;
}

function roundAll<T extends object>(values: T): T {
  return Object.fromEntries(
    Object.entries(values as Record<string, number>).map(([key, value]) => [key, round(value)]),
  ) as T;
}

function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
