import { AppError, type InvalidField } from '../errors.ts';
import {
  checkQuery,
  isBeforeRuleEnd,
  isRealDate,
  MAX_DURATION_MINUTES,
  MAX_OCCURRENCES,
  MIN_DURATION_MINUTES,
  movedByDate,
} from './occurrence-query.ts';
import { buildSeriesRule, type Cadence, cadenceRuleText } from './series-rule.ts';
import {
  canonicalZoneSpelling,
  floatingDate,
  floatingMs,
  formatOffset,
  instantToWallClock,
  isKnownTimeZone,
  offsetMinutesAt,
  wallClockToInstant,
  zoneAbbreviationAt,
} from './zoned-time.ts';

export type { Cadence } from './series-rule.ts';

/**
 * When and how often a recurring 1:1 meets. The wall-clock time is kept in the series' zone, so a
 * 09:00 Berlin 1:1 stays at 09:00 in Berlin when the clocks change (and moves for everyone else).
 */
export interface SeriesSchedule {
  cadence: Cadence;
  /** The first meeting's local date, `YYYY-MM-DD`; weekly and monthly cadences take their weekday from it. */
  startDate: string;
  /** Local start time, `HH:mm` (24-hour). */
  startTime: string;
  durationMinutes: number;
  /** IANA zone the times are kept in, e.g. `Europe/Berlin`. */
  timeZone: string;
}

/** A meeting moved away from its regular slot; it keeps its original date as its id. */
export interface MovedOccurrence {
  originalDate: string;
  start: Date;
  durationMinutes?: number;
}

export interface OccurrenceExceptions {
  /** Local dates (in the series' zone) of meetings that will not happen. */
  skipped: string[];
  moved: MovedOccurrence[];
}

export interface OccurrenceQuery {
  /** Meetings that end after this instant are returned, so one in progress is still listed. */
  from: Date;
  /** At most this many meetings (1–1000); 8 when neither `count` nor `until` is given. */
  count?: number;
  /** Only meetings that start before this instant. */
  until?: Date;
  exceptions?: Partial<OccurrenceExceptions>;
}

/** One meeting of a series. */
export interface Occurrence {
  /** The regular local date in the series' zone: the occurrence's stable id, kept when it is moved. */
  occurrenceDate: string;
  start: Date;
  end: Date;
  isMoved: boolean;
}

/** A meeting's time as someone in one zone sees it. */
export interface LocalTime {
  date: string;
  time: string;
  zoneAbbreviation: string;
  /** `+02:00`: the offset from UTC, for zones without a lettered abbreviation. */
  utcOffset: string;
}

const DEFAULT_COUNT = 8;
// A custom rule must produce a meeting within this many days of its start, or it never meets.
const FIRST_MEETING_HORIZON_DAYS = 400;
const DAY_MS = 24 * 60 * 60 * 1000;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const WEEKDAY_NAMES: Record<string, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
const ORDINALS: Record<string, string> = {
  '1': 'first',
  '2': 'second',
  '3': 'third',
  '4': 'fourth',
  '-1': 'last',
};

