/** The zone the browser runs in, used as the default for new 1:1s. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function safeZone(timeZone: string): string | undefined {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

/** "Thu, 26 Nov" in the given zone. */
export function formatMeetingDay(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: safeZone(timeZone),
  }).format(new Date(iso));
}

/** "Thursday, 26 November 2026" in the given zone. */
export function formatMeetingLongDay(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: safeZone(timeZone),
  }).format(new Date(iso));
}

/** "13:00" (or "1:00 PM") in the given zone. */
export function formatClock(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: safeZone(timeZone),
  }).format(new Date(iso));
}

/** A zone's short name at that instant, e.g. "GMT+1" or "EST". */
export function zoneAbbreviation(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat(undefined, {
    timeZoneName: 'short',
    timeZone: safeZone(timeZone),
  }).formatToParts(new Date(iso));
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/** "13:00–13:30" in the given zone. */
export function formatTimeRange(startsAt: string, endsAt: string, timeZone: string): string {
  return `${formatClock(startsAt, timeZone)}–${formatClock(endsAt, timeZone)}`;
}

/** Whether two zones show a different wall clock at that instant (London and Lisbon do not). */
export function isDifferentClock(iso: string, zoneA: string, zoneB: string): boolean {
  return formatClock(iso, zoneA) !== formatClock(iso, zoneB);
}

/** The city of an IANA zone, for labels: "America/New_York" gives "New York". */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replaceAll('_', ' ');
}

export function durationMinutes(startsAt: string, endsAt: string): number {
  return Math.round((new Date(endsAt).getTime() - new Date(startsAt).getTime()) / 60_000);
}

/** The instant of a wall-clock date and time in a zone, as ISO, e.g. for moving a 1:1. */
export function zonedToIso(date: string, time: string, timeZone: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const guess = Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
  // The zone's offset at the guessed instant; one correction covers every zone's DST change.
  const offsetAt = (instant: number) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: safeZone(timeZone),
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    }).formatToParts(new Date(instant));
    const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
    const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    return wall - instant;
  };
  const first = guess - offsetAt(guess);
  return new Date(guess - offsetAt(first)).toISOString();
}

/** The wall-clock date (YYYY-MM-DD) and time (HH:mm) of an instant in a zone. */
export function isoToZoned(iso: string, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: safeZone(timeZone),
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** Every IANA zone the browser knows, for a time-zone picker. */
export function knownTimeZones(): string[] {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  // The list holds canonical names only; the browser may run in an alias such as "UTC".
  const here = browserTimeZone();
  return zones.includes(here) ? zones : [here, ...zones];
}

/** Tomorrow's date (YYYY-MM-DD) where the browser is. */
export function tomorrow(now: Date = new Date()): string {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${next.getFullYear()}-${pad(next.getMonth() + 1)}-${pad(next.getDate())}`;
}

/** The weekday of a calendar date, e.g. "Thursday". */
export function weekdayOf(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return '';
  return new Intl.DateTimeFormat(undefined, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day, 12)),
  );
}
