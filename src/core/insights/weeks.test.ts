import { describe, expect, it } from 'vitest';
import { recentWeeks, weekStartOf, windowStart } from './weeks.ts';

describe('weeks of the dashboard', () => {
  it('starts a week on Monday in UTC, Sunday night included in the week before', () => {
    expect(weekStartOf(new Date('2026-11-24T15:00:00Z'))).toBe('2026-11-23');
    expect(weekStartOf(new Date('2026-11-23T00:00:00Z'))).toBe('2026-11-23');
    expect(weekStartOf(new Date('2026-11-22T23:59:59Z'))).toBe('2026-11-16');
  });

  it('lists the last weeks oldest first, ending with the current one, across a year end', () => {
    expect(recentWeeks(new Date('2027-01-06T09:00:00Z'), 3)).toEqual([
      '2026-12-21',
      '2026-12-28',
      '2027-01-04',
    ]);
    expect(windowStart(new Date('2027-01-06T09:00:00Z'), 3).toISOString()).toBe('2026-12-21T00:00:00.000Z');
  });
});