/** Checks a series' schedule and returns it typed; throws VALIDATION_FAILED naming every wrong field. */
export function validateSeriesSchedule(input: unknown): SeriesSchedule {
  const value = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const fields: InvalidField[] = [];
  const { cadence, startDate, startTime, durationMinutes, timeZone } = value;

  if (!isRealDate(startDate))
    fields.push({ path: 'startDate', message: 'must be a real date written YYYY-MM-DD' });
  if (typeof startTime !== 'string' || !TIME.test(startTime)) {
    fields.push({ path: 'startTime', message: 'must be a 24-hour time written HH:mm, e.g. 09:00' });
  }
  if (
    typeof durationMinutes !== 'number' ||
    !Number.isInteger(durationMinutes) ||
    durationMinutes < MIN_DURATION_MINUTES ||
    durationMinutes > MAX_DURATION_MINUTES
  ) {
    fields.push({
      path: 'durationMinutes',
      message: `must be a whole number of minutes from ${MIN_DURATION_MINUTES} to ${MAX_DURATION_MINUTES}`,
    });
  }
  fields.push(...timeZoneProblems(timeZone));
  const isCadenceShaped =
    cadence === 'weekly' ||
    cadence === 'biweekly' ||
    cadence === 'monthly' ||
    (typeof cadence === 'object' &&
      cadence !== null &&
      typeof (cadence as { rrule?: unknown }).rrule === 'string');
  if (!isCadenceShaped) {
    fields.push({ path: 'cadence', message: 'must be weekly, biweekly, monthly or { rrule: "FREQ=…" }' });
  } else if (typeof cadence === 'object' && fields.every((field) => field.path !== 'startDate')) {
    fields.push(...customRuleProblems(cadence as { rrule: string }, startDate as string));
  }

  if (fields.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'The 1:1 schedule is invalid.', { fields });
  }
  return value as unknown as SeriesSchedule;
}

/**
 * The meetings of a series from `query.from` on, earliest first, with skipped meetings left out and
 * moved ones at their new time. Example: a weekly 09:00 Europe/Berlin series starts at 08:00Z in
 * January and at 07:00Z in July.
 */
export function occurrences(series: SeriesSchedule, query: OccurrenceQuery): Occurrence[] {
  const schedule = validateSeriesSchedule(series);
  const { from, until } = query;
  const count = query.count ?? (until === undefined ? DEFAULT_COUNT : undefined);
  checkQuery(query, count);
  const seriesRule = buildSeriesRule(schedule.cadence, schedule.startDate, schedule.startTime);
  const skipped = new Set(query.exceptions?.skipped ?? []);
  const moved = movedByDate(query.exceptions?.moved ?? [], skipped, schedule, seriesRule);
  const durationMs = schedule.durationMinutes * 60_000;
  const isInWindow = (start: Date, end: Date) =>
    end.getTime() > from.getTime() && (until === undefined || start.getTime() < until.getTime());

  const regular: Occurrence[] = [];
  // Offsets stay within ±14 h, so a floating time more than a day before `from` cannot end after it.
  const earliestFloatingMs = from.getTime() - DAY_MS - durationMs;
  const latestFloatingMs = until === undefined ? Number.POSITIVE_INFINITY : until.getTime() + DAY_MS;
  let isTooMany = false;
  seriesRule.rule.all((floating) => {
    const floatingTime = floating.getTime();
    if (floatingTime > latestFloatingMs || !isBeforeRuleEnd(seriesRule, floating, schedule.timeZone))
      return false;
    if (floatingTime < earliestFloatingMs) return true;
    const occurrenceDate = floatingDate(floating);
    if (skipped.has(occurrenceDate) || moved.has(occurrenceDate)) return true;
    const start = wallClockToInstant({ date: occurrenceDate, time: schedule.startTime }, schedule.timeZone);
    const end = new Date(start.getTime() + durationMs);
    if (!isInWindow(start, end)) return true;
    regular.push({ occurrenceDate, start, end, isMoved: false });
    if (count !== undefined) return regular.length < count;
    isTooMany = regular.length > MAX_OCCURRENCES;
    return !isTooMany;
  });
  if (isTooMany) {
    throw new AppError('VALIDATION_FAILED', `More than ${MAX_OCCURRENCES} meetings fall in the window.`, {
      fields: [
        { path: 'until', message: `the window holds more than ${MAX_OCCURRENCES} meetings; narrow it` },
      ],
    });
  }

  const movedInWindow = [...moved.values()].filter((occurrence) =>
    isInWindow(occurrence.start, occurrence.end),
  );
  const all = [...regular, ...movedInWindow].sort(
    (a, b) => a.start.getTime() - b.start.getTime() || a.occurrenceDate.localeCompare(b.occurrenceDate),
  );
  return count === undefined ? all : all.slice(0, count);
}

