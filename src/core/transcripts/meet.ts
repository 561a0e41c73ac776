import { readTranscriptLines } from './decode.ts';
import { isSpeakerName, normalizeSpeaker } from './speaker-name.ts';
import { parseClockTimestamp, readLeadingTimestamp } from './timestamps.ts';
import { transcriptError } from './transcript-error.ts';
import { buildTranscript } from './turns.ts';
import type { ParsedTranscript, Utterance } from './types.ts';

/** A line that opens a speaker's turn in a Meet transcript, and how many lines it takes. */
export interface SpeakerHeader {
  index: number;
  speaker: string;
  start: number | null;
  /** Index of the first line after the header (after its timestamp line, when it has one). */
  next: number;
}

/** What a scan of a text found that makes it look like a Google Meet transcript. */
export interface MeetShape {
  headers: SpeakerHeader[];
  /** Headers that carry a timestamp, the strongest sign of a Meet transcript. */
  timedHeaderCount: number;
  distinctSpeakers: number;
  /** For untimed text: share of blank-line-separated blocks that open with a name line. */
  namedBlockShare: number;
}

/** Parses a transcript copied from Google Meet: a speaker line (`Name`, then `00:01:23`, or `Name  0:05`), then text. */
export function parseMeet(input: string | Uint8Array): ParsedTranscript {
  return parseMeetLines(readTranscriptLines(input));
}

/** Parses the lines of a Meet transcript; text before the first speaker line (a title) is left out. */
export function parseMeetLines(lines: readonly string[]): ParsedTranscript {
  const { headers } = scanMeet(lines);
  if (headers.length === 0) {
    throw transcriptError('No speaker line found: a Meet transcript has a name line before each turn.');
  }
  const pieces: Utterance[] = [];
  for (let h = 0; h < headers.length; h++) {
    const header = headers[h]!;
    const until = headers[h + 1]?.index ?? lines.length;
    const text: string[] = [];
    for (let i = header.next; i < until; i++) {
      const line = lines[i]!.trim();
      // Meet repeats a timestamp every few minutes inside long turns; it is not speech.
      if (line !== '' && readLeadingTimestamp(line)?.rest !== '') text.push(line);
    }
    pieces.push({ speaker: header.speaker, start: header.start, end: null, text: text.join(' ') });
  }
  return buildTranscript('meet', pieces, { endsAtNextStart: true });
}

// "Dana Whitfield  0:05" or "Dana Whitfield (00:01:23)": the name and when the turn began.
const inlineHeader = /^(.{1,60}?)\s+\(?(\d{1,3}(?::\d{2}){1,2})\)?$/;

/**
 * Finds the speaker lines of a Meet transcript. A name line counts when a timestamp follows it
 * (on its own line or the same one), or, once such lines have named the speakers, when it is one
 * of those names alone. Without any timestamps, a name line opening a blank-line-separated block counts.
 */
export function scanMeet(lines: readonly string[]): MeetShape {
  const timed: SpeakerHeader[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = readTimedHeader(lines, i);
    if (header) {
      timed.push(header);
      i = header.next - 1;
    }
  }
  if (timed.length > 0) {
    const headers = addRepeatedNames(lines, timed);
    return {
      headers,
      timedHeaderCount: timed.length,
      distinctSpeakers: countSpeakers(headers),
      namedBlockShare: 0,
    };
  }
  return scanUntimedBlocks(lines);
}

function readTimedHeader(lines: readonly string[], i: number): SpeakerHeader | null {
  const line = lines[i]!.trim();
  if (line === '') return null;
  // A name and a time fit in 80 characters; the length check keeps the pattern from scanning long lines.
  const inline = line.length <= 80 ? inlineHeader.exec(line) : null;
  if (inline && isNameLine(inline[1]!)) {
    const start = parseClockTimestamp(inline[2]!);
    if (start !== null) return { index: i, speaker: normalizeSpeaker(inline[1]!), start, next: i + 1 };
  }
  if (!isNameLine(line)) return null;
  let j = i + 1;
  while (j < lines.length && lines[j]!.trim() === '') j++;
  const stamp = j < lines.length ? readLeadingTimestamp(lines[j]!.trim()) : null;
  if (stamp === null || stamp.rest !== '') return null;
  return { index: i, speaker: normalizeSpeaker(line), start: stamp.seconds, next: j + 1 };
}

/** Meet leaves the timestamp out when it is unchanged; a known name alone on a line still opens a turn. */
function addRepeatedNames(lines: readonly string[], timed: SpeakerHeader[]): SpeakerHeader[] {
  const names = new Set(timed.map((header) => header.speaker));
  const headers: SpeakerHeader[] = [];
  let t = 0;
  for (let i = 0; i < lines.length; i++) {
    const header = timed[t];
    if (header && header.index === i) {
      headers.push(header);
      t++;
      i = header.next - 1;
      continue;
    }
    const line = normalizeSpeaker(lines[i]!);
    if (names.has(line)) headers.push({ index: i, speaker: line, start: null, next: i + 1 });
  }
  return headers;
}

function scanUntimedBlocks(lines: readonly string[]): MeetShape {
  const headers: SpeakerHeader[] = [];
  let blocks = 0;
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.trim() === '') {
      i++;
      continue;
    }
    const first = i;
    while (i < lines.length && lines[i]!.trim() !== '') i++;
    blocks++;
    const name = lines[first]!.trim();
    // A one-line block is a paragraph of the turn before, not a speaker without words.
    if (i - first >= 2 && isNameLine(name)) {
      headers.push({ index: first, speaker: normalizeSpeaker(name), start: null, next: first + 1 });
    }
  }
  return {
    headers,
    timedHeaderCount: 0,
    distinctSpeakers: countSpeakers(headers),
    namedBlockShare: blocks === 0 ? 0 : headers.length / blocks,
  };
}

/** A line holding a name and nothing else; a full stop means it is a short sentence ("Thanks.") instead. */
function isNameLine(line: string): boolean {
  const trimmed = line.trim();
  return isSpeakerName(trimmed) && !/[.]$/.test(trimmed);
}

function countSpeakers(headers: readonly SpeakerHeader[]): number {
  return new Set(headers.map((header) => header.speaker)).size;
}
