import { readCueText } from './cue-text.ts';
import { normalizeSpeaker } from './speaker-name.ts';
import { parseCueTimestamp } from './timestamps.ts';
import { transcriptError } from './transcript-error.ts';
import { unknownSpeaker } from './turns.ts';
import type { Utterance } from './types.ts';

/** A line that starts like a cue timing ("00:00:01,000 -->"), even a broken one. */
export const cueTimingStart = /^\s*\d\S{0,20}\s*-->/;

/** One timed caption block of a WebVTT or SRT file. */
export interface Cue {
  start: number;
  end: number;
  /** 1-based line of the timing line. */
  line: number;
  text: string[];
}

/**
 * Reads the cue blocks of a WebVTT or SRT body from line index `from`. Blocks for which
 * `isIgnoredBlock` holds on their first line (WebVTT's NOTE, STYLE, REGION) are skipped.
 */
export function readCues(
  lines: readonly string[],
  from: number,
  isIgnoredBlock: (firstLine: string) => boolean = () => false,
): Cue[] {
  const cues: Cue[] = [];
  let i = from;
  while (i < lines.length) {
    const first = lines[i]!;
    if (first.trim() === '') {
      i++;
      continue;
    }
    if (isIgnoredBlock(first)) {
      while (i < lines.length && lines[i]!.trim() !== '') i++;
      continue;
    }
    // A cue starts with its timing line, or with an identifier line ("12", a Teams id) before it.
    const timing = first.includes('-->') ? i : (lines[i + 1] ?? '').includes('-->') ? i + 1 : -1;
    if (timing === -1) {
      throw transcriptError(
        `Expected a cue timing line like "00:00:01.000 --> 00:00:04.000", found "${clip(first)}".`,
        i + 1,
      );
    }
    const { start, end } = readTiming(lines[timing]!, timing + 1);
    const text: string[] = [];
    let j = timing + 1;
    // Only a timing line ends a cue early: spoken text may well contain an arrow ("A --> B").
    while (j < lines.length && lines[j]!.trim() !== '' && !cueTimingStart.test(lines[j]!)) {
      text.push(lines[j]!);
      j++;
    }
    // A missing blank line between cues: the next cue's identifier was read as text.
    if (
      j < lines.length &&
      cueTimingStart.test(lines[j]!) &&
      text.length > 0 &&
      isCueIdentifier(text.at(-1)!)
    ) {
      text.pop();
      j--;
    }
    cues.push({ start, end, line: timing + 1, text });
    i = j;
  }
  return cues;
}

function readTiming(line: string, lineNumber: number): { start: number; end: number } {
  const arrow = line.indexOf('-->');
  const startText = line.slice(0, arrow).trim();
  // Cue settings ("align:start position:10%") may follow the end time.
  const endText = line
    .slice(arrow + 3)
    .trim()
    .split(/\s/, 1)[0]!;
  const start = parseCueTimestamp(startText);
  if (start === null) throw brokenTimestamp(startText, 'start', lineNumber);
  const end = parseCueTimestamp(endText);
  if (end === null) throw brokenTimestamp(endText, 'end', lineNumber);
  if (end < start) {
    throw transcriptError(`The cue ends (${endText}) before it starts (${startText}).`, lineNumber);
  }
  return { start, end };
}

function brokenTimestamp(text: string, which: 'start' | 'end', lineNumber: number) {
  const found = text === '' ? 'nothing' : `"${clip(text)}"`;
  return transcriptError(
    `The cue's ${which} time is broken: expected a timestamp like 00:01:02.500, found ${found}.`,
    lineNumber,
  );
}

function isCueIdentifier(line: string): boolean {
  return /^\d+$/.test(line.trim()) || /^[0-9a-fA-F]{8}-[0-9a-fA-F-]{4,}(?:\/\d+-\d+)?$/.test(line.trim());
}

function clip(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed;
}

/**
 * The speaker pieces of a list of cues. A cue that names nobody continues the last named
 * speaker: subtitle tools label only the cue where the speaker changes.
 */
export function cuesToPieces(cues: readonly Cue[]): Utterance[] {
  const known = new Set<string>();
  const pieces: Utterance[] = [];
  let lastSpeaker: string | null = null;
  for (const cue of cues) {
    for (const segment of readCueText(cue.text, known)) {
      if (segment.speaker !== null) {
        lastSpeaker = normalizeSpeaker(segment.speaker);
        known.add(lastSpeaker);
      }
      pieces.push({
        speaker: lastSpeaker ?? unknownSpeaker,
        start: cue.start,
        end: cue.end,
        text: segment.text,
      });
    }
  }
  return pieces;
}
