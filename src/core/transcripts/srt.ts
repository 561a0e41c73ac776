import { cuesToPieces, readCues } from './cues.ts';
import { readTranscriptLines } from './decode.ts';
import { transcriptError } from './transcript-error.ts';
import { buildTranscript } from './turns.ts';
import type { ParsedTranscript } from './types.ts';

/** Parses an SRT subtitle file; cues without a `Name:` label continue the last named speaker, or "Unknown". */
export function parseSrt(input: string | Uint8Array): ParsedTranscript {
  return parseSrtLines(readTranscriptLines(input));
}

/** Parses the lines of an SRT file (numbered blocks, `00:00:01,000 --> 00:00:04,000`). */
export function parseSrtLines(lines: readonly string[]): ParsedTranscript {
  const cues = readCues(lines, 0);
  if (cues.length === 0) throw transcriptError('The SRT file has no subtitle blocks.');
  return buildTranscript('srt', cuesToPieces(cues));
}
