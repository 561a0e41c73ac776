import type { LeaderFigures, VerdictCounts } from '../../api/insights.ts';

/** How the executive pages write their figures, so the dashboard, a leader's page and the tables agree. */

export function formatShare(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** Questions per telling statement, as a ratio a reader can compare with 1:1. */
export function formatAskTell(ratio: number | null): string {
  return ratio === null ? '—' : `${ratio.toFixed(1)} : 1`;
}

export function formatScore(score: number | null): string {
  return score === null ? '—' : String(Math.round(score));
}

export function formatHours(hours: number): string {
  return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} h`;
}

/** A change from the week before, always signed so a reader sees the direction. */
export function formatHoursChange(hours: number): string {
  if (hours === 0) return '±0 h';
  return `${hours > 0 ? '+' : '−'}${formatHours(Math.abs(hours))}`;
}

export function formatPointsChange(share: number | null): string {
  if (share === null) return '—';
  const points = Math.round(share * 100);
  if (points === 0) return '±0 pts';
  return `${points > 0 ? '+' : '−'}${Math.abs(points)} pts`;
}

/** A week by its Monday, e.g. "Sep 7". */
export function formatWeek(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return new Date(Date.UTC(year, month - 1, day, 12)).toLocaleDateString(undefined, {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

export function verdictTotal(counts: VerdictCounts): number {
  return counts.coaching + counts.mixed + counts.checkIn;
}

/** The share of analysed 1:1s that were coaching; null when none were analysed. */
export function coachingShareOf(counts: VerdictCounts): number | null {
  const total = verdictTotal(counts);
  return total === 0 ? null : counts.coaching / total;
}

export function sumVerdicts(rows: readonly VerdictCounts[]): VerdictCounts {
  return rows.reduce<VerdictCounts>(
    (sum, row) => ({
      coaching: sum.coaching + row.coaching,
      mixed: sum.mixed + row.mixed,
      checkIn: sum.checkIn + row.checkIn,
      unscored: sum.unscored + row.unscored,
    }),
    { coaching: 0, mixed: 0, checkIn: 0, unscored: 0 },
  );
}

/** A leader average across leaders, weighted by how many of their 1:1s were analysed. */
export function weightedAverage(
  leaders: readonly LeaderFigures[],
  figure: (leader: LeaderFigures) => number | null,
): number | null {
  let sum = 0;
  let weight = 0;
  for (const leader of leaders) {
    const value = figure(leader);
    if (value === null || leader.analysed === 0) continue;
    sum += value * leader.analysed;
    weight += leader.analysed;
  }
  return weight === 0 ? null : sum / weight;
}

export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
