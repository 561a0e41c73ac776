import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isAppError } from '../errors.ts';
import { parseMeet } from './meet.ts';
import { parseTranscript } from './parse-transcript.ts';
import { parsePlain } from './plain.ts';
import { parseSrt } from './srt.ts';
import { type ParsedTranscript, transcriptFormats } from './types.ts';
import { parseWebVtt } from './webvtt.ts';

const teamsBytes = new TextEncoder().encode(
  '\uFEFFWEBVTT\r\n\r\nNOTE duration:"00:02:10.0000000"\r\n\r\n' +
    'a1b2c3d4-0000-4a9e-9a11-0c1e2f3a4b5c/3-0\r\n00:00:02.000 --> 00:00:05.000\r\n' +
    '<v Priya Raman>What would a great quarter look like for you?</v>\r\n\r\n' +
    'a1b2c3d4-0000-4a9e-9a11-0c1e2f3a4b5c/4-0\r\n00:00:05.500 --> 00:00:09.000\r\n' +
    '<v Tom Becker>Shipping the billing rewrite without a weekend on call.</v>\r\n',
);

describe('parseTranscript', () => {
  test('reads a Teams export uploaded as UTF-8 bytes with a byte-order mark and CRLF lines', () => {
    expect(parseTranscript(teamsBytes, { fileName: 'Weekly 1-1.vtt' })).toEqual({
      format: 'webvtt',
      speakers: ['Priya Raman', 'Tom Becker'],
      utterances: [
        { speaker: 'Priya Raman', start: 2, end: 5, text: 'What would a great quarter look like for you?' },
        {
          speaker: 'Tom Becker',
          start: 5.5,
          end: 9,
          text: 'Shipping the billing rewrite without a weekend on call.',
        },
      ],
    });
  });

  test.each([
    ['a Zoom export', 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nDana: Where are you stuck?', 'webvtt'],
    ['an SRT file', '1\n00:00:01,000 --> 00:00:03,000\nDana: Where are you stuck?', 'srt'],
    ['a Meet copy', 'Dana Whitfield\n00:00:01\nWhere are you stuck?\nSam Ortiz\n00:00:04\nPricing.', 'meet'],
    ['pasted lines', 'Dana: Where are you stuck?\nSam: Pricing, still.', 'plain'],
  ])('detects and reads %s', (_name, text, format) => {
    const parsed = parseTranscript(text);
    expect(parsed.format).toBe(format);
    expect(parsed.utterances[0]).toMatchObject({
      speaker: expect.stringContaining('Dana'),
      text: 'Where are you stuck?',
    });
  });

  test('points at a title line above the cues of an SRT file instead of reading the cues as text', () => {
    const text = 'Weekly 1:1 Dana and Sam\n\n1\n00:00:01,000 --> 00:00:03,000\nDana: How are you?';
    expect(() => parseTranscript(text)).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSCRIPT', fields: [expect.objectContaining({ line: 1 })] }),
    );
  });

  test('reads a Zoom speaker whose display name is "Last, First" with pronouns', () => {
    const text =
      'WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nWhitfield, Dana (she/her): What do you need from me?';
    expect(parseTranscript(text).speakers).toEqual(['Whitfield, Dana (she/her)']);
  });

  test('explains which formats it reads when the text is none of them', () => {
    expect(() => parseTranscript('Agenda for Thursday\n- hiring plan\n- Q3 goals')).toThrow(
      expect.objectContaining({
        code: 'INVALID_TRANSCRIPT',
        message: expect.stringContaining('WebVTT'),
        fields: [expect.objectContaining({ path: 'file' })],
      }),
    );
  });

  test('rejects an image uploaded by mistake', () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
    expect(() => parseTranscript(jpeg, { fileName: 'whiteboard.jpg' })).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSCRIPT', fields: [expect.objectContaining({ line: 1 })] }),
    );
  });

  test('rejects a transcript over 10 MB', () => {
    const line = 'Dana: Tell me more about what happened with the vendor last week.\n';
    expect(() => parseTranscript(line.repeat(Math.ceil((10 * 1024 * 1024) / line.length) + 1))).toThrow(
      expect.objectContaining({ code: 'PAYLOAD_TOO_LARGE' }),
    );
  });

  test('reads a 10,000-line pasted transcript', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    const lines = Array.from({ length: 10_000 }, (_, i) => {
      const stamp = `${pad(Math.floor(i / 3600))}:${pad(Math.floor(i / 60) % 60)}:${pad(i % 60)}`;
      return `[${stamp}] ${i % 3 === 0 ? 'Dana' : 'Sam'}: Point ${i} about the roadmap.`;
    });
    const parsed = parseTranscript(lines.join('\n'));
    // Dana speaks on every third line and Sam on the two between: 3,334 turns of hers, 3,333 of his.
    expect(parsed.utterances).toHaveLength(6667);
    expect(parsed.utterances[1]).toEqual({
      speaker: 'Sam',
      start: 1,
      end: 3,
      text: 'Point 1 about the roadmap. Point 2 about the roadmap.',
    });
    expect(parsed.utterances.at(-1)).toMatchObject({ speaker: 'Dana', start: 9999, end: null });
  });

  test('reads a line of 100,000 spaces and brackets without stalling', () => {
    const text = `Dana: ${' '.repeat(100_000)}[(${'<'.repeat(50_000)} what next?`;
    expect(parseTranscript(text).utterances[0]?.text.endsWith('what next?')).toBe(true);
  });
});

