import rrule from 'rrule';
import { AppError } from '../errors.ts';
import { floatingMs } from './zoned-time.ts';

// rrule ships CommonJS whose named exports Node cannot see, so the classes come off the default export.
const { RRule } = rrule;
type Rule = InstanceType<typeof RRule>;

/** How often a 1:1 repeats: the three everyday cadences, or any RFC 5545 RRULE for the rest. */
export type Cadence = 'weekly' | 'biweekly' | 'monthly' | { rrule: string };

/** The end of a custom rule, kept apart from the rule because RFC 5545 reads a `Z` UNTIL as an instant. */
export type RuleEnd =
  | { kind: 'instant'; instant: Date }
  | { kind: 'local'; floatingMs: number }
  | { kind: 'none' };

/** A recurrence rule over floating dates (wall clock in UTC fields) plus where it ends. */
export interface SeriesRule {
  rule: Rule;
  end: RuleEnd;
  /** The RRULE value, e.g. `FREQ=MONTHLY;BYDAY=+2TU`, without DTSTART. */
  text: string;
}

const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
// A 1:1 meets at one time of day, so parts that make a rule fire several times a day are refused.
const ALLOWED_PARTS = new Set([
  'FREQ',
  'INTERVAL',
  'COUNT',
  'UNTIL',
  'BYDAY',
  'BYMONTHDAY',
  'BYYEARDAY',
  'BYWEEKNO',
  'BYMONTH',
  'BYSETPOS',
  'WKST',
]);
const ALLOWED_FREQUENCIES = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
const UNTIL_VALUE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/;

/** The weekday code (`TU`) of a `YYYY-MM-DD` date. */
export function weekdayCodeOf(date: string): (typeof WEEKDAY_CODES)[number] {
  const sundayFirst = new Date(floatingMs({ date, time: '00:00' })).getUTCDay();
  return WEEKDAY_CODES[(sundayFirst + 6) % 7] as (typeof WEEKDAY_CODES)[number];
}

/**
 * Which week of its month a date falls in, for the `monthly` cadence: 1–4 count from the start of
 * the month; a date in the fifth week counts as the last, so a series started on a fifth Tuesday
 * meets on the last Tuesday of every month instead of skipping the months that have only four.
 */
export function weekOfMonthOf(date: string): number {
  const day = Number(date.slice(8, 10));
  const week = Math.ceil(day / 7);
  return week === 5 ? -1 : week;
}

/** The RRULE value (no DTSTART) a cadence stands for, anchored on the series' first date. */
export function cadenceRuleText(cadence: Cadence, startDate: string): string {
  const weekday = weekdayCodeOf(startDate);
  if (cadence === 'weekly') return `FREQ=WEEKLY;BYDAY=${weekday}`;
  if (cadence === 'biweekly') return `FREQ=WEEKLY;INTERVAL=2;BYDAY=${weekday}`;
  if (cadence === 'monthly') {
    const week = weekOfMonthOf(startDate);
    return `FREQ=MONTHLY;BYDAY=${week > 0 ? `+${week}` : week}${weekday}`;
  }
  return normalizeRuleText(cadence.rrule);
}

/** Builds the rule for a series from its first date and time; throws VALIDATION_FAILED on a bad RRULE. */
export function buildSeriesRule(cadence: Cadence, startDate: string, startTime: string): SeriesRule {
  const text = cadenceRuleText(cadence, startDate);
  const parts = parseParts(text);
  const untilValue = parts.get('UNTIL');
  parts.delete('UNTIL');
  const withoutUntil = [...parts].map(([key, value]) => `${key}=${value}`).join(';');
  let rule: Rule;
  try {
    const options = RRule.parseString(withoutUntil);
    rule = new RRule({ ...options, dtstart: new Date(floatingMs({ date: startDate, time: startTime })) });
    // rrule defers some checks (an unknown BYDAY code) to the first expansion.
    rule.after(new Date(floatingMs({ date: startDate, time: startTime })), true);
  } catch (error) {
    throw invalidRule(`not a valid RRULE: ${(error as Error).message}`, error);
  }
  return { rule, end: parseUntil(untilValue), text };
}

function normalizeRuleText(raw: string): string {
  const text = raw
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();
  parseParts(text);
  return text;
}

function parseParts(text: string): Map<string, string> {
  if (text === '') throw invalidRule('the RRULE is empty');
  if (/[\r\n]/.test(text)) throw invalidRule('write one RRULE without DTSTART or other lines');
  const parts = new Map<string, string>();
  for (const part of text.split(';')) {
    const [key = '', value, ...rest] = part.split('=');
    if (value === undefined || value === '' || rest.length > 0)
      throw invalidRule(`"${part}" is not KEY=VALUE`);
    if (!ALLOWED_PARTS.has(key)) throw invalidRule(`${key} is not allowed in a 1:1 series`);
    if (parts.has(key)) throw invalidRule(`${key} appears twice`);
    parts.set(key, value);
  }
  const frequency = parts.get('FREQ');
  if (frequency === undefined) throw invalidRule('FREQ is required');
  if (!ALLOWED_FREQUENCIES.has(frequency)) throw invalidRule('FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY');
  for (const key of ['INTERVAL', 'COUNT']) {
    const value = parts.get(key);
    if (value !== undefined && !/^[1-9]\d{0,3}$/.test(value)) {
      throw invalidRule(`${key} must be a whole number from 1 to 9999`);
    }
  }
  if (parts.has('COUNT') && parts.has('UNTIL')) throw invalidRule('use COUNT or UNTIL, not both');
  const until = parts.get('UNTIL');
  if (until !== undefined) parseUntil(until);
  return parts;
}

function parseUntil(value: string | undefined): RuleEnd {
  if (value === undefined) return { kind: 'none' };
  const match = UNTIL_VALUE.exec(value);
  if (match === null) throw invalidRule('UNTIL must look like 20250630 or 20250630T170000Z');
  const [, year, month, day, hour = '23', minute = '59', second = '59', utc] = match;
  const ms = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
  );
  const check = new Date(ms);
  if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day)) {
    throw invalidRule('UNTIL is not a real date');
  }
  // A date-only UNTIL includes that whole local day, which is what a person writing it means.
  return utc === 'Z' ? { kind: 'instant', instant: check } : { kind: 'local', floatingMs: ms };
}

function invalidRule(message: string, cause?: unknown): AppError {
  return new AppError('VALIDATION_FAILED', `The recurrence rule is invalid: ${message}.`, {
    fields: [{ path: 'cadence.rrule', message }],
    cause,
  });
}
