import { describe, expect, test } from 'vitest';
import { decodeEntities, readCueText } from './cue-text.ts';

const none = new Set<string>();

describe('readCueText', () => {
  test('reads the speaker of a Teams voice span across lines', () => {
    const lines = [
      '<v Dana Whitfield>Thanks for making time today.',
      'I wanted to start with the roadmap.</v>',
    ];
    expect(readCueText(lines, none)).toEqual([
      {
        speaker: 'Dana Whitfield',
        text: 'Thanks for making time today. I wanted to start with the roadmap.',
      },
    ]);
  });

  test('splits a cue holding two voice spans into two speakers', () => {
    const lines = ['<v Dana Whitfield>Does Friday still work?</v> <v Sam Ortiz>Friday works.</v>'];
    expect(readCueText(lines, none)).toEqual([
      { speaker: 'Dana Whitfield', text: 'Does Friday still work?' },
      { speaker: 'Sam Ortiz', text: 'Friday works.' },
    ]);
  });

  test('reads a Zoom speaker prefix on the first line and keeps the second line as that speaker', () => {
    const lines = ['Sam Ortiz: The migration is done,', 'but support tickets doubled.'];
    expect(readCueText(lines, none)).toEqual([
      { speaker: 'Sam Ortiz', text: 'The migration is done, but support tickets doubled.' },
    ]);
  });

  test('reads a known speaker on a later line as a change of speaker', () => {
    const lines = ['Dana: What got in the way?', 'Sam: Mostly the vendor.'];
    expect(readCueText(lines, new Set(['Sam']))).toEqual([
      { speaker: 'Dana', text: 'What got in the way?' },
      { speaker: 'Sam', text: 'Mostly the vendor.' },
    ]);
  });

  test('leaves an unknown name-like prefix on a later line in the text', () => {
    const lines = ['Dana: I noticed one thing.', 'Honestly: it was the vendor.'];
    expect(readCueText(lines, none)).toEqual([
      { speaker: 'Dana', text: 'I noticed one thing. Honestly: it was the vendor.' },
    ]);
  });

  test('strips styling and karaoke timestamps but keeps the words', () => {
    const lines = ['<v.loud Sam Ortiz><i>I</i> <c.yellow>really</c> <00:00:05.200>want the lead role.</v>'];
    expect(readCueText(lines, none)).toEqual([
      { speaker: 'Sam Ortiz', text: 'I really want the lead role.' },
    ]);
  });

  test('keeps a lone "<" that opens no tag', () => {
    expect(readCueText(['Sam: Churn is < 2% < our target'], none)).toEqual([
      { speaker: 'Sam', text: 'Churn is < 2% < our target' },
    ]);
  });

  test('names nobody when the cue has no label', () => {
    expect(readCueText(['How was the offsite?'], none)).toEqual([
      { speaker: null, text: 'How was the offsite?' },
    ]);
  });

  test('drops a cue whose text is only tags', () => {
    expect(readCueText(['<v Dana></v>', '<i> </i>'], none)).toEqual([]);
  });

  test('stays linear on a line of thousands of stray "<"', () => {
    const text = `Dana: ${'<'.repeat(200_000)}`;
    expect(readCueText([text], none)[0]?.text.length).toBe(200_000);
  });
});

describe('decodeEntities', () => {
  test('decodes the references WebVTT uses', () => {
    expect(decodeEntities('R&amp;D &lt;3 &gt; sales&nbsp;team')).toBe('R&D <3 > sales team');
  });

  test('decodes numeric references and leaves unknown names alone', () => {
    expect(decodeEntities('Caf&#233; &#x2019; &bogus;')).toBe('Café ’ &bogus;');
  });
});
