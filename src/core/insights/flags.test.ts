import { describe, expect, it } from 'vitest';
import { isCheckInStreak, safetyDrop } from './flags.ts';

describe('attention flags', () => {
  it('flags a fall in safety between the last two rounds that could be shown, skipping hidden ones', () => {
    expect(
      safetyDrop([
        { closesAt: '2026-01-10', visibility: 'shown', safetyScore: 80 },
        { closesAt: '2026-02-10', visibility: 'shown', safetyScore: 72 },
        { closesAt: '2026-03-10', visibility: 'too-few', safetyScore: null },
      ]),
    ).toEqual({ from: 80, to: 72 });
  });

  it('does not flag a rise, an unchanged score or a single shown round', () => {
    expect(
      safetyDrop([
        { closesAt: '2026-01-10', visibility: 'shown', safetyScore: 70 },
        { closesAt: '2026-02-10', visibility: 'shown', safetyScore: 70 },
      ]),
    ).toBeNull();
    expect(safetyDrop([{ closesAt: '2026-01-10', visibility: 'shown', safetyScore: 70 }])).toBeNull();
    expect(
      safetyDrop([
        { closesAt: '2026-02-10', visibility: 'shown', safetyScore: 75 },
        { closesAt: '2026-01-10', visibility: 'shown', safetyScore: 60 },
      ]),
    ).toBeNull();
  });

  it('flags a leader only when their last three analysed 1:1s are all check-ins', () => {
    expect(isCheckInStreak(['check-in', 'check-in', 'check-in', 'coaching'])).toBe(true);
    expect(isCheckInStreak(['check-in', 'mixed', 'check-in'])).toBe(false);
    expect(isCheckInStreak(['check-in', 'check-in'])).toBe(false);
  });
});
