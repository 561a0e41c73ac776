import { readTranscriptLines } from './decode.ts';
import { isSpeakerName, normalizeSpeaker, splitSpeakerPrefix } from './speaker-name.ts';
import { parseClockTimestamp, readLeadingTimestamp } from './timestamps.ts';
import { transcriptError } from './transcript-error.ts';
import { buildTranscript } from './turns.ts';
import type { ParsedTranscript, Utterance } from './types.ts';

/** How one line of a plain transcript reads. */
export type PlainLine =
  | { kind: 'speaker'; speaker: string; start: number | null; text: string }
  | { kind: 'timestamp'; start: number }
  | { kind: 'text'; text: string }
  | { kind: 'blank' };

/** Parses plain `Name: text` lines, optionally stamped (`[00:01:02] Name: text`, `(1:02) Name: text`). */
export function parsePlain(input: string | Uint8Array): ParsedTranscript {
  return parsePlainLines(readTranscriptLines(input));
}

/**
 * Parses the lines of a plain transcript. A line without a speaker continues the current turn;
 * lines before the first speaker are a title or header and are left out. A timestamp alone on a
 * line (as Google Docs transcripts have every few minutes) stamps the next speaker line.
 */
export function parsePlainLines(lines: readonly string[]): ParsedTranscript {
  const pieces: Utterance[] = [];
  let pendingStart: number | null = null;
  for (const line of lines) {
    const read = readPlainLine(line);
    if (read.kind === 'timestamp') pendingStart = read.start;
    else if (read.kind === 'speaker') {
      pieces.push({ speaker: read.speaker, start: read.start ?? pendingStart, end: null, text: read.text });
      pendingStart = null;
    } else if (read.kind === 'text' && pieces.length > 0) {
      pieces.at(-1)!.text += ` ${read.text}`;
    }
  }
  if (pieces.length === 0) {
    throw transcriptError(
      'No line starts with a speaker name, as in "Dana Whitfield: How did the week go?".',
    );
  }
  return buildTranscript(
    'plain',
    pieces.map((piece) => ({ ...piece, text: piece.text.replace(/\s+/g, ' ').trim() })),
    { endsAtNextStart: true },
  );
}

// "Dana Whitfield [00:01:02]: text" and "Dana (1:02): text": the stamp sits between name and colon.
const stampedName = /^([^:[\]()]{1,60}?)\s*[[(](\d{1,3}(?::\d{2}){1,2}(?:[.,]\d{1,3})?)[\])]\s*:(?=\s|$)/;

/** Reads one line of a plain transcript: a speaker line, a lone timestamp, text, or blank. */
export function readPlainLine(line: string): PlainLine {
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'blank' };
  const leading = readLeadingTimestamp(trimmed);
  if (leading && leading.rest === '') return { kind: 'timestamp', start: leading.seconds };
  const body = leading ? leading.rest : trimmed;
  const prefix = splitSpeakerPrefix(body);
  if (prefix)
    return { kind: 'speaker', speaker: prefix.speaker, start: leading?.seconds ?? null, text: prefix.text };
  // The pattern needs only the line's opening; long lines of text stay linear.
  const stamped = stampedName.exec(body.slice(0, 100));
  if (stamped && isSpeakerName(stamped[1]!)) {
    return {
      kind: 'speaker',
      speaker: normalizeSpeaker(stamped[1]!),
      start: parseClockTimestamp(stamped[2]!) ?? leading?.seconds ?? null,
      text: body.slice(stamped[0].length).trim(),
    };
  }
  return { kind: 'text', text: trimmed };
}
