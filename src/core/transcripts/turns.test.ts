import { describe, expect, test } from 'vitest';
import { buildTranscript, unknownSpeaker } from './turns.ts';

describe('buildTranscript', () => {
  test('merges consecutive pieces of one speaker from the first start to the last end', () => {
    const { utterances } = buildTranscript('webvtt', [
      { speaker: 'Sam', start: 4, end: 6, text: 'The migration is done.' },
      { speaker: 'Sam', start: 6, end: 9, text: 'Support tickets doubled.' },
      { speaker: 'Dana', start: 9.5, end: 11, text: 'What do you make of that?' },
    ]);
    expect(utterances).toEqual([
      { speaker: 'Sam', start: 4, end: 9, text: 'The migration is done. Support tickets doubled.' },
      { speaker: 'Dana', start: 9.5, end: 11, text: 'What do you make of that?' },
    ]);
  });

  test('keeps start before end when overlapping cues arrive out of order', () => {
    const { utterances } = buildTranscript('webvtt', [
      { speaker: 'Sam', start: 10, end: 12, text: 'Later words.' },
      { speaker: 'Sam', start: 5, end: 6, text: 'Earlier words.' },
    ]);
    expect(utterances[0]).toMatchObject({ start: 5, end: 12 });
  });

  test('lists speakers in order of first appearance', () => {
    const { speakers } = buildTranscript('plain', [
      { speaker: 'Tom', start: null, end: null, text: 'Can we talk about my goals?' },
      { speaker: 'Priya', start: null, end: null, text: 'Of course.' },
      { speaker: 'Tom', start: null, end: null, text: 'Thanks.' },
    ]);
    expect(speakers).toEqual(['Tom', 'Priya']);
  });

  test('ends a turn where the next begins when the format stamps only starts', () => {
    const { utterances } = buildTranscript(
      'meet',
      [
        { speaker: 'Dana', start: 5, end: null, text: 'How are you?' },
        { speaker: 'Sam', start: 12, end: null, text: 'Good.' },
      ],
      { endsAtNextStart: true },
    );
    expect(utterances.map((u) => u.end)).toEqual([12, null]);
  });

  test('gives a piece with a blank speaker to "Unknown" and drops blank text', () => {
    const { utterances } = buildTranscript('srt', [
      { speaker: ' ', start: 1, end: 2, text: 'Welcome back.' },
      { speaker: 'Dana', start: 2, end: 3, text: '   ' },
    ]);
    expect(utterances).toEqual([{ speaker: unknownSpeaker, start: 1, end: 2, text: 'Welcome back.' }]);
  });

  test('rejects a transcript in which nobody says anything', () => {
    expect(() => buildTranscript('srt', [{ speaker: 'Dana', start: 1, end: 2, text: '' }])).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSCRIPT', message: 'The transcript has no spoken text.' }),
    );
  });
});
