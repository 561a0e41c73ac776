import { describe, expect, it } from 'vitest';
import { defaultAuditPeriod } from './calendar-labels.ts';

describe('the period a calendar audit suggests', () => {
  it('is the four whole weeks, Monday to Sunday, before the current week', () => {
    expect(defaultAuditPeriod(new Date(2026, 10, 25, 9))).toEqual({ from: '2026-10-26', to: '2026-11-22' });
  });

  it('counts a Sunday as the end of the current week, not the last of the period', () => {
    expect(defaultAuditPeriod(new Date(2026, 10, 29, 18))).toEqual({ from: '2026-10-26', to: '2026-11-22' });
  });

  it('counts a Monday as the start of a new week', () => {
    expect(defaultAuditPeriod(new Date(2026, 10, 30, 8))).toEqual({ from: '2026-11-02', to: '2026-11-29' });
  });
});
