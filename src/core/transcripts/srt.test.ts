import { describe, expect, test } from 'vitest';
import { parseSrt } from './srt.ts';

describe('parseSrt', () => {
  test('reads numbered blocks with speaker labels and merges one speaker’s blocks', () => {
    const text = `1
00:00:00,800 --> 00:00:03,900
Dana Whitfield: Last time you said you wanted more ownership.

2
00:00:04,300 --> 00:00:07,000
Sam Ortiz: Yes. I'd like to run the Q3 planning myself.

3
00:00:07,000 --> 00:00:09,500
Sam Ortiz: With you as a sounding board.
`;
    expect(parseSrt(text)).toEqual({
      format: 'srt',
      speakers: ['Dana Whitfield', 'Sam Ortiz'],
      utterances: [
        {
          speaker: 'Dana Whitfield',
          start: 0.8,
          end: 3.9,
          text: 'Last time you said you wanted more ownership.',
        },
        {
          speaker: 'Sam Ortiz',
          start: 4.3,
          end: 9.5,
          text: "Yes. I'd like to run the Q3 planning myself. With you as a sounding board.",
        },
      ],
    });
  });

  test('gives text without any speaker label to "Unknown"', () => {
    const text =
      '1\n00:00:01,000 --> 00:00:04,000\nHow was your week?\n\n2\n00:00:04,500 --> 00:00:06,000\nBusy, but good.';
    expect(parseSrt(text).utterances).toEqual([
      { speaker: 'Unknown', start: 1, end: 6, text: 'How was your week? Busy, but good.' },
    ]);
  });

  test('keeps an unlabelled block with the speaker named before it', () => {
    const text = `1
00:00:01,000 --> 00:00:03,000
Dana: What would you try first?

2
00:00:03,200 --> 00:00:05,000
Sam: Pairing the new hires.

3
00:00:05,000 --> 00:00:07,000
Then a weekly review with them.`;
    expect(parseSrt(text).utterances.map((u) => [u.speaker, u.text])).toEqual([
      ['Dana', 'What would you try first?'],
      ['Sam', 'Pairing the new hires. Then a weekly review with them.'],
    ]);
  });

  test('strips italics, font tags and positioning codes', () => {
    const text =
      '1\n00:00:01,000 --> 00:00:03,000\n{\\an8}<i>Dana:</i> <font color="#ffff00">Take your time.</font>';
    expect(parseSrt(text).utterances).toEqual([
      { speaker: 'Dana', start: 1, end: 3, text: 'Take your time.' },
    ]);
  });

  test('names the line of a block whose timestamp is broken', () => {
    const text = '1\n00:00:01,000 --> 00:00:03,000\nDana: Hi\n\n2\n00:00:03,000 --> 00:0O:05,000\nSam: Hello';
    expect(() => parseSrt(text)).toThrow(
      expect.objectContaining({
        code: 'INVALID_TRANSCRIPT',
        message: expect.stringContaining('end time is broken'),
        fields: [expect.objectContaining({ line: 6 })],
      }),
    );
  });

  test('names the line of a block that ends before it starts', () => {
    const text = '1\n00:01:00,000 --> 00:00:59,000\nDana: Where are we on hiring?';
    expect(() => parseSrt(text)).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ line: 2 })] }),
    );
  });
});
