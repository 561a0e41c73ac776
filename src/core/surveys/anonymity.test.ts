import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINIMUM_GROUP_SIZE, publishableGroups } from './anonymity.ts';
import { employeeNetPromoterScore, safetyScore } from './psychological-safety.ts';

describe('publishing pulse figures without isolating anyone', () => {
  it('shows every team of five or more and the total', () => {
    expect(
      publishableGroups([
        { key: 'a', respondents: 6 },
        { key: 'b', respondents: 5 },
      ]),
    ).toEqual({
      visible: ['a', 'b'],
      combined: [],
      isCombinedVisible: false,
      isTotalVisible: true,
    });
  });

  it('never shows anything for fewer than five respondents in all', () => {
    expect(publishableGroups([{ key: 'a', respondents: 4 }])).toMatchObject({
      visible: [],
      isTotalVisible: false,
    });
  });

  it('folds small teams together and hides a shown team when the fold alone would be too small (team minus one person)', () => {
    // Total 11 = 6 + 5 shown would leave 0; with a team of 1 the total minus the shown teams would expose one person.
    const published = publishableGroups([
      { key: 'big', respondents: 6 },
      { key: 'mid', respondents: 5 },
      { key: 'solo', respondents: 1 },
    ]);
    expect(published.visible).toEqual(['big']);
    expect(published.combined).toEqual(['mid', 'solo']);
    expect(published.isCombinedVisible).toBe(true);
  });

  it('lets no combination of published figures isolate fewer than five people', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 8 }), (sizes) => {
        const groups = sizes.map((respondents, index) => ({ key: `g${index}`, respondents }));
        const published = publishableGroups(groups);
        const sizeOf = new Map(groups.map((group) => [group.key, group.respondents]));
        const total = sizes.reduce((sum, size) => sum + size, 0);
        // The figures an observer sees, each as the set of respondents it covers.
        const figures: number[] = [];
        if (published.isTotalVisible) figures.push(total);
        for (const key of published.visible) figures.push(sizeOf.get(key)!);
        const combined = published.combined.reduce((sum, key) => sum + sizeOf.get(key)!, 0);
        if (published.isCombinedVisible) figures.push(combined);
        for (const figure of figures) expect(figure).toBeGreaterThanOrEqual(MINIMUM_GROUP_SIZE);
        // Differences between nested figures: the total minus any sum of shown groups.
        if (published.isTotalVisible) {
          const shown = published.visible.map((key) => sizeOf.get(key)!);
          for (let mask = 1; mask < 1 << shown.length; mask++) {
            const subtracted = shown.reduce(
              (sum, size, index) => (mask & (1 << index) ? sum + size : sum),
              0,
            );
            const remainder = total - subtracted;
            expect(remainder === 0 || remainder >= MINIMUM_GROUP_SIZE).toBe(true);
          }
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('scoring the scales', () => {
  it('reverses items 1, 3 and 5 of the safety scale', () => {
    const allSeven = {
      'mistakes-held-against': 1,
      'raise-problems': 7,
      'reject-different': 1,
      'safe-to-risk': 7,
      'hard-to-ask-help': 1,
      'no-undermining': 7,
      'skills-valued': 7,
    };
    expect(safetyScore(allSeven)).toBe(7);
    expect(safetyScore({ 'mistakes-held-against': 7, 'raise-problems': 1 })).toBe(1);
  });

  it('computes eNPS as promoters minus detractors', () => {
    expect(employeeNetPromoterScore([10, 9, 8, 7, 6, 0])).toBe(0);
    expect(employeeNetPromoterScore([10, 10, 9, 3])).toBe(50);
    expect(employeeNetPromoterScore([])).toBeNull();
  });
});
