import { describe, expect, it } from 'vitest';
import { diagnoseGaps, ratingChanges, readEvidence, suggestFocusSkills } from './diagnose-gaps.ts';

const skills = ['questions', 'listening', 'feedback', 'delegating', 'strategy'];

describe('diagnoseGaps', () => {
  it('puts the largest disagreement first, whichever side rates higher', () => {
    const gaps = diagnoseGaps(
      skills,
      { questions: 3, listening: 4, feedback: 2, delegating: 3 },
      { questions: 3, listening: 1, feedback: 4, delegating: 2 },
    );
    expect(gaps.map((gap) => [gap.skillId, gap.difference])).toEqual([
      ['listening', 3],
      ['feedback', -2],
      ['delegating', 1],
      ['questions', 0],
    ]);
  });

  it('names a higher self rating a blind spot and a higher manager rating a hidden strength', () => {
    const gaps = diagnoseGaps(skills, { listening: 4, feedback: 1 }, { listening: 2, feedback: 3 });
    expect(Object.fromEntries(gaps.map((gap) => [gap.skillId, gap.kind]))).toEqual({
      listening: 'blind-spot',
      feedback: 'hidden-strength',
    });
  });

  it('orders agreements by level, lowest first, and tells strengths from development areas', () => {
    const ratings = { questions: 3, listening: 1, feedback: 2, strategy: 4 };
    const gaps = diagnoseGaps(skills, ratings, ratings);
    expect(gaps.map((gap) => `${gap.skillId}:${gap.kind}`)).toEqual([
      'listening:agreed-development',
      'feedback:agreed-development',
      'questions:agreed-strength',
      'strategy:agreed-strength',
    ]);
  });

  it('lists one-sided ratings after every two-sided one, and leaves out skills nobody rated', () => {
    const gaps = diagnoseGaps(skills, { questions: 1, listening: 2 }, { listening: 2, delegating: 3 });
    expect(gaps.map((gap) => `${gap.skillId}:${gap.kind}`)).toEqual([
      'listening:agreed-development',
      'questions:self-only',
      'delegating:manager-only',
    ]);
  });

  it('keeps the order of the model between equal gaps at equal levels', () => {
    const gaps = diagnoseGaps(skills, { strategy: 3, questions: 3 }, { strategy: 2, questions: 2 });
    expect(gaps.map((gap) => gap.skillId)).toEqual(['questions', 'strategy']);
  });

  it('says which rating a 1:1 figure agrees with', () => {
    const gaps = diagnoseGaps(
      skills,
      { questions: 4, listening: 3, feedback: 2 },
      { questions: 2, listening: 3, feedback: 2 },
      { questions: 'weak', listening: 'strong', feedback: 'middling' },
    );
    const sides = Object.fromEntries(gaps.map((gap) => [gap.skillId, gap.evidenceSides]));
    expect(sides).toEqual({ questions: 'manager', listening: 'both', feedback: null });
  });

  it('works without any manager assessment yet', () => {
    const gaps = diagnoseGaps(skills, { feedback: 2 }, null);
    expect(gaps).toEqual([
      {
        skillId: 'feedback',
        self: 2,
        manager: null,
        difference: null,
        kind: 'self-only',
        evidenceSides: null,
      },
    ]);
  });
});

describe('readEvidence', () => {
  it('reads a leader who talks less than 40% of the time as strong and one over 75% as weak', () => {
    expect(readEvidence('leaderTalkShare', 0.35)).toBe('strong');
    expect(readEvidence('leaderTalkShare', 0.6)).toBe('middling');
    expect(readEvidence('leaderTalkShare', 0.8)).toBe('weak');
  });

  it('reads higher shares of open questions and follow-through as stronger', () => {
    expect(readEvidence('openQuestionShare', 0.75)).toBe('strong');
    expect(readEvidence('openQuestionShare', 0.1)).toBe('weak');
    expect(readEvidence('followThroughRate', 0.9)).toBe('strong');
    expect(readEvidence('followThroughRate', 0.4)).toBe('weak');
  });

  it('reads nothing into a figure that was not measured', () => {
    expect(readEvidence('askShare', null)).toBeNull();
  });
});

describe('suggestFocusSkills', () => {
  it('suggests at most three skills below proficient, blind spots first', () => {
    const gaps = diagnoseGaps(
      skills,
      { questions: 2, listening: 3, feedback: 1, delegating: 2, strategy: 4 },
      { questions: 2, listening: 2, feedback: 1, delegating: 1, strategy: 4 },
    );
    expect(suggestFocusSkills(gaps)).toEqual(['delegating', 'listening', 'feedback']);
  });

  it('suggests nothing when every rating is proficient or above', () => {
    expect(suggestFocusSkills(diagnoseGaps(skills, { questions: 3 }, { questions: 4 }))).toEqual([]);
  });
});

describe('ratingChanges', () => {
  it('shows how each skill rated in both rounds moved', () => {
    expect(
      ratingChanges({ questions: 2, listening: 3 }, { questions: 3, listening: 3, feedback: 2 }),
    ).toEqual({ questions: 1, listening: 0 });
  });

  it('shows no change without an earlier round', () => {
    expect(ratingChanges(null, { questions: 3 })).toEqual({});
  });
});
