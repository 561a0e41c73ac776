import { describe, expect, test } from 'vitest';
import { parseMeet, scanMeet } from './meet.ts';

const copiedFromMeet = `Weekly 1:1 Dana / Sam
Dana Whitfield
00:00:05
How did the launch go from where you sat?
Sam Ortiz
00:00:12
Better than I feared.
We shipped on Tuesday and support stayed calm.
Dana Whitfield
00:00:31
What made the difference this time?
Sam Ortiz
00:00:36
The dry run you pushed for.`;

describe('parseMeet', () => {
  test('reads name lines followed by timestamp lines, ending each turn where the next begins', () => {
    expect(parseMeet(copiedFromMeet)).toEqual({
      format: 'meet',
      speakers: ['Dana Whitfield', 'Sam Ortiz'],
      utterances: [
        { speaker: 'Dana Whitfield', start: 5, end: 12, text: 'How did the launch go from where you sat?' },
        {
          speaker: 'Sam Ortiz',
          start: 12,
          end: 31,
          text: 'Better than I feared. We shipped on Tuesday and support stayed calm.',
        },
        { speaker: 'Dana Whitfield', start: 31, end: 36, text: 'What made the difference this time?' },
        { speaker: 'Sam Ortiz', start: 36, end: null, text: 'The dry run you pushed for.' },
      ],
    });
  });

  test('reads the name and the time on one line', () => {
    const text = `Priya Raman  0:05
Where do you want to be in a year?

Tom Becker  0:11
Leading the platform team, I think.

Priya Raman  1:02
What would you need to learn first?`;
    expect(parseMeet(text).utterances.map((u) => [u.speaker, u.start, u.text])).toEqual([
      ['Priya Raman', 5, 'Where do you want to be in a year?'],
      ['Tom Becker', 11, 'Leading the platform team, I think.'],
      ['Priya Raman', 62, 'What would you need to learn first?'],
    ]);
  });

  test('opens a turn at a known name even when Meet left its timestamp out', () => {
    const text = `Sam Ortiz
00:09:40
The hiring plan is still open.
Dana Whitfield
00:10:02
So who owns it?
Sam Ortiz
I do. I'll have a draft by Friday.
Dana Whitfield
Good. What support do you need?`;
    expect(parseMeet(text).utterances.map((u) => [u.speaker, u.text])).toEqual([
      ['Sam Ortiz', 'The hiring plan is still open.'],
      ['Dana Whitfield', 'So who owns it?'],
      ['Sam Ortiz', "I do. I'll have a draft by Friday."],
      ['Dana Whitfield', 'Good. What support do you need?'],
    ]);
  });

  test('reads untimed blocks that each open with a name', () => {
    const text = `Dana Whitfield
How are you feeling about the reorg?

Sam Ortiz
Uneasy. Nobody has told my team where they land.

Dana Whitfield
What would help you talk to them this week?`;
    const { utterances } = parseMeet(text);
    expect(utterances).toHaveLength(3);
    expect(utterances[1]).toEqual({
      speaker: 'Sam Ortiz',
      start: null,
      end: null,
      text: 'Uneasy. Nobody has told my team where they land.',
    });
  });

  test('leaves out a timestamp Meet repeats inside a long turn', () => {
    const text = 'Sam Ortiz\n00:04:58\nThe first part went well.\n00:05:00\nThe second part did not.';
    expect(parseMeet(text).utterances[0]?.text).toBe('The first part went well. The second part did not.');
  });

  test('rejects text with no speaker line', () => {
    expect(() => parseMeet('We talked about the launch and agreed to meet again.')).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSCRIPT' }),
    );
  });
});

describe('scanMeet', () => {
  test('counts the timed speaker lines that mark a Meet transcript', () => {
    expect(scanMeet(copiedFromMeet.split('\n'))).toMatchObject({ timedHeaderCount: 4, distinctSpeakers: 2 });
  });

  test('finds no speaker lines in paragraphs of prose', () => {
    const prose = [
      'Most leaders believe they coach.',
      'In practice they check in on tasks.',
      '',
      'The difference shows in who talks.',
    ];
    expect(scanMeet(prose)).toMatchObject({ timedHeaderCount: 0, headers: [] });
  });
});
