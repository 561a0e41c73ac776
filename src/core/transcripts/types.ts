export const transcriptFormats = ['webvtt', 'srt', 'meet', 'plain'] as const;
export type TranscriptFormat = (typeof transcriptFormats)[number];

/** One speaker turn. Times are seconds from the start of the recording, or null when untimed. */
export interface Utterance {
  speaker: string;
  start: number | null;
  end: number | null;
  text: string;
}

export interface ParsedTranscript {
  format: TranscriptFormat;
  utterances: Utterance[];
  /** Speakers in order of first appearance. */
  speakers: string[];
}
