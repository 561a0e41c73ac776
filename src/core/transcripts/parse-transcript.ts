import { readTranscriptLines } from './decode.ts';
import { detectTranscriptFormat } from './detect-format.ts';
import { parseMeetLines } from './meet.ts';
import { parsePlainLines } from './plain.ts';
import { parseSrtLines } from './srt.ts';
import { transcriptError } from './transcript-error.ts';
import type { ParsedTranscript } from './types.ts';
import { parseWebVttLines } from './webvtt.ts';

/**
 * Parses an uploaded or pasted transcript (WebVTT from Zoom or Teams, SRT, a Google Meet copy, or
 * `Name: text` lines) into speaker turns. Throws AppError INVALID_TRANSCRIPT or PAYLOAD_TOO_LARGE.
 * @example parseTranscript('Dana: How did the launch go?\nSam: Better than I feared.').speakers // ['Dana', 'Sam']
 */
export function parseTranscript(
  input: string | Uint8Array,
  options: { fileName?: string } = {},
): ParsedTranscript {
  const lines = readTranscriptLines(input);
  const format = detectTranscriptFormat(lines, options.fileName);
  switch (format) {
    case 'webvtt':
      return parseWebVttLines(lines, { isHeaderRequired: false });
    case 'srt':
      return parseSrtLines(lines);
    case 'meet':
      return parseMeetLines(lines);
    case 'plain':
      return parsePlainLines(lines);
    case null:
      throw transcriptError(
        'This does not look like a transcript. Tandem reads WebVTT (.vtt) from Zoom, Teams or Meet, SRT (.srt), ' +
          'a transcript copied from Google Meet, or lines like "Dana Whitfield: How did the week go?".',
      );
  }
}
