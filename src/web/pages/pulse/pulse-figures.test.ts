import { describe, expect, it } from 'vitest';
import { formatEnps, formatRate, formatSafety } from './pulse-figures.ts';

describe('the figures of a pulse as people read them', () => {
  it('writes a safety score with one decimal, so 6 reads as 6.0 out of 7', () => {
    expect(formatSafety(6)).toBe('6.0');
    expect(formatSafety(5.84)).toBe('5.8');
  });

  it('signs a positive eNPS and leaves zero and negatives as they are', () => {
    expect(formatEnps(50)).toBe('+50');
    expect(formatEnps(0)).toBe('0');
    expect(formatEnps(-17)).toBe('-17');
  });

  it('writes a response rate as a whole percentage, and a dash when it is not known', () => {
    expect(formatRate(0.857)).toBe('86%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(null)).toBe('—');
  });
});
