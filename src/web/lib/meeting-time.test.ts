import { describe, expect, it } from 'vitest';
import { isDifferentClock, isoToZoned, weekdayOf, zoneCity, zonedToIso } from './meeting-time.ts';
import { formatOffset } from './transcript-file.ts';

describe('meeting times across time zones', () => {
  it('turns a wall-clock time in a zone into the right instant, in summer and in winter', () => {
    expect(zonedToIso('2026-07-01', '09:30', 'Europe/Berlin')).toBe('2026-07-01T07:30:00.000Z');
    expect(zonedToIso('2026-01-15', '09:30', 'Europe/Berlin')).toBe('2026-01-15T08:30:00.000Z');
    expect(zonedToIso('2026-03-09', '14:00', 'America/New_York')).toBe('2026-03-09T18:00:00.000Z');
    expect(zonedToIso('2026-03-09', '14:00', 'Asia/Kolkata')).toBe('2026-03-09T08:30:00.000Z');
  });

  it('reads an instant back as the date and time on the wall in that zone', () => {
    expect(isoToZoned('2026-07-01T07:30:00.000Z', 'Europe/Berlin')).toEqual({
      date: '2026-07-01',
      time: '09:30',
    });
    expect(isoToZoned('2026-07-01T02:00:00.000Z', 'America/Los_Angeles')).toEqual({
      date: '2026-06-30',
      time: '19:00',
    });
  });

  it('shows the other person’s time only when their clock differs', () => {
    expect(isDifferentClock('2026-07-01T07:30:00.000Z', 'Europe/London', 'Europe/Lisbon')).toBe(false);
    expect(isDifferentClock('2026-07-01T07:30:00.000Z', 'Europe/London', 'America/New_York')).toBe(true);
  });

  it('names a zone by its city and a date by its weekday', () => {
    expect(zoneCity('America/New_York')).toBe('New York');
    expect(weekdayOf('2026-11-26')).toMatch(/^Thu/);
  });

  it('writes offsets into a recording as minutes and seconds, with hours past the hour', () => {
    expect(formatOffset(83.4)).toBe('01:23');
    expect(formatOffset(3723)).toBe('1:02:03');
  });
});
