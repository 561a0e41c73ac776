import { describe, expect, it } from 'vitest';
import type { LeaderFigures } from '../../api/insights.ts';
import {
  coachingShareOf,
  formatAskTell,
  formatHours,
  formatHoursChange,
  formatPointsChange,
  formatShare,
  formatWeek,
  weightedAverage,
} from './insight-figures.ts';

function leader(analysed: number, averageAskTell: number | null): LeaderFigures {
  return {
    leader: { id: String(analysed), name: 'Someone', title: '' },
    teamSize: 3,
    analysed,
    averageScore: null,
    verdicts: { coaching: 0, mixed: 0, checkIn: 0, unscored: 0 },
    averageAskTell,
    averageTalkShare: null,
    planned: 0,
    held: 0,
    stepsDue: 0,
    stepsDoneOnTime: 0,
    followThrough: null,
  };
}

describe('the figures of the executive pages', () => {
  it('writes shares as whole percentages and a missing figure as a dash', () => {
    expect(formatShare(0.617)).toBe('62%');
    expect(formatShare(null)).toBe('—');
  });

  it('writes ask:tell as a ratio against one', () => {
    expect(formatAskTell(1.62)).toBe('1.6 : 1');
    expect(formatAskTell(0.87)).toBe('0.9 : 1');
  });

  it('signs every change from the week before, so the direction is never left to colour', () => {
    expect(formatHours(3.5)).toBe('3.5 h');
    expect(formatHoursChange(3)).toBe('+3 h');
    expect(formatHoursChange(-1.5)).toBe('−1.5 h');
    expect(formatHoursChange(0)).toBe('±0 h');
    expect(formatPointsChange(-0.321)).toBe('−32 pts');
  });

  it('names a week by its Monday without shifting it by the reader’s time zone', () => {
    expect(formatWeek('2026-09-07')).toMatch(/Sep\w* 7|7 Sep/);
  });

  it('counts the coaching share among analysed 1:1s only', () => {
    expect(coachingShareOf({ coaching: 2, mixed: 1, checkIn: 1, unscored: 5 })).toBe(0.5);
    expect(coachingShareOf({ coaching: 0, mixed: 0, checkIn: 0, unscored: 5 })).toBeNull();
  });

  it('weights a leader’s average by how many of their 1:1s were analysed', () => {
    expect(weightedAverage([leader(3, 2), leader(1, 0), leader(0, null)], (l) => l.averageAskTell)).toBe(1.5);
    expect(weightedAverage([leader(0, null)], (l) => l.averageAskTell)).toBeNull();
  });
});
