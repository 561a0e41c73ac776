import { AppError, type InvalidField } from '../errors.ts';
import type { MovedOccurrence, Occurrence, OccurrenceQuery, SeriesSchedule } from './recurrence.ts';
import type { SeriesRule } from './series-rule.ts';
import { floatingDate, floatingMs, wallClockToInstant } from './zoned-time.ts';

// Checks and exception handling behind occurrences() in recurrence.ts.

export const MIN_DURATION_MINUTES = 5;
export const MAX_DURATION_MINUTES = 480;
export const MAX_OCCURRENCES = 1000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a `YYYY-MM-DD` string naming a day that exists (no 30 February). */
export function isRealDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Throws VALIDATION_FAILED naming each wrong part of an occurrence query (`from`, `count`, `exceptions.moved.0.start`). */
export function checkQuery(query: OccurrenceQuery, count: number | undefined): void {
  const fields: InvalidField[] = [];
  if (!(query.from instanceof Date) || Number.isNaN(query.from.getTime())) {
    fields.push({ path: 'from', message: 'must be a valid date' });
  }
  if (query.until !== undefined && (!(query.until instanceof Date) || Number.isNaN(query.until.getTime()))) {
    fields.push({ path: 'until', message: 'must be a valid date' });
  }
  if (count !== undefined && (!Number.isInteger(count) || count < 1 || count > MAX_OCCURRENCES)) {
    fields.push({ path: 'count', message: `must be a whole number from 1 to ${MAX_OCCURRENCES}` });
  }
  (query.exceptions?.skipped ?? []).forEach((date, index) => {
    if (!isRealDate(date))
      fields.push({ path: `exceptions.skipped.${index}`, message: 'must be a date YYYY-MM-DD' });
  });
  (query.exceptions?.moved ?? []).forEach((move, index) => {
    const path = `exceptions.moved.${index}`;
    if (!isRealDate(move.originalDate))
      fields.push({ path: `${path}.originalDate`, message: 'must be YYYY-MM-DD' });
    if (!(move.start instanceof Date) || Number.isNaN(move.start.getTime())) {
      fields.push({ path: `${path}.start`, message: 'must be a valid date' });
    }
    const minutes = move.durationMinutes;
    if (
      minutes !== undefined &&
      (!Number.isInteger(minutes) || minutes < MIN_DURATION_MINUTES || minutes > MAX_DURATION_MINUTES)
    ) {
      fields.push({
        path: `${path}.durationMinutes`,
        message: `must be ${MIN_DURATION_MINUTES}–${MAX_DURATION_MINUTES}`,
      });
    }
  });
  if (fields.length > 0)
    throw new AppError('VALIDATION_FAILED', 'The occurrence query is invalid.', { fields });
}

// A meeting that was moved and later cancelled is skipped: the skip is the newer decision.
/** The moved meetings of a query by their original date; throws when one is not a date of the series. */
export function movedByDate(
  moves: MovedOccurrence[],
  skipped: Set<string>,
  schedule: SeriesSchedule,
  seriesRule: SeriesRule,
): Map<string, Occurrence> {
  const byDate = new Map<string, Occurrence>();
  moves.forEach((move, index) => {
    if (skipped.has(move.originalDate)) return;
    const dayStart = new Date(floatingMs({ date: move.originalDate, time: '00:00' }));
    const regular = seriesRule.rule.after(dayStart, true);
    const isRegularDate = regular !== null && floatingDate(regular) === move.originalDate;
    if (!isRegularDate || !isBeforeRuleEnd(seriesRule, regular, schedule.timeZone)) {
      throw new AppError('VALIDATION_FAILED', 'A moved meeting does not belong to the series.', {
        fields: [
          {
            path: `exceptions.moved.${index}.originalDate`,
            message: 'is not a date on which the series meets',
          },
        ],
      });
    }
    const minutes = move.durationMinutes ?? schedule.durationMinutes;
    const end = new Date(move.start.getTime() + minutes * 60_000);
    byDate.set(move.originalDate, {
      occurrenceDate: move.originalDate,
      start: move.start,
      end,
      isMoved: true,
    });
  });
  return byDate;
}

/** False once a custom rule's UNTIL has passed for the meeting on this floating date. */
export function isBeforeRuleEnd(seriesRule: SeriesRule, floating: Date, timeZone: string): boolean {
  const { end } = seriesRule;
  if (end.kind === 'none') return true;
  if (end.kind === 'local') return floating.getTime() <= end.floatingMs;
  const start = wallClockToInstant(
    { date: floatingDate(floating), time: floating.toISOString().slice(11, 16) },
    timeZone,
  );
  return start.getTime() <= end.instant.getTime();
}