/** A meeting's start as seen in `timeZone`: `{ date: '2025-03-04', time: '03:00', zoneAbbreviation: 'EST' }`. */
export function localTimeFor(start: Date, timeZone: string): LocalTime {
  const problems = timeZoneProblems(timeZone);
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', 'The time zone is invalid.', { fields: problems });
  if (Number.isNaN(start.getTime())) {
    throw new AppError('VALIDATION_FAILED', 'The start is not a valid date.', {
      fields: [{ path: 'start', message: 'must be a valid date' }],
    });
  }
  return {
    ...instantToWallClock(start, timeZone),
    zoneAbbreviation: zoneAbbreviationAt(start, timeZone),
    utcOffset: formatOffset(offsetMinutesAt(start.getTime(), timeZone)),
  };
}

/** The cadence in words: "Every other Tuesday at 09:00 (Europe/Berlin)". */
export function describeCadence(series: SeriesSchedule): string {
  const schedule = validateSeriesSchedule(series);
  const at = `at ${schedule.startTime} (${schedule.timeZone})`;
  const { cadence, startDate } = schedule;
  if (typeof cadence === 'object') {
    const { rule, end } = buildSeriesRule(cadence, startDate, schedule.startTime);
    const words = rule.toText();
    const lastDate =
      end.kind === 'local'
        ? floatingDate(new Date(end.floatingMs))
        : end.kind === 'instant'
          ? instantToWallClock(end.instant, schedule.timeZone).date
          : null;
    const until = lastDate === null ? '' : ` until ${lastDate}`;
    return `${words.charAt(0).toUpperCase()}${words.slice(1)}${until}, ${at}`;
  }
  const text = buildSeriesRule(cadence, startDate, schedule.startTime).text;
  const weekday = WEEKDAY_NAMES[text.slice(-2)] ?? '';
  if (cadence === 'weekly') return `Every ${weekday} ${at}`;
  if (cadence === 'biweekly') return `Every other ${weekday} ${at}`;
  const ordinal = ORDINALS[/BYDAY=\+?(-?\d)/.exec(text)?.[1] ?? ''] ?? '';
  return `The ${ordinal} ${weekday} of every month ${at}`;
}

/** The series' RFC 5545 RRULE value without DTSTART, e.g. `FREQ=MONTHLY;BYDAY=+2TU` for a monthly series. */
export function recurrenceRuleFor(series: SeriesSchedule): string {
  const schedule = validateSeriesSchedule(series);
  return cadenceRuleText(schedule.cadence, schedule.startDate);
}

function timeZoneProblems(timeZone: unknown): InvalidField[] {
  if (typeof timeZone !== 'string' || !isKnownTimeZone(timeZone)) {
    return [
      { path: 'timeZone', message: 'must be an IANA time zone such as Europe/Berlin or America/New_York' },
    ];
  }
  const canonical = canonicalZoneSpelling(timeZone);
  // Calendar apps match TZIDs case-sensitively, so only the database's own spelling is stored.
  if (canonical !== timeZone && canonical.toLowerCase() === timeZone.toLowerCase()) {
    return [{ path: 'timeZone', message: `write it as ${canonical}` }];
  }
  return [];
}

function customRuleProblems(cadence: { rrule: string }, startDate: string): InvalidField[] {
  try {
    const { rule } = buildSeriesRule(cadence, startDate, '00:00');
    const first = rule.after(new Date(floatingMs({ date: startDate, time: '00:00' })), true);
    const horizon = floatingMs({ date: startDate, time: '00:00' }) + FIRST_MEETING_HORIZON_DAYS * DAY_MS;
    if (first === null || first.getTime() > horizon) {
      return [
        {
          path: 'cadence.rrule',
          message: 'the rule never produces a meeting in the year after the start date',
        },
      ];
    }
    return [];
  } catch (error) {
    if (error instanceof AppError) return error.fields;
    throw error;
  }
}
