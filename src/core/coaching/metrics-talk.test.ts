import { describe, expect, it } from 'vitest';
import { conversation } from './metrics-fixtures.ts';
import { findInterruptions, findLongestMonologue, measureTalk } from './metrics-talk.ts';
import { buildTalkTurns } from './metrics-turns.ts';

describe('talk share', () => {
  it('gives each speaker a share of the words and, when timed, of the seconds', () => {
    const turns = buildTalkTurns(
      [
        { speaker: 'Sam', text: 'one two three', start: 0, end: 30 },
        { speaker: 'Alex', text: 'one', start: 30, end: 40 },
      ],
      'Sam',
    );
    expect(measureTalk(turns)).toEqual([
      { speaker: 'Sam', turns: 1, words: 3, talkShare: 0.75, seconds: 30, timeShare: 0.75 },
      { speaker: 'Alex', turns: 1, words: 1, talkShare: 0.25, seconds: 10, timeShare: 0.25 },
    ]);
  });

  it('reports no seconds for an untimed transcript rather than zero', () => {
    const talk = measureTalk(buildTalkTurns(conversation([['Sam', 'Hi there']], null), 'Sam'));
    expect(talk[0]).toMatchObject({ seconds: null, timeShare: null, talkShare: 1 });
  });
});

describe('the longest monologue', () => {
  it('joins consecutive leader turns and quotes where it starts', () => {
    const turns = buildTalkTurns(
      conversation([
        ['Sam', 'First a short point.'],
        ['Alex', 'Okay.'],
        ['Sam', 'Now a long explanation of the roadmap'],
        ['Sam', 'and then the budget as well.'],
        ['Alex', 'Right.'],
      ]),
      'Sam',
    );
    const monologue = findLongestMonologue(turns);
    expect(monologue?.words).toBe(13);
    expect(monologue?.seconds).toBe(19);
    expect(monologue?.quote.text).toBe('Now a long explanation of the roadmap and then the budget as well.');
    expect(monologue?.quote.start).toBe(20);
  });
});

describe('interruptions', () => {
  it('counts a turn that starts before the other speaker has finished, against the one who cut in', () => {
    const turns = buildTalkTurns(
      [
        { speaker: 'Alex', text: 'I was thinking that we could', start: 0, end: 10 },
        { speaker: 'Sam', text: 'No, listen.', start: 6, end: 12 },
        { speaker: 'Alex', text: 'Sure.', start: 12.1, end: 13 },
      ],
      'Sam',
    );
    const interruptions = findInterruptions(turns);
    expect(interruptions.total).toBe(1);
    expect(interruptions.bySpeaker).toEqual({ Sam: 1 });
    expect(interruptions.examples[0]?.text).toBe('No, listen.');
  });

  it('cannot count interruptions without timings', () => {
    expect(findInterruptions(buildTalkTurns(conversation([['Sam', 'Hi']], null), 'Sam')).total).toBeNull();
  });
});
