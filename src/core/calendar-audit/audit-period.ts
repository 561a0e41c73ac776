import { DateTime } from 'luxon';
import { AppError } from '../errors.ts';

/** The instants an audit covers, from a start date's midnight to the midnight after the end date. */
export interface AuditPeriod {
  start: Date;
  end: Date;
}

const MAX_DAYS = 26 * 7;

/**
 * The period to audit in the owner's zone: `from` to `to` inclusive when given, else the four
 * whole weeks (Monday to Sunday) before the current one, so every week compares like with like.
 */
export function auditPeriodOf(
  input: { from?: string; to?: string },
  timeZone: string,
  now = new Date(),
): AuditPeriod {
  const thisMonday = DateTime.fromJSDate(now, { zone: timeZone }).startOf('week');
  const end = input.to
    ? DateTime.fromISO(input.to, { zone: timeZone }).plus({ days: 1 })
    : input.from
      ? DateTime.fromISO(input.from, { zone: timeZone }).plus({ weeks: 4 })
      : thisMonday;
  const start = input.from ? DateTime.fromISO(input.from, { zone: timeZone }) : end.minus({ weeks: 4 });
  if (!start.isValid || !end.isValid || end <= start)
    throw new AppError('VALIDATION_FAILED', 'The period must end on or after the day it starts.', {
      fields: [{ path: 'body.to', message: 'is before from' }],
    });
  if (end.diff(start, 'days').days > MAX_DAYS)
    throw new AppError('VALIDATION_FAILED', 'A calendar audit covers at most 26 weeks.', {
      fields: [{ path: 'body.from', message: 'is more than 26 weeks before the end' }],
    });
  return { start: start.toJSDate(), end: end.toJSDate() };
}
