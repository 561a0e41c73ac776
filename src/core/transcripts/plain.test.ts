import { describe, expect, test } from 'vitest';
import { parsePlain, readPlainLine } from './plain.ts';

describe('parsePlain', () => {
  test('reads Name: text lines and merges consecutive lines of one speaker', () => {
    const text = `Dana: How did the customer call go?
Sam: Rough. They want the integration by March.
Sam: I told them we'd come back with a plan.
Dana: What options do you see?`;
    expect(parsePlain(text)).toEqual({
      format: 'plain',
      speakers: ['Dana', 'Sam'],
      utterances: [
        { speaker: 'Dana', start: null, end: null, text: 'How did the customer call go?' },
        {
          speaker: 'Sam',
          start: null,
          end: null,
          text: "Rough. They want the integration by March. I told them we'd come back with a plan.",
        },
        { speaker: 'Dana', start: null, end: null, text: 'What options do you see?' },
      ],
    });
  });

  test('reads the leading timestamps people and chat tools write', () => {
    const text = `[00:01:02] Dana Whitfield: What's on your mind this week?
(1:10) Sam Ortiz: The promotion conversation.
00:01:25 Dana Whitfield: Tell me more.
00:01:40 - Sam Ortiz: I don't know what the bar is.`;
    expect(parsePlain(text).utterances.map((u) => [u.speaker, u.start, u.end])).toEqual([
      ['Dana Whitfield', 62, 70],
      ['Sam Ortiz', 70, 85],
      ['Dana Whitfield', 85, 100],
      ['Sam Ortiz', 100, null],
    ]);
  });

  test('reads a timestamp between the name and the colon', () => {
    const text = 'Dana [00:02:00]: Which goal matters most?\nSam (2:15): Retention.';
    expect(parsePlain(text).utterances.map((u) => [u.speaker, u.start, u.text])).toEqual([
      ['Dana', 120, 'Which goal matters most?'],
      ['Sam', 135, 'Retention.'],
    ]);
  });

  test('reads a Google Docs transcript: header lines left out, lone timestamps stamping the next line', () => {
    const text = `Weekly 1:1 Dana / Sam - Transcript
Attendees: Dana Whitfield, Sam Ortiz
00:00:00

Dana Whitfield: Let's start with what you committed to last time.
Sam Ortiz: Two of the three are done.
00:05:00

Dana Whitfield: And the third?`;
    expect(parsePlain(text).utterances.map((u) => [u.speaker, u.start, u.text])).toEqual([
      ['Dana Whitfield', 0, "Let's start with what you committed to last time."],
      ['Sam Ortiz', null, 'Two of the three are done.'],
      ['Dana Whitfield', 300, 'And the third?'],
    ]);
  });

  test('keeps a wrapped line with the speaker above it', () => {
    const text =
      'Sam: I would like to own the vendor review,\nbut I need the budget numbers first.\nDana: Fair.';
    expect(parsePlain(text).utterances[0]?.text).toBe(
      'I would like to own the vendor review, but I need the budget numbers first.',
    );
  });

  test('rejects text in which no line names a speaker', () => {
    expect(() => parsePlain('We met on Tuesday.\nThe launch slipped by a week.')).toThrow(
      expect.objectContaining({
        code: 'INVALID_TRANSCRIPT',
        message: expect.stringContaining('speaker name'),
      }),
    );
  });
});

describe('readPlainLine', () => {
  test('reads a lone timestamp line as a stamp, not speech', () => {
    expect(readPlainLine('  [00:05:00] ')).toEqual({ kind: 'timestamp', start: 300 });
  });

  test('reads a clock time at the start of a sentence as text', () => {
    expect(readPlainLine('10:30 works for me')).toEqual({ kind: 'text', text: '10:30 works for me' });
  });
});
