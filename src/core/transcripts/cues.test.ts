import { describe, expect, test } from 'vitest';
import { cuesToPieces, readCues } from './cues.ts';

describe('readCues', () => {
  test('reads cues with and without identifier lines, skipping blocks the caller ignores', () => {
    const lines = [
      'NOTE exported by the meeting room',
      '',
      '7',
      '00:00:01.000 --> 00:00:02.500',
      'Dana: Ready?',
      '',
      '00:00:03.000 --> 00:00:04.000 line:90%',
      'Sam: Ready.',
    ];
    expect(readCues(lines, 0, (line) => line.startsWith('NOTE'))).toEqual([
      { start: 1, end: 2.5, line: 4, text: ['Dana: Ready?'] },
      { start: 3, end: 4, line: 7, text: ['Sam: Ready.'] },
    ]);
  });

  test('allows a cue that starts and ends at the same moment', () => {
    expect(readCues(['00:00:05.000 --> 00:00:05.000', 'Dana: Mm-hm.'], 0)).toHaveLength(1);
  });

  test('names the line of a cue whose end time is missing', () => {
    expect(() => readCues(['1', '00:00:01,000 --> ', 'Dana: Hi'], 0)).toThrow(
      expect.objectContaining({
        message: expect.stringContaining('found nothing'),
        fields: [expect.objectContaining({ line: 2 })],
      }),
    );
  });
});

describe('cuesToPieces', () => {
  test('carries the last named speaker into cues that name nobody, and starts with "Unknown"', () => {
    const pieces = cuesToPieces([
      { start: 0, end: 1, line: 1, text: ['Welcome back.'] },
      { start: 1, end: 2, line: 4, text: ['Dana: How was the conference?'] },
      { start: 2, end: 3, line: 7, text: ['Worth the trip?'] },
    ]);
    expect(pieces.map((piece) => piece.speaker)).toEqual(['Unknown', 'Dana', 'Dana']);
  });
});
