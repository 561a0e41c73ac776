import { cueTimingStart } from './cues.ts';
import { scanMeet } from './meet.ts';
import { readPlainLine } from './plain.ts';
import type { TranscriptFormat } from './types.ts';

/** Below this share of `Name: text` lines among the lines with words, text is prose, not a transcript. */
const minSpeakerLineShare = 0.1;

/**
 * The format of a transcript's lines, or null when it fits none. The content decides; the file
 * name only breaks ties (a .vtt or .srt name sends text that fits nothing to that parser, whose
 * error then says what is wrong with the file).
 */
export function detectTranscriptFormat(lines: readonly string[], fileName?: string): TranscriptFormat | null {
  const firstIndex = lines.findIndex((line) => line.trim() !== '');
  if (firstIndex === -1) return null;
  const first = lines[firstIndex]!;
  if (/^WEBVTT(?:[ \t]|$)/.test(first)) return 'webvtt';
  const extension = /\.([a-z0-9]{1,5})$/i.exec(fileName?.trim() ?? '')?.[1]?.toLowerCase();
  const timingLine = lines.find((line) => cueTimingStart.test(line));
  if (timingLine !== undefined) {
    // Without a header, the fraction separator tells the two apart: WebVTT writes "." and SRT ",".
    if (extension === 'vtt') return 'webvtt';
    if (extension === 'srt') return 'srt';
    return /\d\.\d/.test(timingLine.slice(0, timingLine.indexOf('-->'))) ? 'webvtt' : 'srt';
  }
  const byContent = detectSpokenFormat(lines);
  if (byContent) return byContent;
  if (extension === 'vtt') return 'webvtt';
  if (extension === 'srt') return 'srt';
  return null;
}

function detectSpokenFormat(lines: readonly string[]): 'meet' | 'plain' | null {
  let speakerLines = 0;
  let wordLines = 0;
  const speakers = new Set<string>();
  for (const line of lines) {
    const read = readPlainLine(line);
    if (read.kind === 'speaker') {
      speakerLines++;
      speakers.add(read.speaker);
    }
    if (read.kind === 'speaker' || read.kind === 'text') wordLines++;
  }
  const meet = scanMeet(lines);
  if (meet.timedHeaderCount > 0 && meet.timedHeaderCount >= speakerLines) return 'meet';
  const share = wordLines === 0 ? 0 : speakerLines / wordLines;
  // One speaker throughout is believable only when nearly every line names them.
  if (speakerLines > 0 && share >= minSpeakerLineShare && (speakers.size >= 2 || share >= 0.5))
    return 'plain';
  if (meet.headers.length >= 2 && meet.distinctSpeakers >= 2 && meet.namedBlockShare >= 0.5) return 'meet';
  return null;
}
