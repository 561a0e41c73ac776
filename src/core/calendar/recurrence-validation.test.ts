import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { occurrences, type SeriesSchedule, validateSeriesSchedule } from './recurrence.ts';

const berlinTuesdays: SeriesSchedule = {
  cadence: 'weekly',
  startDate: '2025-03-04',
  startTime: '09:00',
  durationMinutes: 45,
  timeZone: 'Europe/Berlin',
};

function invalidFields(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION_FAILED');
    return (error as AppError).fields.map((field) => field.path);
  }
  throw new Error('expected a validation error');
}

describe('invalid schedules name the wrong field', () => {
  it.each([
    [{ startDate: '2025-02-30' }, 'startDate'],
    [{ startDate: '04/03/2025' }, 'startDate'],
    [{ startTime: '9:00' }, 'startTime'],
    [{ startTime: '24:00' }, 'startTime'],
    [{ durationMinutes: 4 }, 'durationMinutes'],
    [{ durationMinutes: 481 }, 'durationMinutes'],
    [{ durationMinutes: 30.5 }, 'durationMinutes'],
    [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    [{ timeZone: '+02:00' }, 'timeZone'],
    [{ timeZone: 'europe/berlin' }, 'timeZone'],
    [{ cadence: 'daily' }, 'cadence'],
    [{ cadence: { rrule: 'FREQ=HOURLY' } }, 'cadence.rrule'],
    [{ cadence: { rrule: 'FREQ=WEEKLY;BYDAY=XX' } }, 'cadence.rrule'],
    [{ cadence: { rrule: 'FREQ=WEEKLY;BYHOUR=9,15' } }, 'cadence.rrule'],
    [{ cadence: { rrule: 'FREQ=WEEKLY;COUNT=3;UNTIL=20250601' } }, 'cadence.rrule'],
    [{ cadence: { rrule: 'FREQ=WEEKLY;INTERVAL=0' } }, 'cadence.rrule'],
    [{ cadence: { rrule: 'DTSTART:20250304T090000\nRRULE:FREQ=WEEKLY' } }, 'cadence.rrule'],
    [{ cadence: { rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' } }, 'cadence.rrule'],
    [{ cadence: { rrule: 'every tuesday' } }, 'cadence.rrule'],
  ])('rejects %j naming %s', (change, path) => {
    expect(invalidFields(() => validateSeriesSchedule({ ...berlinTuesdays, ...change }))).toEqual([path]);
  });

  it('names every wrong field at once', () => {
    const fields = invalidFields(() =>
      validateSeriesSchedule({
        cadence: 'weekly',
        startDate: 'soon',
        startTime: '25:00',
        timeZone: 'Berlin',
      }),
    );
    expect(fields).toEqual(['startDate', 'startTime', 'durationMinutes', 'timeZone']);
  });

  it('tells how to spell a zone written in the wrong case', () => {
    try {
      validateSeriesSchedule({ ...berlinTuesdays, timeZone: 'europe/berlin' });
    } catch (error) {
      expect((error as AppError).fields[0]?.message).toBe('write it as Europe/Berlin');
    }
    expect.assertions(1);
  });

  it('accepts the shortest and longest durations', () => {
    expect(validateSeriesSchedule({ ...berlinTuesdays, durationMinutes: 5 }).durationMinutes).toBe(5);
    expect(validateSeriesSchedule({ ...berlinTuesdays, durationMinutes: 480 }).durationMinutes).toBe(480);
  });

  it('rejects a query with a bad count or an invalid date', () => {
    const from = new Date('2025-03-01T00:00:00Z');
    expect(invalidFields(() => occurrences(berlinTuesdays, { from, count: 0 }))).toEqual(['count']);
    expect(invalidFields(() => occurrences(berlinTuesdays, { from: new Date('not a date') }))).toEqual([
      'from',
    ]);
    expect(
      invalidFields(() =>
        occurrences(
          { ...berlinTuesdays, cadence: { rrule: 'FREQ=DAILY' } },
          { from, until: new Date('2030-01-01') },
        ),
      ),
    ).toEqual(['until']);
  });
});
