import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { archiveKindOf, findTextProblem } from './text-upload.ts';

const gzip = gzipSync(Buffer.from('email,name\n'.repeat(100)));

describe('findTextProblem', () => {
  it('accepts ordinary text with tabs, CRLF and a byte-order mark', () => {
    expect(findTextProblem('\uFEFFemail,name\r\na@b.test,\tAnn\r\n', 'CSV file')).toBeNull();
  });

  it('names a gzip file whether its bytes arrive as Latin-1 or mis-decoded as UTF-8', () => {
    expect(findTextProblem(gzip.toString('latin1'), 'CSV file')?.message).toMatch(
      /gzip-compressed file, not a CSV file/,
    );
    expect(archiveKindOf(gzip.toString('utf8'))).toBe('gzip');
  });

  it('names zip, bzip2, xz, 7z and zstd archives', () => {
    expect(archiveKindOf('PK\x03\x04\x14\x00')).toBe('zip');
    expect(archiveKindOf('BZh91AY&SY')).toBe('bzip2');
    expect(archiveKindOf('\xfd7zXZ\x00')).toBe('xz');
    expect(archiveKindOf("7z\xbc\xaf'\x1c")).toBe('7z');
    expect(archiveKindOf('(\xb5/\xfd')).toBe('zstd');
    expect(archiveKindOf('PK is a fine name for a person')).toBeNull();
  });

  it('refuses a NUL byte and names its line', () => {
    expect(findTextProblem('a\nb\nc\u0000d', 'transcript')).toEqual({
      message: 'This is a binary file (a NUL byte on line 3), not a transcript.',
      line: 3,
    });
  });

  it('refuses text that is mostly control characters', () => {
    expect(findTextProblem('\u0001\u0002\u0003abc', 'calendar')?.message).toMatch(
      /binary file or an unsupported encoding/,
    );
  });

  it('refuses an overlong line and names it', () => {
    const problem = findTextProblem(`ok\n${'x'.repeat(2000)}\nok`, 'CSV file', 1024);
    expect(problem).toEqual({ message: 'Line 2 is longer than 1 KB: this is not a CSV file.', line: 2 });
  });
});
