import { afterEach, describe, expect, it } from 'vitest';
import { buildCalendarFeed } from './icalendar.ts';
import { localTimeFor, occurrences, type SeriesSchedule } from './recurrence.ts';

// The server's own zone must never leak into a 1:1's times. Node re-reads the process zone when
// process.env.TZ is assigned, so this file runs the same calculations under several zones.

const originalZone = process.env.TZ;
const processZones = ['UTC', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'Pacific/Chatham'];

const series: SeriesSchedule = {
  cadence: 'biweekly',
  startDate: '2025-03-04',
  startTime: '15:00',
  durationMinutes: 30,
  timeZone: 'Europe/Berlin',
};

function inProcessZone<T>(zone: string, run: () => T): T {
  process.env.TZ = zone;
  return run();
}

function snapshot() {
  const list = occurrences(series, { from: new Date('2025-02-01T00:00:00Z'), count: 8 });
  return list.map((occurrence) => ({
    id: occurrence.occurrenceDate,
    start: occurrence.start.toISOString(),
    report: localTimeFor(occurrence.start, 'America/New_York'),
  }));
}

afterEach(() => {
  process.env.TZ = originalZone;
});

describe('occurrences do not depend on the zone the server process runs in', () => {
  it('really changes the process zone while the test runs', () => {
    const newYorkOffset = inProcessZone('America/New_York', () =>
      new Date('2025-01-15T12:00:00Z').getTimezoneOffset(),
    );
    const sydneyOffset = inProcessZone('Australia/Sydney', () =>
      new Date('2025-01-15T12:00:00Z').getTimezoneOffset(),
    );
    expect([newYorkOffset, sydneyOffset]).toEqual([300, -660]);
  });

  it('gives the same meetings, instants and local times under every process zone', () => {
    const results = processZones.map((zone) => inProcessZone(zone, snapshot));
    for (const result of results) expect(result).toEqual(results[0]);
    expect(results[0]?.map((meeting) => meeting.start)).toEqual([
      '2025-03-04T14:00:00.000Z',
      '2025-03-18T14:00:00.000Z',
      '2025-04-01T13:00:00.000Z',
      '2025-04-15T13:00:00.000Z',
      '2025-04-29T13:00:00.000Z',
      '2025-05-13T13:00:00.000Z',
      '2025-05-27T13:00:00.000Z',
      '2025-06-10T13:00:00.000Z',
    ]);
    expect(results[0]?.[1]?.report.time).toBe('10:00');
  });

  it('writes the same calendar feed under every process zone', () => {
    const feeds = processZones.map((zone) =>
      inProcessZone(zone, () =>
        buildCalendarFeed({
          name: '1:1s',
          stampedAt: new Date('2025-02-01T00:00:00Z'),
          events: occurrences(series, { from: new Date('2025-02-01T00:00:00Z'), count: 4 }).map(
            (occurrence) => ({
              uid: `series-1-${occurrence.occurrenceDate}@tandem`,
              start: occurrence.start,
              end: occurrence.end,
              summary: '1:1 Ana / Ben',
              description: 'Agenda in Tandem',
              url: `https://tandem.example/meetings/${occurrence.occurrenceDate}`,
              timeZone: series.timeZone,
            }),
          ),
        }),
      ),
    );
    for (const feed of feeds) expect(feed).toBe(feeds[0]);
    expect(feeds[0]).toContain('DTSTART;TZID=Europe/Berlin:20250304T150000');
  });
});
