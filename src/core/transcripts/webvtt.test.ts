import { describe, expect, test } from 'vitest';
import { parseWebVtt } from './webvtt.ts';

const zoomExport = `WEBVTT

1
00:00:01.200 --> 00:00:04.800
Dana Whitfield: Morning Sam. Before we get into the launch, how are you doing?

2
00:00:05.100 --> 00:00:09.000
Sam Ortiz: Honestly, a bit stretched. The R&amp;D handover ate most of my week.

3
00:00:09.000 --> 00:00:12.400
Sam Ortiz: And I still owe the pricing doc to finance.

4
00:00:12.900 --> 00:00:16.300
Dana Whitfield: What would make next week feel less stretched?
`;

const teamsExport = `WEBVTT
Kind: captions
Language: en-us

NOTE duration:"00:31:12.4800000"

NOTE recognizability:0.917

STYLE
::cue { color: white }

3f6e1a52-7c2b-4a9e-9a11-0c1e2f3a4b5c/14-0
00:00:03.120 --> 00:00:07.480
<v Priya Raman>Thanks for making time. I wanted to start
with how the hiring plan is landing for you.</v>

3f6e1a52-7c2b-4a9e-9a11-0c1e2f3a4b5c/15-0
00:00:07.900 --> 00:00:11.250
<v Tom Becker>It's landing, but I&#39;m worried about
the two senior roles.</v>

3f6e1a52-7c2b-4a9e-9a11-0c1e2f3a4b5c/15-1
00:00:11.250 --> 00:00:13.600
<v Tom Becker>We have no pipeline for them yet.</v>

3f6e1a52-7c2b-4a9e-9a11-0c1e2f3a4b5c/16-0
00:00:13.900 --> 00:00:16.000
<v Priya Raman>What have you tried so far?</v> <v Tom Becker>Referrals, mostly.</v>
`;

