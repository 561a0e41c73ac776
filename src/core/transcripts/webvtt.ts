import { cuesToPieces, readCues } from './cues.ts';
import { readTranscriptLines } from './decode.ts';
import { transcriptError } from './transcript-error.ts';
import { buildTranscript } from './turns.ts';
import type { ParsedTranscript } from './types.ts';

/** Parses a WebVTT file as Zoom (`Name: text` cues) or Microsoft Teams (`<v Name>` voice spans) export it. */
export function parseWebVtt(input: string | Uint8Array): ParsedTranscript {
  return parseWebVttLines(readTranscriptLines(input));
}

/**
 * Parses the lines of a WebVTT file. With `isHeaderRequired: false` a file whose `WEBVTT` line
 * was lost in copying is still read, as long as its cues are intact.
 */
export function parseWebVttLines(
  lines: readonly string[],
  options: { isHeaderRequired?: boolean } = {},
): ParsedTranscript {
  const headerIndex = lines.findIndex((line) => line.trim() !== '');
  const hasHeader = headerIndex !== -1 && /^WEBVTT(?:[ \t]|$)/.test(lines[headerIndex]!);
  if (!hasHeader && options.isHeaderRequired !== false) {
    throw transcriptError('A WebVTT file starts with a "WEBVTT" line.', Math.max(headerIndex, 0) + 1);
  }
  const cues = readCues(lines, hasHeader ? afterHeader(lines, headerIndex) : 0, isIgnoredBlock);
  if (cues.length === 0) throw transcriptError('The WebVTT file has no cues.');
  return buildTranscript('webvtt', cuesToPieces(cues));
}

/** The header may carry metadata lines ("Kind: captions", "Language: en") up to the first blank line. */
function afterHeader(lines: readonly string[], headerIndex: number): number {
  let i = headerIndex + 1;
  while (
    i < lines.length &&
    lines[i]!.trim() !== '' &&
    !lines[i]!.includes('-->') &&
    !(lines[i + 1] ?? '').includes('-->')
  ) {
    i++;
  }
  return i;
}

// Comments, style sheets and region definitions carry no speech.
function isIgnoredBlock(firstLine: string): boolean {
  return /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(firstLine);
}
