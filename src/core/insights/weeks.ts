const DAY_MS = 86_400_000;

/** The Monday (UTC) of the ISO week that holds `instant`, as YYYY-MM-DD. */
export function weekStartOf(instant: Date): string {
  const day = new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

/** The Mondays of the last `weeks` weeks up to and including the week of `now`, oldest first. */
export function recentWeeks(now: Date, weeks: number): string[] {
  const current = Date.parse(`${weekStartOf(now)}T00:00:00Z`);
  return Array.from({ length: weeks }, (_, index) =>
    new Date(current - (weeks - 1 - index) * 7 * DAY_MS).toISOString().slice(0, 10),
  );
}

/** The first instant counted by a window of the last `weeks` weeks. */
export function windowStart(now: Date, weeks: number): Date {
  return new Date(`${recentWeeks(now, weeks)[0]}T00:00:00Z`);
}

/** `now` minus whole days. */
export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}
