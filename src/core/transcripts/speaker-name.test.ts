import { describe, expect, test } from 'vitest';
import { isSpeakerName, normalizeSpeaker, splitSpeakerPrefix } from './speaker-name.ts';

describe('isSpeakerName', () => {
  test.each([
    'Dana Whitfield',
    'Sam',
    'sam.ortiz',
    'Ana de la Cruz',
    "Siobhán O'Neill",
    'Dr. Priya Raman',
    'Tom Becker (Guest)',
    'Whitfield, Dana',
    'Dana Whitfield (she/her)',
    'Speaker 2',
    '王伟',
  ])('accepts %j as a name', (name) => {
    expect(isSpeakerName(name)).toBe(true);
  });

  test.each([
    "Here's the thing",
    'So what I would say is',
    'Well, basically',
    'Date',
    'Attendees',
    'Next steps',
    'https',
    '12',
    '',
    '{"speaker"',
    'A very long label that nobody would ever choose as their display name in a call',
  ])('rejects %j as a name', (label) => {
    expect(isSpeakerName(label)).toBe(false);
  });
});

describe('splitSpeakerPrefix', () => {
  test('splits a Zoom caption line into speaker and text', () => {
    expect(splitSpeakerPrefix('Dana Whitfield: What would you do if you owned the launch?')).toEqual({
      speaker: 'Dana Whitfield',
      text: 'What would you do if you owned the launch?',
    });
  });

  test('keeps later colons inside the text', () => {
    expect(splitSpeakerPrefix('Sam: Two things: the budget and the hire.')?.text).toBe(
      'Two things: the budget and the hire.',
    );
  });

  test('does not take a time or a 1:1 for a speaker', () => {
    expect(splitSpeakerPrefix('Our 1:1 moved to 10:30 on Thursday')).toBeNull();
  });

  test('does not take a sentence with a colon for a speaker', () => {
    expect(splitSpeakerPrefix("Here's the thing: the launch slipped a week")).toBeNull();
  });

  test('folds repeated spaces in a name', () => {
    expect(normalizeSpeaker('  Dana   Whitfield ')).toBe('Dana Whitfield');
  });
});
