// Each pattern is anchored and has no nested or adjacent unbounded quantifiers, so matching is
// linear in the length of the line whatever a user pastes.
const cueTimestamp = /^(?:(\d{1,3}):)?(\d{2}):(\d{2})(?:[.,](\d{1,9}))?$/;
const clockTimestamp = /^(?:(\d{1,3}):(?=\d{2}:))?(\d{1,3}):(\d{2})(?:[.,](\d{1,3}))?$/;

/**
 * Seconds of a cue timestamp as WebVTT and SRT write it (`01:02:03.450`, `02:03.450`,
 * `01:02:03,450`), or null when it is malformed. Tools vary in fraction digits, so 1–9 are accepted.
 */
export function parseCueTimestamp(text: string): number | null {
  const match = cueTimestamp.exec(text);
  if (!match) return null;
  return toSeconds(match[1], match[2]!, match[3]!, match[4], true);
}

/**
 * Seconds of a loose clock reading as chat tools and people write it (`1:02`, `01:02:03`,
 * `1:02:03.5`), or null when it is not one.
 */
export function parseClockTimestamp(text: string): number | null {
  const match = clockTimestamp.exec(text);
  if (!match) return null;
  return toSeconds(match[1], match[2]!, match[3]!, match[4], match[1] !== undefined);
}

function toSeconds(
  hours: string | undefined,
  minutes: string,
  seconds: string,
  fraction: string | undefined,
  isMinuteOfHour: boolean,
): number | null {
  const m = Number(minutes);
  const s = Number(seconds);
  if (s >= 60 || (isMinuteOfHour && m >= 60)) return null;
  const whole = Number(hours ?? '0') * 3600 + m * 60 + s;
  const parts = fraction === undefined ? 0 : Number(`0.${fraction}`);
  return Math.round((whole + parts) * 1000) / 1000;
}

/** A timestamp at the start of a line (`[00:01:02]`, `(1:02)`, `00:01:02`, `00:01:02 -`) and what follows it. */
export function readLeadingTimestamp(line: string): { seconds: number; rest: string } | null {
  const opening = line.charAt(0);
  let token: string;
  let restStart: number;
  if (opening === '[' || opening === '(') {
    const close = line.indexOf(opening === '[' ? ']' : ')');
    if (close === -1 || close > 20) return null;
    token = line.slice(1, close).trim();
    restStart = close + 1;
  } else {
    const space = line.search(/\s/);
    token = space === -1 ? line : line.slice(0, space);
    restStart = token.length;
  }
  const seconds = token.length > 16 ? null : parseClockTimestamp(token);
  if (seconds === null) return null;
  const rest = line
    .slice(restStart)
    .replace(/^\s*[-–—|]?\s*/, '')
    .trim();
  return { seconds, rest };
}