describe('parseWebVtt', () => {
  test('reads a Zoom export and merges consecutive cues of one speaker into one turn', () => {
    expect(parseWebVtt(zoomExport)).toEqual({
      format: 'webvtt',
      speakers: ['Dana Whitfield', 'Sam Ortiz'],
      utterances: [
        {
          speaker: 'Dana Whitfield',
          start: 1.2,
          end: 4.8,
          text: 'Morning Sam. Before we get into the launch, how are you doing?',
        },
        {
          speaker: 'Sam Ortiz',
          start: 5.1,
          end: 12.4,
          text: 'Honestly, a bit stretched. The R&D handover ate most of my week. And I still owe the pricing doc to finance.',
        },
        {
          speaker: 'Dana Whitfield',
          start: 12.9,
          end: 16.3,
          text: 'What would make next week feel less stretched?',
        },
      ],
    });
  });

  test('reads a Teams export with voice spans, notes, a style block and two speakers in one cue', () => {
    const { utterances, speakers } = parseWebVtt(teamsExport);
    expect(speakers).toEqual(['Priya Raman', 'Tom Becker']);
    expect(utterances).toEqual([
      {
        speaker: 'Priya Raman',
        start: 3.12,
        end: 7.48,
        text: 'Thanks for making time. I wanted to start with how the hiring plan is landing for you.',
      },
      {
        speaker: 'Tom Becker',
        start: 7.9,
        end: 13.6,
        text: "It's landing, but I'm worried about the two senior roles. We have no pipeline for them yet.",
      },
      { speaker: 'Priya Raman', start: 13.9, end: 16, text: 'What have you tried so far?' },
      { speaker: 'Tom Becker', start: 13.9, end: 16, text: 'Referrals, mostly.' },
    ]);
  });

  test('reads Windows line endings and cue settings after the end time', () => {
    const text =
      'WEBVTT\r\n\r\n00:01.000 --> 00:03.500 align:start position:10%\r\nDana: Shall we look at your goals?\r\n';
    expect(parseWebVtt(text).utterances).toEqual([
      { speaker: 'Dana', start: 1, end: 3.5, text: 'Shall we look at your goals?' },
    ]);
  });

  test('reads the next cue when the blank line before it is missing', () => {
    const text = `WEBVTT

1
00:00:01.000 --> 00:00:03.000
Dana: What is blocking you?
2
00:00:03.500 --> 00:00:06.000
Sam: Approval from legal.`;
    expect(parseWebVtt(text).utterances.map((u) => [u.speaker, u.text])).toEqual([
      ['Dana', 'What is blocking you?'],
      ['Sam', 'Approval from legal.'],
    ]);
  });

  test('keeps an arrow in spoken text as text', () => {
    const text =
      'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nSam: The flow is signup\n--> trial --> paid, roughly.';
    expect(parseWebVtt(text).utterances[0]?.text).toBe('The flow is signup --> trial --> paid, roughly.');
  });

  test('names the line of a cue whose timestamp is broken', () => {
    const text = `WEBVTT

1
00:00:01.000 --> 00:00:04.000
Dana: How did the demo go?

2
00:00:6x.000 --> 00:00:09.000
Sam: Better than expected.`;
    expect(() => parseWebVtt(text)).toThrow(
      expect.objectContaining({
        code: 'INVALID_TRANSCRIPT',
        message: expect.stringContaining('00:00:6x.000'),
        fields: [expect.objectContaining({ path: 'file', line: 8 })],
      }),
    );
  });

  test('names the line of a cue that ends before it starts', () => {
    const text = 'WEBVTT\n\n00:00:09.000 --> 00:00:04.000\nDana: Any blockers?';
    expect(() => parseWebVtt(text)).toThrow(
      expect.objectContaining({
        message: 'Line 3: The cue ends (00:00:04.000) before it starts (00:00:09.000).',
        fields: [expect.objectContaining({ line: 3 })],
      }),
    );
  });

  test('rejects a file without the WEBVTT header', () => {
    expect(() => parseWebVtt('Dana: Hello\nSam: Hi')).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSCRIPT', fields: [expect.objectContaining({ line: 1 })] }),
    );
  });

  test('rejects a block that is neither a cue nor a note', () => {
    const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nDana: Hi\n\nSam said hello back\nand waved';
    expect(() => parseWebVtt(text)).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ line: 6 })] }),
    );
  });

  test('rejects a file with only a header and notes', () => {
    expect(() => parseWebVtt('WEBVTT\n\nNOTE exported from the meeting room')).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSCRIPT', message: 'The WebVTT file has no cues.' }),
    );
  });

  test('rejects cues that hold no words', () => {
    expect(() => parseWebVtt('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Dana></v>')).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSCRIPT', message: 'The transcript has no spoken text.' }),
    );
  });

  test('reads a 60-minute Teams export of 1,500 cues into its 693 turns', () => {
    const runLengths = [1, 2, 3, 1, 4, 2];
    const people = ['Priya Raman', 'Tom Becker'];
    const lines = ['WEBVTT', ''];
    let cue = 0;
    for (let run = 0; cue < 1500; run++) {
      const speaker = people[run % 2];
      for (let k = 0; k < runLengths[run % runLengths.length]! && cue < 1500; k++, cue++) {
        const start = cue * 2.4;
        lines.push(
          `3f6e1a52-7c2b-4a9e-9a11-0c1e2f3a4b5c/${cue}-0`,
          `${stamp(start)} --> ${stamp(start + 2.4)}`,
          `<v ${speaker}>Part ${cue} of what we said about the roadmap,`,
          `and the next step we agreed on.</v>`,
          '',
        );
      }
    }
    const { utterances, speakers } = parseWebVtt(lines.join('\r\n'));
    // 1,500 cues = 115 cycles of 13 cues in 6 runs, then runs of 1, 2 and 2 cues.
    expect(utterances).toHaveLength(693);
    expect(speakers).toEqual(people);
    expect(utterances[0]).toMatchObject({ speaker: 'Priya Raman', start: 0, end: 2.4 });
    expect(utterances.at(-1)).toMatchObject({ speaker: 'Priya Raman', end: 3600 });
    expect(utterances[2]?.text).toBe(
      'Part 3 of what we said about the roadmap, and the next step we agreed on. ' +
        'Part 4 of what we said about the roadmap, and the next step we agreed on. ' +
        'Part 5 of what we said about the roadmap, and the next step we agreed on.',
    );
  });
});

function stamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}
