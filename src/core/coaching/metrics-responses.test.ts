import { describe, expect, it } from 'vitest';
import { labelledTurns } from './metrics-fixtures.ts';
import { measureResponses, measureUptake } from './metrics-responses.ts';

describe('what follows a leader question', () => {
  it('counts a question the leader goes on to answer as self-answered, and quotes it', () => {
    const turns = labelledTurns(
      [
        [
          'Sam',
          'What do you think? I would go with the vendor because it is cheaper and faster to set up.',
          'telling',
          'strategy',
        ],
        ['Alex', 'Okay.', 'other', 'strategy'],
      ],
      'Sam',
    );
    const responses = measureResponses(turns);
    expect(responses.selfAnswered).toBe(1);
    expect(responses.answered).toBe(0);
    expect(responses.examples[0]?.text).toMatch(/^What do you think\? I would go/);
  });

  it('measures the answers the report gives: words, substance and the wait before them', () => {
    const turns = labelledTurns(
      [
        ['Sam', 'What options do you see?', 'open_question', 'strategy'],
        [
          'Alex',
          'Either we hire a senior now or we train two of the juniors over the summer.',
          'other',
          'strategy',
        ],
        ['Sam', 'Is that done?', 'closed_question', 'status'],
        ['Alex', 'Yes.', 'other', 'status'],
      ],
      'Sam',
    );
    const responses = measureResponses(turns);
    expect(responses).toMatchObject({ answered: 2, selfAnswered: 0, substantiveAnswers: 1 });
    expect(responses.medianAnswerWords).toBe(8.5);
    // Fixture turns last 9 s and start every 10 s: one second of silence before each answer.
    expect(responses.medianWaitSeconds).toBe(1);
  });

  it('does not take a tag like "right?" for a question', () => {
    const turns = labelledTurns(
      [
        [
          'Sam',
          'We ship on Friday, right? The client expects it and marketing has the post ready.',
          'telling',
          'status',
        ],
      ],
      'Sam',
    );
    expect(measureResponses(turns).selfAnswered).toBe(0);
  });
});

describe('uptake', () => {
  it('counts leader turns that reuse the report’s words or reflect them, and not those that change the subject', () => {
    const turns = labelledTurns(
      [
        [
          'Alex',
          'The hiring budget worries me because finance keeps moving the numbers.',
          'other',
          'strategy',
        ],
        ['Sam', 'What would make the hiring budget feel safer?', 'open_question', 'strategy'],
        ['Alex', 'A fixed number for the quarter, signed off by finance.', 'other', 'strategy'],
        ['Sam', 'Sounds like you want certainty more than anything.', 'reflection', 'mindset'],
        ['Alex', 'Yes, exactly, some certainty so I can plan the team properly.', 'other', 'mindset'],
        ['Sam', 'Okay, next item: the office move on Tuesday.', 'other', 'logistics'],
      ],
      'Sam',
    );
    expect(measureUptake(turns)).toEqual({ eligibleTurns: 3, buildingTurns: 2, share: 0.667 });
  });
});
