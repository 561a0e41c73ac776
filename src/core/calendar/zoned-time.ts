import { DateTime, IANAZone } from 'luxon';

/** A wall-clock date and time with no zone attached: `2025-03-30`, `09:00`. */
export interface WallClock {
  date: string;
  time: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
// Locales whose CLDR data carry the abbreviations people actually say (CET, EDT, AEST, NZDT, BST).
// The first one that names the zone with letters rather than a bare `GMT+n` wins.
// Checking a zone builds an Intl formatter; a feed checks the same few zones many times.
const knownZones = new Map<string, boolean>();
const MAX_CACHED_FORMATTERS = 4000;
const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-NZ'];
const NUMERIC_OFFSET_NAME = /^(GMT|UTC)[+\-−]/;

/** True when `name` is an IANA zone this runtime knows (`Europe/Berlin`, `UTC`), not a bare offset. */
export function isKnownTimeZone(name: string): boolean {
  const known = knownZones.get(name);
  if (known !== undefined) return known;
  const isKnown = /^[A-Za-z]/.test(name) && IANAZone.isValidZone(name);
  if (knownZones.size >= MAX_CACHED_FORMATTERS) knownZones.clear();
  knownZones.set(name, isKnown);
  return isKnown;
}

/** The spelling the runtime's zone database uses for `name` (`europe/berlin` → `Europe/Berlin`). */
export function canonicalZoneSpelling(name: string): string {
  return zoneNameFormatter('en-US', name).resolvedOptions().timeZone;
}

/** Minutes east of UTC in force in `timeZone` at `instant` (Berlin in summer: 120). */
export function offsetMinutesAt(instantMs: number, timeZone: string): number {
  return IANAZone.create(timeZone).offset(instantMs);
}

/**
 * The instant a wall-clock time in `timeZone` refers to, following RFC 5545 §3.3.5: a time that
 * happens twice (clocks going back) means the first of the two, and a time skipped by clocks going
 * forward is read with the offset in force before the gap, so 02:30 on a spring-forward night in
 * Berlin becomes 03:30 local time.
 */
export function wallClockToInstant(wall: WallClock, timeZone: string): Date {
  const asUtcMs = floatingMs(wall);
  const zone = IANAZone.create(timeZone);
  const offsetBefore = zone.offset(asUtcMs - DAY_MS);
  const offsetAfter = zone.offset(asUtcMs + DAY_MS);
  const candidates = [offsetBefore, offsetAfter]
    .map((offset) => asUtcMs - offset * MINUTE_MS)
    .filter((instantMs) => instantMs + zone.offset(instantMs) * MINUTE_MS === asUtcMs)
    .sort((a, b) => a - b);
  const first = candidates[0];
  return new Date(first ?? asUtcMs - offsetBefore * MINUTE_MS);
}

/** The wall clock in `timeZone` at `instant`, to the minute. */
export function instantToWallClock(instant: Date, timeZone: string): WallClock {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  return { date: local.toFormat('yyyy-MM-dd'), time: local.toFormat('HH:mm') };
}

/** The short name of the zone's offset at `instant` (`CEST`, `EST`, `AEDT`), or `GMT+5:30` when it has none. */
export function zoneAbbreviationAt(instant: Date, timeZone: string): string {
  let fallback = '';
  for (const locale of ABBREVIATION_LOCALES) {
    const parts = zoneNameFormatter(locale, timeZone).formatToParts(instant);
    const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
    if (name !== '' && !NUMERIC_OFFSET_NAME.test(name)) return name;
    if (fallback === '') fallback = name;
  }
  return fallback.replace('−', '-');
}

// Building an Intl formatter costs far more than using one, and feeds ask for thousands of names.
const zoneNameFormatters = new Map<string, Intl.DateTimeFormat>();

function zoneNameFormatter(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let formatter = zoneNameFormatters.get(key);
  if (formatter === undefined) {
    // Zone names arrive in any letter case, so the cache is bounded rather than keyed on input alone.
    if (zoneNameFormatters.size >= MAX_CACHED_FORMATTERS) zoneNameFormatters.clear();
    formatter = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' });
    zoneNameFormatters.set(key, formatter);
  }
  return formatter;
}

/** `+02:00`, `-04:00`, `+05:30`: the offset as ISO 8601 writes it. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
  const minutes = String(absolute % 60).padStart(2, '0');
  return `${sign}${hours}:${minutes}`;
}

/**
 * A wall-clock time written into a Date's UTC fields. The recurrence engine works on these
 * "floating" dates so that it counts calendar days and weekdays without ever seeing a zone.
 */
export function floatingMs(wall: WallClock): number {
  const [year, month, day] = wall.date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = wall.time.split(':').map(Number) as [number, number];
  return Date.UTC(year, month - 1, day, hour, minute);
}

/** The `YYYY-MM-DD` date of a floating Date. */
export function floatingDate(floating: Date): string {
  return floating.toISOString().slice(0, 10);
}
