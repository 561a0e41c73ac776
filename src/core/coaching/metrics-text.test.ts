import { describe, expect, it } from 'vitest';
import {
  contentStems,
  countSharedStems,
  countWords,
  median,
  overlap,
  quoteOf,
  ratio,
  sentences,
} from './metrics-text.ts';

describe('text helpers of the analysis', () => {
  it('counts a contraction as one word and ignores punctuation', () => {
    expect(countWords("I don't think it's ready — yet.")).toBe(6);
    expect(countWords('   ')).toBe(0);
  });

  it('counts words the same way in plain ASCII and with curly apostrophes or accents', () => {
    expect(countWords("We'll ship v2 in 3 weeks, won't we? 'Tis fine.")).toBe(10);
    expect(countWords('We’ll ship v2 in 3 weeks, won’t we? ’Tis fine.')).toBe(10);
    expect(countWords('Café au lait, don’t worry.')).toBe(5);
    expect(countWords("rock'n'roll 4x4 don't9")).toBe(4);
  });

  it('splits a turn into sentences and keeps each question mark', () => {
    expect(sentences('So the budget is stuck. What options do you see? I wonder')).toEqual([
      'So the budget is stuck.',
      'What options do you see?',
      'I wonder',
    ]);
    expect(sentences('...Right?! So… we ship.  ')).toEqual(['Right?!', 'So…', 'we ship.']);
  });

  it('lets "deadlines" meet "deadline" and leaves stopwords out of the content words', () => {
    const a = contentStems('The deadlines for hiring');
    const b = contentStems('our deadline and the hire');
    expect(overlap(a, b)).toBe(2);
    expect(contentStems('what do you think about it')).toEqual(new Set());
  });

  it('counts the content words two turns share up to a limit, as the overlap of their sets does', () => {
    const leader = contentStems('So the deadlines and the hiring plan are what worry you');
    const report = 'The deadline keeps slipping because hiring is slow, and the plan makes it worse.';
    expect(overlap(leader, contentStems(report))).toBe(3);
    expect(countSharedStems(leader, report, 5)).toBe(3);
    expect(countSharedStems(leader, report, 2)).toBe(2);
    // "make" is a stopword, though its stem is the one of "makes".
    expect(countSharedStems(contentStems('it makes sense'), 'make it so', 2)).toBe(0);
  });

  it('cuts a long quote at a word and marks the cut', () => {
    const long = `${'word '.repeat(80)}end`;
    const quote = quoteOf({ speaker: 'Sam', text: long, start: 3, end: 9 });
    expect(quote.text.length).toBeLessThanOrEqual(201);
    expect(quote.text.endsWith('…')).toBe(true);
    expect(quote).toMatchObject({ speaker: 'Sam', start: 3 });
  });

  it('gives a median of odd and even lists, and no ratio over zero', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(ratio(1, 3)).toBe(0.333);
    expect(ratio(1, 0)).toBeNull();
  });
});
