import { offsetMinutesAt, zoneAbbreviationAt } from './zoned-time.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

const MAX_CACHED = 1000;
const built = new Map<string, string>();

interface Transition {
  atMs: number;
  fromOffset: number;
  toOffset: number;
}

/**
 * An RFC 5545 VTIMEZONE for `timeZone` covering the given years, written as one observance per
 * offset change rather than as RRULEs, so it is exact even for years a zone changed its rules.
 * Calendar apps then show each meeting in the series' own zone, and convert it right.
 */
export function buildVTimezone(timeZone: string, firstYear: number, lastYear: number): string {
  const key = `${timeZone}|${firstYear}|${lastYear}`;
  let text = built.get(key);
  if (text === undefined) {
    // Feeds are polled hourly and share a handful of zones, so each definition is worked out once.
    if (built.size >= MAX_CACHED) built.clear();
    text = writeVTimezone(timeZone, firstYear, lastYear);
    built.set(key, text);
  }
  return text;
}

function writeVTimezone(timeZone: string, firstYear: number, lastYear: number): string {
  const rangeStartMs = Date.UTC(firstYear, 0, 1);
  const rangeEndMs = Date.UTC(lastYear + 1, 0, 1);
  const initialOffset = offsetMinutesAt(rangeStartMs, timeZone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  lines.push(
    ...observance(timeZone, { atMs: rangeStartMs, fromOffset: initialOffset, toOffset: initialOffset }),
  );
  for (const transition of transitionsBetween(timeZone, rangeStartMs, rangeEndMs)) {
    lines.push(...observance(timeZone, transition));
  }
  lines.push('END:VTIMEZONE');
  return `${lines.join('\r\n')}\r\n`;
}

function observance(timeZone: string, transition: Transition): string[] {
  const kind = isDaylightOffset(timeZone, transition.atMs, transition.toOffset) ? 'DAYLIGHT' : 'STANDARD';
  // DTSTART of an observance is the local time of the change, read on the clock before it.
  const localOnset = new Date(transition.atMs + transition.fromOffset * MINUTE_MS);
  return [
    `BEGIN:${kind}`,
    `DTSTART:${localOnset.toISOString().slice(0, 19).replace(/[-:]/g, '')}`,
    `TZOFFSETFROM:${icalOffset(transition.fromOffset)}`,
    `TZOFFSETTO:${icalOffset(transition.toOffset)}`,
    `TZNAME:${zoneAbbreviationAt(new Date(transition.atMs), timeZone)}`,
    `END:${kind}`,
  ];
}

function transitionsBetween(timeZone: string, startMs: number, endMs: number): Transition[] {
  const transitions: Transition[] = [];
  let previousMs = startMs;
  let previousOffset = offsetMinutesAt(startMs, timeZone);
  // Zones change offset at most a few times a year and never twice within a day, so a daily
  // scan finds every change; a binary search then pins it to the minute.
  for (let dayMs = startMs + DAY_MS; dayMs <= endMs; dayMs += DAY_MS) {
    const offset = offsetMinutesAt(dayMs, timeZone);
    if (offset !== previousOffset) {
      transitions.push({
        atMs: firstMinuteWithOffset(timeZone, previousMs, dayMs),
        fromOffset: previousOffset,
        toOffset: offset,
      });
      previousOffset = offset;
    }
    previousMs = dayMs;
  }
  return transitions;
}

function firstMinuteWithOffset(timeZone: string, beforeMs: number, afterMs: number): number {
  const oldOffset = offsetMinutesAt(beforeMs, timeZone);
  let low = beforeMs;
  let high = afterMs;
  while (high - low > MINUTE_MS) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetMinutesAt(middle, timeZone) === oldOffset) low = middle;
    else high = middle;
  }
  return high;
}

// Daylight time is the higher of the year's offsets; a zone with one offset all year has none.
function isDaylightOffset(timeZone: string, atMs: number, offset: number): boolean {
  const year = new Date(atMs).getUTCFullYear();
  const january = offsetMinutesAt(Date.UTC(year, 0, 1), timeZone);
  const july = offsetMinutesAt(Date.UTC(year, 6, 1), timeZone);
  return january !== july && offset > Math.min(january, july);
}

function icalOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}${String(absolute % 60).padStart(2, '0')}`;
}
