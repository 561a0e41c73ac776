import { describe, expect, it } from 'vitest';
import { auditPeriodOf } from './audit-period.ts';

describe('auditPeriodOf', () => {
  it('defaults to the four whole weeks before the current one, in the owner’s zone', () => {
    const period = auditPeriodOf({}, 'Europe/Berlin', new Date('2026-11-11T12:00:00Z'));
    expect(period.start.toISOString()).toBe('2026-10-11T22:00:00.000Z');
    expect(period.end.toISOString()).toBe('2026-11-08T23:00:00.000Z');
  });

  it('takes from and to as whole days, the end day included', () => {
    const period = auditPeriodOf({ from: '2026-10-05', to: '2026-10-18' }, 'UTC');
    expect(period.start.toISOString()).toBe('2026-10-05T00:00:00.000Z');
    expect(period.end.toISOString()).toBe('2026-10-19T00:00:00.000Z');
  });

  it('refuses a period that ends before it starts, or one longer than 26 weeks', () => {
    expect(() => auditPeriodOf({ from: '2026-10-05', to: '2026-10-01' }, 'UTC')).toThrow(/end on or after/);
    expect(() => auditPeriodOf({ from: '2025-01-01', to: '2026-10-01' }, 'UTC')).toThrow(/26 weeks/);
  });
});
