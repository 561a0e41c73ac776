import { describe, expect, it } from 'vitest';
import type { PartId, QuestionMetrics, ScorePart } from './analysis-types.ts';
import { buildSuggestions, type SuggestionFacts } from './suggestions.ts';

const part = (id: PartId, points: number, max: number): ScorePart => ({
  id,
  label: id,
  points,
  max,
  explanation: '',
  evidence: [],
});

const questions: QuestionMetrics = {
  asked: 2,
  open: 0,
  closed: 2,
  openShare: 0,
  tell: 14,
  askTellRatio: 0.143,
  askShare: 0.125,
  reflections: 0,
  reflectionToQuestion: 0,
};

const facts = (over: Partial<SuggestionFacts>): SuggestionFacts => ({
  parts: [],
  report: 'Lee',
  leaderTalkShare: 0.8,
  monologue: null,
  questions,
  responses: null,
  uptake: null,
  topics: null,
  ownership: { source: null, steps: 0, ownedByReport: null, proposedByReport: null },
  endedWithAction: false,
  questionBank: null,
  ...over,
});

describe('suggestions', () => {
  it('speaks in the meeting’s own figures and offers a question to try', () => {
    const [first] = buildSuggestions(facts({ parts: [part('askTell', 0, 15)] }));
    expect(first?.message).toBe(
      'You asked 2 questions and told 14 times. Next time try: “What options do you see?”',
    );
    expect(first?.questions).toEqual(['What options do you see?', 'What have you tried so far?']);
  });

  it('starts with the parts that lost the most points and gives at most three', () => {
    const suggestions = buildSuggestions(
      facts({
        parts: [
          part('reflections', 0, 10),
          part('askTell', 2, 15),
          part('talkBalance', 0, 15),
          part('openQuestions', 1, 15),
          part('endedWithAction', 10, 10),
        ],
      }),
    );
    expect(suggestions.map((s) => s.about)).toEqual(['talkBalance', 'openQuestions', 'askTell']);
  });

  it('says nothing about a part that scored well', () => {
    expect(buildSuggestions(facts({ parts: [part('askTell', 14, 15)] }))).toEqual([]);
  });

  it('points out questions the leader answered themselves, quoting one', () => {
    const [suggestion] = buildSuggestions(
      facts({
        responses: {
          answered: 1,
          selfAnswered: 3,
          medianAnswerWords: 3,
          substantiveAnswers: 0,
          medianWaitSeconds: null,
          examples: [{ speaker: 'Dana', text: 'What do you think? I would ship it.', start: 12 }],
        },
      }),
    );
    expect(suggestion?.about).toBe('selfAnswered');
    expect(suggestion?.message).toBe(
      'You answered 3 of your own questions (“What do you think? I would ship it.”). Ask, then wait: the silence is Lee thinking.',
    );
  });
});
