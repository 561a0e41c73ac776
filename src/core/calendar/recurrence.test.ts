import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import {
  describeCadence,
  localTimeFor,
  type Occurrence,
  occurrences,
  recurrenceRuleFor,
  type SeriesSchedule,
} from './recurrence.ts';

const berlinTuesdays: SeriesSchedule = {
  cadence: 'weekly',
  startDate: '2025-03-04',
  startTime: '09:00',
  durationMinutes: 45,
  timeZone: 'Europe/Berlin',
};

function dates(list: Occurrence[]): string[] {
  return list.map((occurrence) => occurrence.occurrenceDate);
}

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

describe('occurrences of the everyday cadences', () => {
  it('lists the next 8 meetings of a weekly series by default, each on a Tuesday', () => {
    const list = occurrences(berlinTuesdays, { from: new Date('2025-06-01T00:00:00Z') });
    expect(dates(list)).toEqual([
      '2025-06-03',
      '2025-06-10',
      '2025-06-17',
      '2025-06-24',
      '2025-07-01',
      '2025-07-08',
      '2025-07-15',
      '2025-07-22',
    ]);
    expect(list.every((occurrence) => occurrence.start.getUTCHours() === 7 && !occurrence.isMoved)).toBe(
      true,
    );
  });

  it('never lists meetings before the series starts', () => {
    const list = occurrences(berlinTuesdays, { from: new Date('2024-01-01T00:00:00Z'), count: 2 });
    expect(dates(list)).toEqual(['2025-03-04', '2025-03-11']);
  });

  it('still lists a meeting that is in progress', () => {
    const list = occurrences(berlinTuesdays, { from: new Date('2025-03-11T08:30:00Z'), count: 1 });
    expect(dates(list)).toEqual(['2025-03-11']);
  });

  it('keeps a biweekly series on the weeks counted from its first meeting, not from the query', () => {
    const biweekly = { ...berlinTuesdays, cadence: 'biweekly' as const, startDate: '2025-01-07' };
    expect(dates(occurrences(biweekly, { from: new Date('2025-01-01T00:00:00Z'), count: 8 }))).toEqual([
      '2025-01-07',
      '2025-01-21',
      '2025-02-04',
      '2025-02-18',
      '2025-03-04',
      '2025-03-18',
      '2025-04-01',
      '2025-04-15',
    ]);
    expect(dates(occurrences(biweekly, { from: new Date('2025-01-10T00:00:00Z'), count: 1 }))).toEqual([
      '2025-01-21',
    ]);
  });

  it('meets monthly on the same weekday of the month as the first meeting (the second Tuesday)', () => {
    const monthly = { ...berlinTuesdays, cadence: 'monthly' as const, startDate: '2025-01-14' };
    expect(dates(occurrences(monthly, { from: new Date('2025-01-01T00:00:00Z'), count: 6 }))).toEqual([
      '2025-01-14',
      '2025-02-11',
      '2025-03-11',
      '2025-04-08',
      '2025-05-13',
      '2025-06-10',
    ]);
  });

  it('meets on the last Tuesday every month when the series starts on a fifth Tuesday', () => {
    const monthly = { ...berlinTuesdays, cadence: 'monthly' as const, startDate: '2025-04-29' };
    expect(dates(occurrences(monthly, { from: new Date('2025-04-01T00:00:00Z'), count: 5 }))).toEqual([
      '2025-04-29',
      '2025-05-27',
      '2025-06-24',
      '2025-07-29',
      '2025-08-26',
    ]);
  });

  it('lists every meeting that starts before `until` when no count is given', () => {
    const list = occurrences(berlinTuesdays, {
      from: new Date('2025-03-01T00:00:00Z'),
      until: new Date('2025-03-25T08:00:00Z'),
    });
    expect(dates(list)).toEqual(['2025-03-04', '2025-03-11', '2025-03-18']);
  });
});

