/** How the pulse pages write their figures, so every page and table reads them the same way. */

export function formatSafety(score: number): string {
  return score.toFixed(1);
}

export function formatEnps(enps: number): string {
  return enps > 0 ? `+${enps}` : String(enps);
}

export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

export function formatRoundDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { month: 'short', year: 'numeric' });
}

export function formatRoundTick(iso: string): string {
  const date = new Date(iso);
  return `${date.toLocaleDateString(undefined, { month: 'short' })} ’${String(date.getFullYear()).slice(2)}`;
}
