import { describe, expect, it } from 'vitest';
import { addMonthsUtc, dueRoundStart, nextRoundStart } from './pulse-schedule.ts';

const at = (iso: string) => new Date(iso);
const monthly = {
  cadence: 'monthly' as const,
  firstOpensAt: at('2026-01-31T09:00:00Z'),
  lastOpensAt: at('2026-01-31T09:00:00Z'),
  openDays: 7,
};

describe('when the next pulse round opens', () => {
  it('keeps the day of the month, or the last day of a shorter month', () => {
    expect(addMonthsUtc(at('2026-01-31T09:00:00Z'), 1).toISOString()).toBe('2026-02-28T09:00:00.000Z');
    expect(addMonthsUtc(at('2026-01-31T09:00:00Z'), 3).toISOString()).toBe('2026-04-30T09:00:00.000Z');
    expect(addMonthsUtc(at('2025-11-15T09:00:00Z'), 3).toISOString()).toBe('2026-02-15T09:00:00.000Z');
  });

  it('opens nothing before the next date, and the round once it has come', () => {
    expect(dueRoundStart(monthly, at('2026-02-28T08:59:00Z'))).toBeNull();
    expect(dueRoundStart(monthly, at('2026-02-28T09:00:00Z'))?.toISOString()).toBe(
      '2026-02-28T09:00:00.000Z',
    );
  });

  it('opens a round once: after it exists, the same moment asks for nothing', () => {
    const opened = { ...monthly, lastOpensAt: at('2026-02-28T09:00:00Z') };
    expect(dueRoundStart(opened, at('2026-03-01T12:00:00Z'))).toBeNull();
    expect(nextRoundStart(opened)?.toISOString()).toBe('2026-03-31T09:00:00.000Z');
  });

  it('skips a round whose whole answering window passed unseen, and keeps the cadence', () => {
    expect(dueRoundStart(monthly, at('2026-03-10T00:00:00Z'))).toBeNull();
    expect(dueRoundStart(monthly, at('2026-03-31T10:00:00Z'))?.toISOString()).toBe(
      '2026-03-31T09:00:00.000Z',
    );
  });

  it('asks quarterly surveys every three months and one-off surveys never again', () => {
    const quarterly = { ...monthly, cadence: 'quarterly' as const };
    expect(dueRoundStart(quarterly, at('2026-02-28T10:00:00Z'))).toBeNull();
    expect(dueRoundStart(quarterly, at('2026-04-30T10:00:00Z'))?.toISOString()).toBe(
      '2026-04-30T09:00:00.000Z',
    );
    expect(dueRoundStart({ ...monthly, cadence: 'once' }, at('2027-01-01T00:00:00Z'))).toBeNull();
    expect(nextRoundStart({ ...monthly, cadence: 'once' })).toBeNull();
  });
});
