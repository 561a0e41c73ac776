import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGroupCutPublishable, publishPulseGroup, publishPulseRound } from './pulse-publication.ts';
import { pulseQuestions } from './pulse-questions.ts';

const questions = pulseQuestions({
  includesSafety: true,
  includesEnps: true,
  customQuestions: [{ id: 'c1', text: 'One thing to change?', kind: 'text' }],
});

function answers(level: number, enps: number, text?: string) {
  return {
    'mistakes-held-against': 8 - level,
    'raise-problems': level,
    'reject-different': 8 - level,
    'safe-to-risk': level,
    'hard-to-ask-help': 8 - level,
    'no-undermining': level,
    'skills-valued': level,
    enps,
    ...(text ? { c1: text } : {}),
  };
}

/** `sizes` respondents per group key, each group answering at its own level. */
function responses(sizes: Record<string, number>, level = 5) {
  return Object.entries(sizes).flatMap(([groupKey, size]) =>
    Array.from({ length: size }, (_, index) => ({
      groupKey,
      answers: answers(level, 8, `${groupKey} ${index}`),
    })),
  );
}

describe('publishing a round', () => {
  it('shows a closed round of six of seven with its figures and free text', () => {
    const round = publishPulseRound(
      questions,
      { invited: 7, isClosed: true, responses: responses({ a: 6 }) },
      Math.random,
    );
    expect(round).toMatchObject({ visibility: 'shown', invited: 7, respondents: 6, responseRate: 0.857 });
    expect(round.figures?.safety?.score).toBe(5);
    expect(round.figures?.freeText[0]?.answers).toHaveLength(6);
  });

  it('shows only the response rate of a round under five respondents, free text included', () => {
    const round = publishPulseRound(
      questions,
      { invited: 7, isClosed: true, responses: responses({ a: 4 }) },
      Math.random,
    );
    expect(round).toEqual({
      invited: 7,
      respondents: 4,
      responseRate: 0.571,
      visibility: 'too-few',
      figures: null,
      groups: [],
      otherTeams: null,
    });
  });

  it('shows nothing but the response rate while the round is open, so answers cannot be told apart as they arrive', () => {
    const round = publishPulseRound(
      questions,
      { invited: 9, isClosed: false, responses: responses({ a: 8 }) },
      Math.random,
    );
    expect(round.visibility).toBe('open');
    expect(round.figures).toBeNull();
  });

  it('cuts by team only where no team and no difference covers fewer than five', () => {
    const round = publishPulseRound(
      questions,
      { invited: 14, isClosed: true, responses: responses({ big: 6, mid: 5, solo: 1 }) },
      Math.random,
    );
    expect(round.groups.map((group) => group.key)).toEqual(['big']);
    expect(round.otherTeams).toMatchObject({ groupCount: 2, respondents: 6 });
  });

  it('never publishes a figure, a team or a remainder covering fewer than five respondents', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 6 }), (sizes) => {
        const all = responses(Object.fromEntries(sizes.map((size, index) => [`g${index}`, size])));
        const round = publishPulseRound(
          questions,
          { invited: 60, isClosed: true, responses: all },
          Math.random,
        );
        if (round.figures) expect(round.figures.respondents).toBeGreaterThanOrEqual(5);
        const shown = round.groups.map((group) => group.respondents);
        for (const size of shown) expect(size).toBeGreaterThanOrEqual(5);
        if (round.otherTeams) expect(round.otherTeams.respondents).toBeGreaterThanOrEqual(5);
        const remainder = all.length - shown.reduce((sum, size) => sum + size, 0);
        if (shown.length > 0) expect(remainder === 0 || remainder >= 5).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('adds no cut when one team answered alone', () => {
    const round = publishPulseRound(
      questions,
      { invited: 8, isClosed: true, responses: responses({ a: 6 }) },
      Math.random,
    );
    expect(round.groups).toEqual([]);
    expect(round.otherTeams).toBeNull();
  });
});

describe('narrowing a round to one team', () => {
  const round = { invited: 20, isClosed: true, responses: responses({ big: 6, mid: 5, solo: 1 }) };

  it('allows a team that is a publishable cut, with its own figures', () => {
    expect(isGroupCutPublishable(round, 'big')).toBe(true);
    const narrowed = publishPulseGroup(questions, round, 'big', Math.random);
    expect(narrowed).toMatchObject({ visibility: 'shown', respondents: 6, invited: null });
    expect(narrowed.figures?.freeText[0]?.answers.every((text) => text.startsWith('big'))).toBe(true);
  });

  it('refuses a team of five whose difference from the total would be one person (team minus one)', () => {
    expect(isGroupCutPublishable(round, 'mid')).toBe(false);
    expect(isGroupCutPublishable(round, 'solo')).toBe(false);
    expect(publishPulseGroup(questions, round, 'mid', Math.random)).toMatchObject({
      visibility: 'too-few',
      respondents: null,
      figures: null,
    });
  });

  it('refuses any team of an open round', () => {
    expect(isGroupCutPublishable({ ...round, isClosed: false }, 'big')).toBe(false);
  });
});
