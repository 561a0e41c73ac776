import { describe, expect, it } from 'vitest';
import { fillSeries, rounded, shareOf } from './ratios.ts';

describe('dashboard ratios', () => {
  it('gives shares to three decimals and nothing for an empty whole', () => {
    expect(shareOf(2, 3)).toBe(0.667);
    expect(shareOf(0, 0)).toBeNull();
    expect(rounded(1.23456)).toBe(1.23);
    expect(rounded(Number.NaN)).toBeNull();
  });

  it('fills weeks without rows with zeros so a chart has every label', () => {
    const found = new Map([['2026-11-16', { held: 2 }]]);
    expect(fillSeries(['2026-11-09', '2026-11-16'], found, () => ({ held: 0 }))).toEqual([
      { held: 0 },
      { held: 2 },
    ]);
  });
});
