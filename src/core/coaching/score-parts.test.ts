import { describe, expect, it } from 'vitest';
import type { Act, Topic } from './labels.ts';
import { countLeaderActs, measureQuestions, measureTopics } from './metrics-acts.ts';
import { labelledTurns } from './metrics-fixtures.ts';
import { scoreAction, scoreConversation, scoreReview, weights } from './score-parts.ts';

function scoreOf(lines: Array<[string, string, Act, Topic]>, leaderTalkShare: number) {
  const turns = labelledTurns(lines, 'Sam');
  const parts = scoreConversation({
    turns,
    leader: 'Sam',
    leaderTalkShare,
    monologue: null,
    questions: measureQuestions(countLeaderActs(turns), turns),
    topics: measureTopics(turns),
  });
  return Object.fromEntries(parts.map((p) => [p.id, p]));
}

const telling: Array<[string, string, Act, Topic]> = [
  ['Sam', 'Did you close the tickets?', 'closed_question', 'status'],
  ['Alex', 'Two are open.', 'other', 'status'],
  ['Sam', 'Close them today and update the board.', 'telling', 'status'],
  ['Alex', 'Okay.', 'other', 'status'],
  ['Sam', 'Then move the release to Thursday.', 'telling', 'status'],
];

describe('the parts of the score', () => {
  it('gives a telling, status-only meeting few points for asking and none for open questions, depth or mindset', () => {
    const parts = scoreOf(telling, 0.8);
    expect(parts.talkBalance?.points).toBe(0);
    expect(parts.askTell?.points).toBe(3.6);
    expect(parts.openQuestions?.points).toBe(0);
    expect(parts.topicDepth?.points).toBe(0);
    expect(parts.mindsetGrowth?.points).toBe(0);
    expect(parts.askTell?.explanation).toBe('1 question and 2 telling turns (ask:tell 0.5).');
  });

  it('quotes the telling as evidence when asking scores low, and the closed question for open questions', () => {
    const parts = scoreOf(telling, 0.8);
    expect(parts.askTell?.evidence.map((q) => q.text)).toEqual([
      'Close them today and update the board.',
      'Then move the release to Thursday.',
    ]);
    expect(parts.openQuestions?.evidence.map((q) => q.text)).toEqual(['Did you close the tickets?']);
  });

  it('gives full points to a leader who listens, asks open questions and reflects', () => {
    const parts = scoreOf(
      [
        ['Sam', 'What would make this quarter a win for you?', 'open_question', 'strategy'],
        ['Alex', 'Leading the platform work and growing into a staff role.', 'other', 'growth'],
        ['Sam', 'So growing matters as much as shipping.', 'reflection', 'growth'],
        ['Alex', 'Yes. I doubt I am ready, honestly.', 'other', 'mindset'],
        ['Sam', 'What makes you doubt it?', 'open_question', 'mindset'],
      ],
      0.3,
    );
    for (const id of [
      'talkBalance',
      'askTell',
      'openQuestions',
      'reflections',
      'topicDepth',
      'mindsetGrowth',
    ] as const) {
      expect(parts[id]?.points, id).toBe(weights[id]);
    }
    expect(parts.reflections?.evidence[0]?.text).toBe('So growing matters as much as shipping.');
  });

  it('weighs the parts to 100 in all', () => {
    expect(Object.values(weights).reduce((a, b) => a + b, 0)).toBe(100);
  });
});

describe('ending with action and review', () => {
  it('gives six points for a dated, owned step and four more when the report owns and proposed it', () => {
    const ownership = { source: 'transcript' as const, steps: 1, ownedByReport: 1, proposedByReport: 0 };
    expect(scoreAction({ endedWithAction: true, closingStep: null }, ownership).points).toBe(8);
    expect(
      scoreAction({ endedWithAction: false, closingStep: null }, { ...ownership, ownedByReport: 0 }).points,
    ).toBe(0);
  });

  it('leaves review out of the score for a first meeting', () => {
    const part = scoreReview({ reviewed: null, mentionedTitles: [], reviewTalk: null });
    expect(part.points).toBeNull();
    expect(scoreReview({ reviewed: false, mentionedTitles: [], reviewTalk: null }).points).toBe(0);
  });
});

describe('the reflection-to-question ratio', () => {
  const lines: Array<[string, string, Act, Topic]> = [
    ['Sam', 'What got in the way this week?', 'open_question', 'strategy'],
    ['Alex', 'The vendor kept moving the date and I lost two days chasing them.', 'other', 'status'],
    ['Sam', 'So the vendor cost you two days.', 'reflection', 'status'],
    ['Alex', 'Yes, and I still have to tell the client.', 'other', 'status'],
    ['Sam', 'So you can end up owing them a refund.', 'reflection', 'status'],
  ];
  const ratioWith = (confidences: [number | undefined, number | undefined]) => {
    const turns = labelledTurns(lines, 'Sam');
    [2, 4].forEach((index, k) => {
      const turn = turns[index];
      const confidence = confidences[k];
      if (turn !== undefined && confidence !== undefined) turn.label = { ...turn.label, confidence };
    });
    return measureQuestions(countLeaderActs(turns), turns);
  };

  it('counts a reflection the classifier is sure of and leaves out one it gives less than even odds', () => {
    const q = ratioWith([0.9, 0.4]);
    expect(q.reflections).toBe(1);
    expect(q.reflectionToQuestion).toBe(1);
  });

  it('quotes only the reflections it counts', () => {
    const turns = labelledTurns(lines, 'Sam');
    const unsure = turns[4];
    if (unsure !== undefined) unsure.label = { ...unsure.label, confidence: 0.4 };
    const parts = scoreConversation({
      turns,
      leader: 'Sam',
      leaderTalkShare: 0.5,
      monologue: null,
      questions: measureQuestions(countLeaderActs(turns), turns),
      topics: measureTopics(turns),
    });
    const reflections = parts.find((p) => p.id === 'reflections');
    expect(reflections?.explanation).toContain('1 reflection for 1 question');
    expect(reflections?.evidence.map((e) => e.text)).toEqual(['So the vendor cost you two days.']);
  });

  it('counts every reflection of gold labels, which carry no confidence', () => {
    expect(ratioWith([undefined, undefined]).reflections).toBe(2);
  });
});