/** The contract every parser keeps: a well-formed transcript, or an AppError, and nothing else. */
function expectTranscriptOrAppError(parse: () => ParsedTranscript): void {
  let parsed: ParsedTranscript;
  try {
    parsed = parse();
  } catch (error) {
    expect(isAppError(error) && ['INVALID_TRANSCRIPT', 'PAYLOAD_TOO_LARGE'].includes(error.code)).toBe(true);
    return;
  }
  expect(transcriptFormats).toContain(parsed.format);
  expect(parsed.speakers.length).toBeGreaterThan(0);
  expect(parsed.speakers).toEqual([...new Set(parsed.utterances.map((u) => u.speaker))]);
  parsed.utterances.forEach((utterance, i) => {
    expect(utterance.speaker.trim()).not.toBe('');
    expect(utterance.text.trim()).not.toBe('');
    if (utterance.start !== null && utterance.end !== null)
      expect(utterance.start).toBeLessThanOrEqual(utterance.end);
    for (const time of [utterance.start, utterance.end])
      if (time !== null) expect(Number.isFinite(time)).toBe(true);
    if (i > 0) expect(parsed.utterances[i - 1]?.speaker).not.toBe(utterance.speaker);
  });
}

// Pieces of real transcripts, so random input reaches the parsers' deeper branches, not only "unknown format".
const fragments = fc.constantFrom(
  'WEBVTT',
  '',
  '1',
  'NOTE duration:"00:30:00"',
  'STYLE',
  '00:00:01.000 --> 00:00:04.000',
  '00:00:04,000 --> 00:00:01,000',
  '00:00:6x.000 --> 00:00:09.000',
  '-->',
  '<v Dana Whitfield>How did it go?</v>',
  '<v Sam>',
  '</v>',
  'Dana Whitfield: What would you do differently?',
  'Sam Ortiz: ',
  '[00:01:02] Sam: Fine.',
  '(1:02)',
  '00:01:23',
  'Dana Whitfield',
  'Sam Ortiz  0:05',
  '&amp;&nbsp;&#0;&#xD800;',
  '{\\an8}<i>',
);
const transcriptLike = fc
  .tuple(
    fc.array(fc.oneof({ weight: 4, arbitrary: fragments }, { weight: 1, arbitrary: fc.string() }), {
      maxLength: 30,
    }),
    fc.constantFrom('\n', '\r\n', '\r'),
  )
  .map(([lines, newline]) => lines.join(newline));
const anyText = fc.oneof(
  transcriptLike,
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ maxLength: 200 }),
);
const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 200 }),
  transcriptLike.map((text) => new TextEncoder().encode(text)),
);

const parsers: [string, (input: string | Uint8Array) => ParsedTranscript][] = [
  ['parseTranscript', (input) => parseTranscript(input)],
  ['parseWebVtt', parseWebVtt],
  ['parseSrt', parseSrt],
  ['parseMeet', parseMeet],
  ['parsePlain', parsePlain],
];

describe.each(parsers)('%s on arbitrary input', (_name, parse) => {
  test('returns a well-formed transcript or throws an AppError for any text', () => {
    fc.assert(
      fc.property(anyText, (text) => expectTranscriptOrAppError(() => parse(text))),
      { numRuns: 300 },
    );
  });

  test('returns a well-formed transcript or throws an AppError for any bytes', () => {
    fc.assert(
      fc.property(anyBytes, (bytes) => expectTranscriptOrAppError(() => parse(bytes))),
      { numRuns: 300 },
    );
  });
});
