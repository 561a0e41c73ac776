import { describe, expect, test } from 'vitest';
import { detectTranscriptFormat } from './detect-format.ts';

const lines = (text: string) => text.split('\n');

describe('detectTranscriptFormat', () => {
  test('recognises WebVTT by its header', () => {
    expect(detectTranscriptFormat(lines('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nDana: Hi'))).toBe('webvtt');
  });

  test('recognises SRT by its numbered blocks and comma timestamps', () => {
    expect(detectTranscriptFormat(lines('1\n00:00:01,000 --> 00:00:02,000\nDana: Hi'))).toBe('srt');
  });

  test('takes cues with dot timestamps and no header for WebVTT that lost its first line', () => {
    expect(detectTranscriptFormat(lines('00:00:01.000 --> 00:00:02.000\n<v Dana>Hi</v>'))).toBe('webvtt');
  });

  test('recognises SRT below a title line, so the SRT parser can point at the stray line', () => {
    const text =
      'Weekly 1:1\n\n1\n00:00:01,000 --> 00:00:02,000\nDana: Hi\n\n2\n00:00:6x,000 --> 00:00:09,000\nSam: Hi';
    expect(detectTranscriptFormat(lines(text))).toBe('srt');
  });

  test('lets the file name decide between WebVTT and SRT for headerless cues', () => {
    expect(detectTranscriptFormat(lines('1\n00:00:01,000 --> 00:00:02,000\nHi'), 'Weekly 1-1.VTT')).toBe(
      'webvtt',
    );
  });

  test('recognises a Google Meet copy by name lines followed by timestamps', () => {
    const text = 'Dana Whitfield\n00:00:05\nHow was the offsite?\nSam Ortiz\n00:00:09\nUseful, for once.';
    expect(detectTranscriptFormat(lines(text))).toBe('meet');
  });

  test('recognises plain Name: text lines', () => {
    const text = 'Dana: What did you learn from the incident?\nSam: That our runbook is out of date.';
    expect(detectTranscriptFormat(lines(text))).toBe('plain');
  });

  test('takes a Google Docs transcript with lone timestamps for plain lines, not Meet', () => {
    const text =
      'Transcript\n00:00:00\nDana Whitfield: Shall we start?\nSam Ortiz: Yes.\n00:05:00\nDana Whitfield: Good.';
    expect(detectTranscriptFormat(lines(text))).toBe('plain');
  });

  test('recognises untimed Meet blocks in which names recur', () => {
    const text =
      'Dana Whitfield\nHow are you?\n\nSam Ortiz\nTired, honestly.\n\nDana Whitfield\nWhat is draining you?';
    expect(detectTranscriptFormat(lines(text))).toBe('meet');
  });

  test.each([
    [
      'an essay',
      'Most leaders think they coach.\nIn fact they check in on tasks.\n\nThat costs them their best people.',
    ],
    [
      'a CSV file',
      'name,email,manager_email\nDana Whitfield,dana@acme.test,\nSam Ortiz,sam@acme.test,dana@acme.test',
    ],
    ['JSON', '{"speaker": "Dana", "text": "Hi"}'],
    ['meeting notes with a single label', 'Date: 4 March\nWe discussed the roadmap and the hiring plan.'],
  ])('finds no format in %s', (_name, text) => {
    expect(detectTranscriptFormat(lines(text))).toBeNull();
  });

  test('sends text that fits nothing to the parser its .srt name asks for', () => {
    expect(detectTranscriptFormat(lines('We met and talked.'), 'meeting.srt')).toBe('srt');
  });
});
