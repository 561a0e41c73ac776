import { describe, expect, test } from 'vitest';
import { findInvalidUtf8, maxTranscriptBytes, readTranscriptLines } from './decode.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('readTranscriptLines', () => {
  test('reads UTF-8 bytes with a byte-order mark without keeping the mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('WEBVTT\n\nDana: Café?')]);
    expect(readTranscriptLines(bytes)).toEqual(['WEBVTT', '', 'Dana: Café?']);
  });

  test('drops a byte-order mark from pasted text too', () => {
    expect(readTranscriptLines('\uFEFFSam: Ready when you are.')).toEqual(['Sam: Ready when you are.']);
  });

  test('splits on Windows, old Mac and Unix line endings alike', () => {
    expect(readTranscriptLines('Dana: Hi\r\nSam: Hello\rDana: Shall we start?\nSam: Sure')).toEqual([
      'Dana: Hi',
      'Sam: Hello',
      'Dana: Shall we start?',
      'Sam: Sure',
    ]);
  });

  test('reads UTF-16 text saved by Windows tools with a byte-order mark', () => {
    const text = 'Dana: Wie geht’s?';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(readTranscriptLines(bytes)).toEqual([text]);
  });

  test('rejects Windows-1252 bytes as not UTF-8, naming the line of the first bad byte', () => {
    const bytes = new Uint8Array([
      ...utf8('Dana: How was the week?\nSam: Fine, the caf'),
      0xe9,
      ...utf8(' was shut'),
    ]);
    expect(() => readTranscriptLines(bytes)).toThrow(
      expect.objectContaining({
        code: 'INVALID_TRANSCRIPT',
        message: expect.stringContaining('not valid UTF-8'),
        fields: [expect.objectContaining({ path: 'file', line: 2 })],
        cause: expect.any(TypeError),
      }),
    );
  });

  test('rejects a file with NUL bytes as binary', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(() => readTranscriptLines(png)).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSCRIPT', message: expect.stringContaining('binary') }),
    );
  });

  test('rejects text that is mostly control characters', () => {
    expect(() => readTranscriptLines('Dana: hi\u0001\u0002\u0003\u0004\u0005')).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSCRIPT', fields: [expect.objectContaining({ line: 1 })] }),
    );
  });

  test('turns a stray control character in a long transcript into a space', () => {
    const text = `Dana: We agreed on three next steps for the quarter.\u001a\n${'Sam: Sounds right to me. '.repeat(4)}`;
    expect(readTranscriptLines(text)[0]).toBe('Dana: We agreed on three next steps for the quarter. ');
  });

  test.each(['', '   ', '\n\r\n\t\n'])('rejects the empty transcript %j', (text) => {
    expect(() => readTranscriptLines(text)).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSCRIPT', message: 'The transcript is empty.' }),
    );
  });

  test('rejects a file over 10 MB as too large', () => {
    expect(() => readTranscriptLines(new Uint8Array(maxTranscriptBytes + 1).fill(0x61))).toThrow(
      expect.objectContaining({ code: 'PAYLOAD_TOO_LARGE' }),
    );
  });

  test('measures pasted text in UTF-8 bytes, so 6 million accented letters are too large', () => {
    expect(() => readTranscriptLines('é'.repeat(6 * 1024 * 1024))).toThrow(
      expect.objectContaining({
        code: 'PAYLOAD_TOO_LARGE',
        fields: [expect.objectContaining({ path: 'file' })],
      }),
    );
  });
});

describe('findInvalidUtf8', () => {
  test('finds nothing wrong in valid multi-byte text', () => {
    expect(findInvalidUtf8(utf8('Zoë said “fine” 👍'))).toBe(-1);
  });

  test.each([
    ['a truncated sequence', [0x61, 0xc3]],
    ['an overlong encoding', [0x61, 0xc0, 0xaf]],
    ['an encoded surrogate', [0x61, 0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0x61, 0xf4, 0x90, 0x80, 0x80]],
  ])('finds %s', (_name, bytes) => {
    expect(findInvalidUtf8(new Uint8Array(bytes))).toBe(1);
  });
});
