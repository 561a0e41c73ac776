import type { ScorePart, Verdict } from './analysis-types.ts';

/** Verdict thresholds on the 0–100 score; see docs/COACHING-SCORE.md for how they were set. */
export const verdictThresholds = { coaching: 75, mixed: 50 } as const;

/**
 * The 0–100 score: points earned over the points that could be measured, so a part the input
 * cannot show (a first meeting has no previous steps) neither helps nor hurts.
 */
export function totalScore(parts: readonly ScorePart[]): number | null {
  let points = 0;
  let max = 0;
  for (const part of parts) {
    if (part.points === null) continue;
    points += part.points;
    max += part.max;
  }
  return max === 0 ? null : Math.round((100 * points) / max);
}

/** coaching (75 and up), mixed (50–74) or check-in (below 50). */
export function verdictOf(score: number): Verdict {
  if (score >= verdictThresholds.coaching) return 'coaching';
  if (score >= verdictThresholds.mixed) return 'mixed';
  return 'check-in';
}
