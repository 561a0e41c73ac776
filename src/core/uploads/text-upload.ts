/**
 * What makes an uploaded "text" file unreadable before any parser sees it: a compressed archive
 * renamed to .csv/.vtt/.ics, binary bytes, or a line so long that no real export has it. Each
 * upload turns the problem into its own 422 (INVALID_CSV, INVALID_TRANSCRIPT, INVALID_CALENDAR).
 */
export interface TextProblem {
  message: string;
  /** 1-based line of the problem, when there is one. */
  line?: number;
}

/** Longest line any of our text uploads has a reason to hold (a folded .ics line is 75 bytes). */
export const maxUploadLineLength = 1024 * 1024;

/** Above this share of control characters, the "text" is a binary file or the wrong encoding. */
const maxControlShare = 0.02;

// Signatures as they arrive: bytes read as Latin-1, or bytes mis-decoded as UTF-8 (where every
// byte above 0x7f of a signature turns into U+FFFD).
const archives: Array<{ name: string; signatures: string[] }> = [
  { name: 'gzip', signatures: ['\x1f\x8b', '\x1f\ufffd'] },
  { name: 'zip', signatures: ['PK\x03\x04', 'PK\x05\x06', 'PK\x07\x08'] },
  { name: 'bzip2', signatures: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((level) => `BZh${level}1AY&SY`) },
  { name: 'xz', signatures: ['\xfd7zXZ\x00', '\ufffd7zXZ\x00'] },
  { name: '7z', signatures: ["7z\xbc\xaf'\x1c", "7z\ufffd\ufffd'\x1c"] },
  { name: 'zstd', signatures: ['(\xb5/\xfd', '(\ufffd/\ufffd'] },
];

/** The kind of compressed archive the text starts like, or null. */
export function archiveKindOf(text: string): string | null {
  const start = text.charCodeAt(0) === 0xfeff ? text.slice(1, 17) : text.slice(0, 16);
  return archives.find((archive) => archive.signatures.some((sig) => start.startsWith(sig)))?.name ?? null;
}

/**
 * The first reason this text cannot be a `what` (e.g. "CSV file"), or null when it reads as text.
 * One pass over the text, so a 10 MB upload costs one scan.
 */
export function findTextProblem(
  text: string,
  what: string,
  maxLineLength = maxUploadLineLength,
): TextProblem | null {
  const archive = archiveKindOf(text);
  if (archive)
    return {
      message: `This is a ${archive}-compressed file, not a ${what}. Unpack it and upload the file inside.`,
      line: 1,
    };
  let line = 1;
  let lineStart = 0;
  let controls = 0;
  let firstControlLine = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x0a;
    if (code === 0x0a || code === 0x0d) {
      if (i - lineStart > maxLineLength)
        return {
          message: `Line ${line} is longer than ${sizeLabel(maxLineLength)}: this is not a ${what}.`,
          line,
        };
      if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      line++;
      lineStart = i + 1;
      continue;
    }
    if (code === 0)
      return { message: `This is a binary file (a NUL byte on line ${line}), not a ${what}.`, line };
    if ((code < 0x20 && code !== 0x09) || (code >= 0x7f && code <= 0x9f)) {
      controls++;
      if (firstControlLine === 0) firstControlLine = line;
    }
  }
  if (controls > 0 && controls / Math.max(text.length, 1) > maxControlShare)
    return {
      message: `This is a binary file or an unsupported encoding, not a ${what}. Save it as UTF-8 text.`,
      line: firstControlLine,
    };
  return null;
}

export function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}
