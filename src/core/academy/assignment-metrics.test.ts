import { describe, expect, it } from 'vitest';
import { analyzeMeeting } from '../coaching/analyze-meeting.ts';
import { verifyAssignment } from './assignment-metrics.ts';

const coaching = analyzeMeeting({
  leader: 'Lena',
  utterances: [
    { speaker: 'Lena', start: null, end: null, text: 'What would make this hour most useful for you?' },
    {
      speaker: 'Ravi',
      start: null,
      end: null,
      text: 'I want to think through the pod split, I keep going back and forth on who should lead the second pod.',
    },
    { speaker: 'Lena', start: null, end: null, text: 'What matters most to you in that choice?' },
    {
      speaker: 'Ravi',
      start: null,
      end: null,
      text: 'That the second pod runs its own planning, and that nobody feels demoted by the change.',
    },
    { speaker: 'Lena', start: null, end: null, text: 'So fairness matters as much as the structure.' },
    {
      speaker: 'Ravi',
      start: null,
      end: null,
      text: 'Yes, exactly. Hannah asked about leading last month, so a trial with her could work.',
    },
    { speaker: 'Lena', start: null, end: null, text: 'How would you set up that trial?' },
    {
      speaker: 'Ravi',
      start: null,
      end: null,
      text: 'One quarter, with a review halfway, and I stay out of their planning.',
    },
    { speaker: 'Lena', start: null, end: null, text: 'What could get in the way?' },
    {
      speaker: 'Ravi',
      start: null,
      end: null,
      text: 'Me answering every question in the channel before anyone else can. I will stay out for the first hour.',
    },
    { speaker: 'Lena', start: null, end: null, text: 'What will you do before we meet next week?' },
    {
      speaker: 'Ravi',
      start: null,
      end: null,
      text: 'I will ask Hannah on Tuesday and write a one-page trial plan by Friday.',
    },
  ],
});

describe('verifying an assignment against a real 1:1', () => {
  it('is met when every check holds, with the figure behind each', () => {
    const result = verifyAssignment(coaching, [
      { metric: 'openQuestions', min: 4 },
      { metric: 'leaderTalkShare', max: 0.5 },
    ]);
    expect(result.isMet).toBe(true);
    expect(result.outcomes[0]!.value).toBeGreaterThanOrEqual(4);
    expect(result.outcomes[1]!.value).toBeLessThan(0.5);
  });

  it('is not met when one check fails, and says which', () => {
    const result = verifyAssignment(coaching, [
      { metric: 'openQuestions', min: 4 },
      { metric: 'openQuestions', min: 20 },
    ]);
    expect(result.isMet).toBe(false);
    expect(result.outcomes.map((outcome) => outcome.isMet)).toEqual([true, false]);
  });

  it('never counts a figure the analysis could not measure as met', () => {
    const notesOnly = analyzeMeeting({ utterances: [], notes: 'Talked about the pod split.' });
    expect(verifyAssignment(notesOnly, [{ metric: 'leaderTalkShare', max: 0.5 }]).outcomes[0]).toMatchObject({
      value: null,
      isMet: false,
    });
  });
});
