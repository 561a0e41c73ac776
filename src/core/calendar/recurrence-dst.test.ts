import { describe, expect, it } from 'vitest';
import { localTimeFor, type Occurrence, occurrences, type SeriesSchedule } from './recurrence.ts';

// Every expectation here is a UTC instant worked out by hand from the zone's rules, and every
// input names its zone, so these tests hold whatever zone the process runs in.

function weekly(startDate: string, startTime: string, timeZone: string): SeriesSchedule {
  return { cadence: 'weekly', startDate, startTime, durationMinutes: 45, timeZone };
}

function starts(list: Occurrence[]): string[] {
  return list.map((occurrence) => occurrence.start.toISOString());
}

describe('a weekly 1:1 keeps its local time across daylight-saving changes', () => {
  it('meets at 09:00 in Berlin before and after the clocks go forward on 30 March 2025', () => {
    const list = occurrences(weekly('2025-03-18', '09:00', 'Europe/Berlin'), {
      from: new Date('2025-03-01T00:00:00Z'),
      count: 3,
    });
    expect(list.map((occurrence) => occurrence.occurrenceDate)).toEqual([
      '2025-03-18',
      '2025-03-25',
      '2025-04-01',
    ]);
    expect(starts(list)).toEqual([
      '2025-03-18T08:00:00.000Z',
      '2025-03-25T08:00:00.000Z',
      '2025-04-01T07:00:00.000Z',
    ]);
    expect(list.map((occurrence) => localTimeFor(occurrence.start, 'Europe/Berlin').time)).toEqual([
      '09:00',
      '09:00',
      '09:00',
    ]);
  });

  it('meets at 09:00 in Berlin before and after the clocks go back on 26 October 2025', () => {
    const list = occurrences(weekly('2025-10-21', '09:00', 'Europe/Berlin'), {
      from: new Date('2025-10-01T00:00:00Z'),
      count: 2,
    });
    expect(starts(list)).toEqual(['2025-10-21T07:00:00.000Z', '2025-10-28T08:00:00.000Z']);
    expect(list.map((occurrence) => occurrence.end.toISOString())).toEqual([
      '2025-10-21T07:45:00.000Z',
      '2025-10-28T08:45:00.000Z',
    ]);
  });

  it('meets at 10:00 in New York across the US changes of 9 March and 2 November 2025', () => {
    const spring = occurrences(weekly('2025-03-03', '10:00', 'America/New_York'), {
      from: new Date('2025-03-01T00:00:00Z'),
      count: 2,
    });
    expect(starts(spring)).toEqual(['2025-03-03T15:00:00.000Z', '2025-03-10T14:00:00.000Z']);
    const autumn = occurrences(weekly('2025-10-27', '10:00', 'America/New_York'), {
      from: new Date('2025-10-01T00:00:00Z'),
      count: 2,
    });
    expect(starts(autumn)).toEqual(['2025-10-27T14:00:00.000Z', '2025-11-03T15:00:00.000Z']);
  });

  it('meets at 09:00 in Sydney when summer time ends in April and starts in October', () => {
    const april = occurrences(weekly('2025-04-02', '09:00', 'Australia/Sydney'), {
      from: new Date('2025-03-01T00:00:00Z'),
      count: 2,
    });
    // 09:00 in Sydney is still the previous day in UTC: the id is the local date.
    expect(april.map((occurrence) => occurrence.occurrenceDate)).toEqual(['2025-04-02', '2025-04-09']);
    expect(starts(april)).toEqual(['2025-04-01T22:00:00.000Z', '2025-04-08T23:00:00.000Z']);
    const october = occurrences(weekly('2025-10-01', '09:00', 'Australia/Sydney'), {
      from: new Date('2025-09-01T00:00:00Z'),
      count: 2,
    });
    expect(starts(october)).toEqual(['2025-09-30T23:00:00.000Z', '2025-10-07T22:00:00.000Z']);
    expect(october.map((occurrence) => localTimeFor(occurrence.start, 'Australia/Sydney'))).toEqual([
      { date: '2025-10-01', time: '09:00', zoneAbbreviation: 'AEST', utcOffset: '+10:00' },
      { date: '2025-10-08', time: '09:00', zoneAbbreviation: 'AEDT', utcOffset: '+11:00' },
    ]);
  });
});

describe('a 1:1 between a leader in Berlin and a report in New York', () => {
  const series = weekly('2025-03-04', '15:00', 'Europe/Berlin');

  it('moves an hour later for the report in the three weeks between the US and EU spring changes', () => {
    const list = occurrences(series, { from: new Date('2025-03-01T00:00:00Z'), count: 5 });
    const leader = list.map((occurrence) => localTimeFor(occurrence.start, 'Europe/Berlin'));
    const report = list.map((occurrence) => localTimeFor(occurrence.start, 'America/New_York'));
    expect(leader.map((local) => local.time)).toEqual(['15:00', '15:00', '15:00', '15:00', '15:00']);
    expect(leader.map((local) => local.zoneAbbreviation)).toEqual(['CET', 'CET', 'CET', 'CET', 'CEST']);
    expect(report.map((local) => `${local.date} ${local.time} ${local.zoneAbbreviation}`)).toEqual([
      '2025-03-04 09:00 EST',
      '2025-03-11 10:00 EDT',
      '2025-03-18 10:00 EDT',
      '2025-03-25 10:00 EDT',
      '2025-04-01 09:00 EDT',
    ]);
  });

  it('moves an hour later for the report in the week between the EU and US autumn changes', () => {
    const list = occurrences(series, { from: new Date('2025-10-20T00:00:00Z'), count: 3 });
    expect(list.map((occurrence) => localTimeFor(occurrence.start, 'America/New_York').time)).toEqual([
      '09:00',
      '10:00',
      '09:00',
    ]);
  });
});

describe('a 1:1 set at a time the clocks skip or repeat', () => {
  it('starts a 02:30 meeting at 03:30 on the night Berlin skips from 02:00 to 03:00', () => {
    const list = occurrences(weekly('2025-03-23', '02:30', 'Europe/Berlin'), {
      from: new Date('2025-03-20T00:00:00Z'),
      count: 3,
    });
    expect(starts(list)).toEqual([
      '2025-03-23T01:30:00.000Z',
      '2025-03-30T01:30:00.000Z',
      '2025-04-06T00:30:00.000Z',
    ]);
    expect(localTimeFor(list[1]?.start ?? new Date(Number.NaN), 'Europe/Berlin').time).toBe('03:30');
  });

  it('takes the first of the two 02:30s on the night Berlin repeats an hour', () => {
    const list = occurrences(weekly('2025-10-19', '02:30', 'Europe/Berlin'), {
      from: new Date('2025-10-15T00:00:00Z'),
      count: 3,
    });
    expect(starts(list)).toEqual([
      '2025-10-19T00:30:00.000Z',
      '2025-10-26T00:30:00.000Z',
      '2025-11-02T01:30:00.000Z',
    ]);
    expect(localTimeFor(list[1]?.start ?? new Date(Number.NaN), 'Europe/Berlin').zoneAbbreviation).toBe(
      'CEST',
    );
  });
});
