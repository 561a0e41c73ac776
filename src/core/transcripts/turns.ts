import { transcriptError } from './transcript-error.ts';
import type { ParsedTranscript, TranscriptFormat, Utterance } from './types.ts';

/** The speaker of text that nobody is named for, e.g. an SRT file without speaker labels. */
export const unknownSpeaker = 'Unknown';

/**
 * Merges consecutive pieces of one speaker into turns and lists the speakers. Captioning tools cut
 * one turn into many short cues; the analysis counts turns, so they become one utterance.
 * With `endsAtNextStart`, an untimed end becomes the next turn's start: formats that stamp only
 * when someone begins still give talk time, since a speaker has stopped when the next one starts.
 */
export function buildTranscript(
  format: TranscriptFormat,
  pieces: readonly Utterance[],
  options: { endsAtNextStart?: boolean } = {},
): ParsedTranscript {
  const utterances: Utterance[] = [];
  for (const piece of pieces) {
    const text = piece.text.trim();
    if (text === '') continue;
    const speaker = piece.speaker.trim() || unknownSpeaker;
    const last = utterances.at(-1);
    if (last && last.speaker === speaker) {
      last.text += ` ${text}`;
      last.start = minOf(last.start, piece.start);
      last.end = maxOf(last.end, piece.end);
    } else {
      utterances.push({ speaker, start: piece.start, end: piece.end, text });
    }
  }
  if (utterances.length === 0) {
    throw transcriptError('The transcript has no spoken text.');
  }
  if (options.endsAtNextStart) fillEndsFromNextStart(utterances);
  const speakers = [...new Set(utterances.map((utterance) => utterance.speaker))];
  return { format, utterances, speakers };
}

function fillEndsFromNextStart(utterances: Utterance[]): void {
  for (let i = 0; i + 1 < utterances.length; i++) {
    const current = utterances[i]!;
    const nextStart = utterances[i + 1]!.start;
    if (current.end === null && current.start !== null && nextStart !== null && nextStart >= current.start) {
      current.end = nextStart;
    }
  }
}

function minOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.min(a, b);
}

function maxOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.max(a, b);
}
