import type { Verdict } from '../coaching/analysis-types.ts';

/** A report is flagged after this many days without a held 1:1. */
export const STALE_REPORT_DAYS = 28;
/** A leader is flagged when at least this many of their latest analysed 1:1s are all check-ins. */
export const CHECK_IN_STREAK = 3;

/** One closed round of a team pulse as the results service publishes it. */
export interface PublishedSafetyPoint {
  closesAt: string;
  visibility: 'shown' | 'open' | 'too-few';
  safetyScore: number | null;
}

/**
 * The drop in safety score between a team's last two shown rounds, or null when it did not
 * fall (or fewer than two rounds could be shown). Rounds hidden by the anonymity rules are skipped,
 * never guessed.
 */
export function safetyDrop(points: readonly PublishedSafetyPoint[]): { from: number; to: number } | null {
  const shown = points
    .filter((point) => point.visibility === 'shown' && point.safetyScore !== null)
    .sort((a, b) => a.closesAt.localeCompare(b.closesAt));
  const previous = shown.at(-2);
  const last = shown.at(-1);
  if (!previous || !last) return null;
  return last.safetyScore! < previous.safetyScore!
    ? { from: previous.safetyScore!, to: last.safetyScore! }
    : null;
}

/** Whether a leader's latest analysed 1:1s (newest first) are `CHECK_IN_STREAK` or more check-ins in a row. */
export function isCheckInStreak(
  latestVerdicts: ReadonlyArray<Verdict | null>,
  streak = CHECK_IN_STREAK,
): boolean {
  return (
    latestVerdicts.length >= streak &&
    latestVerdicts.slice(0, streak).every((verdict) => verdict === 'check-in')
  );
}
