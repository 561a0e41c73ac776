import { describe, expect, it } from 'vitest';
import { shuffled, summarizePulseAnswers } from './pulse-figures.ts';
import { pulseQuestions } from './pulse-questions.ts';

const questions = pulseQuestions({
  includesSafety: true,
  includesEnps: true,
  customQuestions: [
    { id: 'c1', text: 'I know what is expected of me this month.', kind: 'scale' },
    { id: 'c2', text: 'Which meeting helps you most?', kind: 'choice', options: ['1:1', 'Retro'] },
    { id: 'c3', text: 'One thing to change?', kind: 'text' },
  ],
});

/** A respondent who agrees with every positive item at `level` and disagrees with the reversed ones. */
function respondent(level: number, enps: number, extra: Record<string, number | string> = {}) {
  return {
    'mistakes-held-against': 8 - level,
    'raise-problems': level,
    'reject-different': 8 - level,
    'safe-to-risk': level,
    'hard-to-ask-help': 8 - level,
    'no-undermining': level,
    'skills-valued': level,
    enps,
    c1: 3,
    c2: '1:1',
    ...extra,
  };
}

const fixed = () => 0.5;

describe('the figures of a set of answers', () => {
  it('averages the respondents’ safety scores and each item after reversal', () => {
    const figures = summarizePulseAnswers(questions, [respondent(6, 9), respondent(4, 6)], fixed);
    expect(figures.safety?.score).toBe(5);
    expect(figures.safety?.items.every((item) => item.mean === 5)).toBe(true);
    expect(figures.enps).toBe(0);
  });

  it('counts choices per option and averages custom ratings', () => {
    const figures = summarizePulseAnswers(
      questions,
      [respondent(5, 10), respondent(5, 10, { c1: 5, c2: 'Retro' })],
      fixed,
    );
    expect(figures.custom).toEqual([
      { id: 'c1', text: 'I know what is expected of me this month.', kind: 'scale', mean: 4, options: [] },
      {
        id: 'c2',
        text: 'Which meeting helps you most?',
        kind: 'choice',
        mean: null,
        options: [
          { label: '1:1', count: 1 },
          { label: 'Retro', count: 1 },
        ],
      },
    ]);
  });

  it('returns free text without empty answers, in an order that does not follow who answered first', () => {
    const answers = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth'];
    const sets = answers.map((text) => respondent(5, 8, { c3: text }));
    const orders = new Set<string>();
    let seed = 1;
    const random = () => {
      seed = (seed * 16_807) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    for (let run = 0; run < 20; run++) {
      const [text] = summarizePulseAnswers(questions, sets, random).freeText;
      expect([...(text?.answers ?? [])].sort()).toEqual([...answers].sort());
      orders.add(text!.answers.join());
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('shuffles without losing or doubling an item', () => {
    expect(shuffled([1, 2, 3, 4], Math.random).sort()).toEqual([1, 2, 3, 4]);
  });
});