describe('occurrences of a custom RRULE', () => {
  const newYork = {
    ...berlinTuesdays,
    startDate: '2025-03-03',
    startTime: '10:00',
    timeZone: 'America/New_York',
  };

  it('follows BYDAY, INTERVAL and COUNT, and stops after COUNT meetings', () => {
    const series = { ...newYork, cadence: { rrule: 'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=5' } };
    const list = occurrences(series, { from: new Date('2025-03-01T00:00:00Z'), count: 10 });
    expect(dates(list)).toEqual(['2025-03-03', '2025-03-06', '2025-03-17', '2025-03-20', '2025-03-31']);
    expect(list.map((occurrence) => occurrence.start.toISOString())).toEqual([
      '2025-03-03T15:00:00.000Z',
      '2025-03-06T15:00:00.000Z',
      '2025-03-17T14:00:00.000Z',
      '2025-03-20T14:00:00.000Z',
      '2025-03-31T14:00:00.000Z',
    ]);
  });

  it('includes the whole local day of a date-only UNTIL', () => {
    const series = { ...berlinTuesdays, cadence: { rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20250325' } };
    const list = occurrences(series, { from: new Date('2025-03-01T00:00:00Z'), count: 10 });
    expect(dates(list)).toEqual(['2025-03-04', '2025-03-11', '2025-03-18', '2025-03-25']);
  });

  it('reads a UNTIL ending in Z as an instant, leaving out a 09:00 Berlin meeting at 08:00Z', () => {
    const series = { ...berlinTuesdays, cadence: { rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20250325T070000Z' } };
    const list = occurrences(series, { from: new Date('2025-03-01T00:00:00Z'), count: 10 });
    expect(dates(list)).toEqual(['2025-03-04', '2025-03-11', '2025-03-18']);
  });
});

describe('skipped and moved meetings', () => {
  it('leaves out skipped dates and puts moved meetings at their new time, in time order', () => {
    const list = occurrences(berlinTuesdays, {
      from: new Date('2025-03-01T00:00:00Z'),
      count: 4,
      exceptions: {
        skipped: ['2025-03-11'],
        moved: [
          { originalDate: '2025-03-04', start: new Date('2025-03-12T16:00:00Z') },
          { originalDate: '2025-03-18', start: new Date('2025-03-20T14:00:00Z'), durationMinutes: 30 },
        ],
      },
    });
    expect(list).toEqual([
      {
        occurrenceDate: '2025-03-04',
        start: new Date('2025-03-12T16:00:00Z'),
        end: new Date('2025-03-12T16:45:00Z'),
        isMoved: true,
      },
      {
        occurrenceDate: '2025-03-18',
        start: new Date('2025-03-20T14:00:00Z'),
        end: new Date('2025-03-20T14:30:00Z'),
        isMoved: true,
      },
      {
        occurrenceDate: '2025-03-25',
        start: new Date('2025-03-25T08:00:00Z'),
        end: new Date('2025-03-25T08:45:00Z'),
        isMoved: false,
      },
      {
        occurrenceDate: '2025-04-01',
        start: new Date('2025-04-01T07:00:00Z'),
        end: new Date('2025-04-01T07:45:00Z'),
        isMoved: false,
      },
    ]);
  });

  it('drops a meeting moved to before the window even though its regular date is inside it', () => {
    const list = occurrences(berlinTuesdays, {
      from: new Date('2025-03-10T00:00:00Z'),
      count: 2,
      exceptions: { moved: [{ originalDate: '2025-03-11', start: new Date('2025-03-07T09:00:00Z') }] },
    });
    expect(dates(list)).toEqual(['2025-03-18', '2025-03-25']);
  });

  it('treats a meeting both moved and skipped as cancelled', () => {
    const list = occurrences(berlinTuesdays, {
      from: new Date('2025-03-01T00:00:00Z'),
      count: 2,
      exceptions: {
        skipped: ['2025-03-04'],
        moved: [{ originalDate: '2025-03-04', start: new Date('2025-03-05T09:00:00Z') }],
      },
    });
    expect(dates(list)).toEqual(['2025-03-11', '2025-03-18']);
  });

  it('refuses to move a meeting from a date the series does not meet on', () => {
    const run = () =>
      occurrences(berlinTuesdays, {
        from: new Date('2025-03-01T00:00:00Z'),
        exceptions: { moved: [{ originalDate: '2025-03-05', start: new Date('2025-03-06T09:00:00Z') }] },
      });
    expect(invalidFields(run)).toEqual(['exceptions.moved.0.originalDate']);
  });
});

describe('describeCadence', () => {
  it.each([
    ['weekly', 'Every Tuesday at 09:00 (Europe/Berlin)'],
    ['biweekly', 'Every other Tuesday at 09:00 (Europe/Berlin)'],
    ['monthly', 'The first Tuesday of every month at 09:00 (Europe/Berlin)'],
  ] as const)('describes a %s series as "%s"', (cadence, words) => {
    expect(describeCadence({ ...berlinTuesdays, cadence })).toBe(words);
  });

  it('names the last weekday for a monthly series started in the fifth week', () => {
    expect(describeCadence({ ...berlinTuesdays, cadence: 'monthly', startDate: '2025-04-29' })).toBe(
      'The last Tuesday of every month at 09:00 (Europe/Berlin)',
    );
  });

  it('says when a custom rule with UNTIL ends', () => {
    const series = { ...berlinTuesdays, cadence: { rrule: 'FREQ=MONTHLY;BYMONTHDAY=15;UNTIL=20251215' } };
    expect(describeCadence(series)).toBe(
      'Every month on the 15th until 2025-12-15, at 09:00 (Europe/Berlin)',
    );
  });

  it('puts a custom rule into words', () => {
    const series = { ...berlinTuesdays, cadence: { rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=6' } };
    expect(describeCadence(series)).toBe(
      'Every 2 weeks on Monday, Thursday for 6 times, at 09:00 (Europe/Berlin)',
    );
  });
});

describe('recurrenceRuleFor', () => {
  it.each([
    ['weekly', 'FREQ=WEEKLY;BYDAY=TU'],
    ['biweekly', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU'],
    ['monthly', 'FREQ=MONTHLY;BYDAY=+1TU'],
  ] as const)('writes a %s series as %s', (cadence, rule) => {
    expect(recurrenceRuleFor({ ...berlinTuesdays, cadence })).toBe(rule);
  });

  it('normalizes a custom rule to upper case without the RRULE: prefix', () => {
    expect(
      recurrenceRuleFor({ ...berlinTuesdays, cadence: { rrule: 'rrule:freq=weekly;byday=mo,th' } }),
    ).toBe('FREQ=WEEKLY;BYDAY=MO,TH');
  });
});

describe('localTimeFor', () => {
  const summerInstant = new Date('2025-07-01T07:00:00Z');

  it.each([
    ['Europe/Berlin', { date: '2025-07-01', time: '09:00', zoneAbbreviation: 'CEST', utcOffset: '+02:00' }],
    ['Europe/London', { date: '2025-07-01', time: '08:00', zoneAbbreviation: 'BST', utcOffset: '+01:00' }],
    [
      'America/Los_Angeles',
      { date: '2025-07-01', time: '00:00', zoneAbbreviation: 'PDT', utcOffset: '-07:00' },
    ],
    [
      'Asia/Kolkata',
      { date: '2025-07-01', time: '12:30', zoneAbbreviation: 'GMT+5:30', utcOffset: '+05:30' },
    ],
    [
      'Pacific/Auckland',
      { date: '2025-07-01', time: '19:00', zoneAbbreviation: 'NZST', utcOffset: '+12:00' },
    ],
    ['Pacific/Honolulu', { date: '2025-06-30', time: '21:00', zoneAbbreviation: 'HST', utcOffset: '-10:00' }],
  ])('shows 07:00Z on 1 July in %s as the people there read it', (timeZone, expected) => {
    expect(localTimeFor(summerInstant, timeZone)).toEqual(expected);
  });

  it('names the zone field when the zone is unknown', () => {
    expect(invalidFields(() => localTimeFor(summerInstant, 'Atlantis/Capital'))).toEqual(['timeZone']);
  });
});
