/** `part / whole` rounded to three decimals; null when nothing was counted. */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null;
}

/** A figure rounded to `digits` decimals, null kept as null. */
export function rounded(value: number | null | undefined, digits = 2): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Fills every label with its figure, zero where a grouped query returned no row. */
export function fillSeries<T>(labels: readonly string[], found: ReadonlyMap<string, T>, empty: () => T): T[] {
  return labels.map((label) => found.get(label) ?? empty());
}
