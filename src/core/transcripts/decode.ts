import { AppError } from '../errors.ts';
import { archiveKindOf, findTextProblem, maxUploadLineLength, sizeLabel } from '../uploads/text-upload.ts';
import { transcriptError } from './transcript-error.ts';

/** Largest transcript we accept: a two-hour meeting is well under 1 MB, so 10 MB is generous. */
export const maxTranscriptBytes = 10 * 1024 * 1024;

/** Above this share of control characters, the "text" is a binary file or the wrong encoding. */
const maxControlShare = 0.02;

/**
 * Turns an upload into lines of text: checks size and encoding, strips a byte-order mark and
 * splits on CRLF, CR or LF, so line numbers in errors match what the user sees in an editor.
 */
export function readTranscriptLines(input: string | Uint8Array): string[] {
  const archive = archiveKindOf(
    typeof input === 'string' ? input : String.fromCharCode(...input.subarray(0, 16)),
  );
  if (archive)
    throw transcriptError(
      `This is a ${archive}-compressed file, not a transcript. Unpack it and upload the .vtt, .srt or .txt inside.`,
    );
  const text = typeof input === 'string' ? checkText(input) : decodeBytes(input);
  rejectControlCharacters(text);
  rejectOverlongLines(text);
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.every((line) => line.trim() === '')) {
    throw transcriptError('The transcript is empty.');
  }
  return lines.map(blankOutControlCharacters);
}

function checkText(text: string): string {
  // A UTF-16 code unit never becomes fewer than one UTF-8 byte, and never more than three.
  if (
    text.length > maxTranscriptBytes ||
    (text.length * 3 > maxTranscriptBytes && utf8Length(text) > maxTranscriptBytes)
  ) {
    throw tooLarge();
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function decodeBytes(bytes: Uint8Array): string {
  if (bytes.length > maxTranscriptBytes) throw tooLarge();
  // Windows tools save "Unicode" text as UTF-16 with a byte-order mark; the mark makes it unambiguous.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return decodeWith(bytes, bytes[0] === 0xff ? 'utf-16le' : 'utf-16be');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw transcriptError(
      'This is a binary file, not a transcript. Export the transcript as .vtt, .srt or .txt.',
      lineAtByte(bytes, nul),
    );
  }
  return decodeWith(bytes, 'utf-8');
}

function decodeWith(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (cause) {
    const offset = encoding === 'utf-8' ? findInvalidUtf8(bytes) : -1;
    throw transcriptError(
      `The file is not valid ${encoding === 'utf-8' ? 'UTF-8' : 'UTF-16'} text. Save the transcript as UTF-8 and upload it again.`,
      offset === -1 ? undefined : lineAtByte(bytes, offset),
      cause,
    );
  }
}

function rejectControlCharacters(text: string): void {
  let count = 0;
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    if (isControl(text.charCodeAt(i))) {
      count++;
      if (first === -1) first = i;
    }
  }
  if (first === -1) return;
  const nul = text.indexOf('\u0000');
  if (nul !== -1 || count / text.length > maxControlShare) {
    throw transcriptError(
      'This is a binary file or an unsupported encoding, not transcript text. Export the transcript as .vtt, .srt or .txt.',
      lineAtChar(text, nul === -1 ? first : nul),
    );
  }
}

function rejectOverlongLines(text: string): void {
  // Control characters were refused above, so what is left to find is a line no meeting says.
  const problem = findTextProblem(text, 'transcript');
  if (problem)
    throw transcriptError(
      `This line is longer than ${sizeLabel(maxUploadLineLength)}, which no spoken turn is: the file is not a transcript.`,
      problem.line,
    );
}

/** Control characters other than tab and line breaks; C1 controls appear when Windows-1252 is misread. */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
}

function blankOutControlCharacters(line: string): string {
  // A stray form feed or DOS end-of-file mark should not end up in a quote.
  let result = '';
  let copiedUpTo = 0;
  for (let i = 0; i < line.length; i++) {
    if (isControl(line.charCodeAt(i))) {
      result += `${line.slice(copiedUpTo, i)} `;
      copiedUpTo = i + 1;
    }
  }
  return copiedUpTo === 0 ? line : result + line.slice(copiedUpTo);
}

function tooLarge(): AppError {
  const message = `The transcript is larger than ${maxTranscriptBytes / 1024 / 1024} MB.`;
  return new AppError('PAYLOAD_TOO_LARGE', message, { fields: [{ path: 'file', message }] });
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair is one code point of four bytes.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Offset of the first byte that breaks UTF-8, or -1. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf
        ? 2
        : lead >= 0xe0 && lead <= 0xef
          ? 3
          : lead >= 0xf0 && lead <= 0xf4
            ? 4
            : 0;
    if (length === 0 || i + length > bytes.length) return i;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k]!;
      if (k === 1 ? byte < low || byte > high : byte < 0x80 || byte > 0xbf) return i;
    }
    i += length;
  }
  return -1;
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

function lineAtChar(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line++;
  }
  return line;
}
