import { expect, test } from 'vitest';
import { transcriptError } from './transcript-error.ts';

test('a transcript error names the file field and the line, and keeps its cause', () => {
  const cause = new TypeError('The encoded data was not valid for encoding utf-8');
  const error = transcriptError('The file is not valid UTF-8 text.', 12, cause);
  expect(error).toMatchObject({
    code: 'INVALID_TRANSCRIPT',
    message: 'Line 12: The file is not valid UTF-8 text.',
    fields: [{ path: 'file', line: 12, message: 'The file is not valid UTF-8 text.' }],
  });
  expect(error.cause).toBe(cause);
});

test('a transcript error without a line leaves the line out', () => {
  expect(transcriptError('The transcript is empty.').fields).toEqual([
    { path: 'file', message: 'The transcript is empty.' },
  ]);
});
