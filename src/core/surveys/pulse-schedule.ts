export type PulseCadence = 'once' | 'monthly' | 'quarterly';

const DAY_MS = 86_400_000;
const monthsPerRound: Record<PulseCadence, number | null> = { once: null, monthly: 1, quarterly: 3 };

/** The same moment `months` calendar months later in UTC, on the last day of a shorter month (31 Jan → 28 Feb). */
export function addMonthsUtc(date: Date, months: number): Date {
  const target = new Date(date.getTime());
  const day = date.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

export interface RoundHistory {
  cadence: PulseCadence;
  /** When the survey's first round opened: later rounds fall on the same day of later months. */
  firstOpensAt: Date;
  lastOpensAt: Date;
  openDays: number;
}

/** The `index`-th round's start after the first (0 is the first itself). */
function slot(history: RoundHistory, index: number): Date {
  return addMonthsUtc(history.firstOpensAt, index * (monthsPerRound[history.cadence] ?? 0));
}

/**
 * The start of the round that should be open at `now` and is not yet, or null. Rounds fall on
 * fixed dates counted from the first, so a late sweep does not shift the cadence; a round whose
 * whole answering window passed while nothing ran is skipped rather than opened already closed.
 */
export function dueRoundStart(history: RoundHistory, now: Date): Date | null {
  const step = monthsPerRound[history.cadence];
  if (step === null) return null;
  const first = history.firstOpensAt;
  const monthsElapsed =
    (now.getUTCFullYear() - first.getUTCFullYear()) * 12 + (now.getUTCMonth() - first.getUTCMonth());
  let index = Math.floor(monthsElapsed / step);
  while (index > 0 && slot(history, index) > now) index--;
  if (index < 1) return null;
  const start = slot(history, index);
  if (start.getTime() <= history.lastOpensAt.getTime()) return null;
  if (start.getTime() + history.openDays * DAY_MS <= now.getTime()) return null;
  return start;
}

/** When the next round after the latest will open, or null for a one-off survey. */
export function nextRoundStart(history: RoundHistory): Date | null {
  const step = monthsPerRound[history.cadence];
  if (step === null) return null;
  for (let index = 1; index < 10_000; index++) {
    const start = slot(history, index);
    if (start > history.lastOpensAt) return start;
  }
  return null;
}
