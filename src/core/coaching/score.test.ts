import { describe, expect, it } from 'vitest';
import type { ScorePart } from './analysis-types.ts';
import { totalScore, verdictOf } from './score.ts';

const part = (points: number | null, max: number): ScorePart => ({
  id: 'talkBalance',
  label: 'Talk balance',
  points,
  max,
  explanation: '',
  evidence: [],
});

describe('the coaching score', () => {
  it('is the points earned out of the points that could be measured', () => {
    expect(totalScore([part(15, 15), part(0, 15)])).toBe(50);
    // A first meeting has no previous steps: that part neither helps nor hurts.
    expect(totalScore([part(15, 15), part(0, 15), part(null, 10)])).toBe(50);
  });

  it('has no value when nothing could be measured', () => {
    expect(totalScore([part(null, 10)])).toBeNull();
  });

  it('reads 75 and up as coaching, 50 to 74 as mixed, below 50 as a check-in', () => {
    expect([100, 75, 74, 50, 49, 0].map(verdictOf)).toEqual([
      'coaching',
      'coaching',
      'mixed',
      'mixed',
      'check-in',
      'check-in',
    ]);
  });
});
