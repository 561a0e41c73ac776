import { describe, expect, it } from 'vitest';
import { analyzeMeeting } from './analyze-meeting.ts';
import { figuresOnly, quotedTexts } from './figures-only.ts';

const sam = (text: string, at: number) => ({ speaker: 'Sam Rivera', start: at, end: at + 5, text });
const alex = (text: string, at: number) => ({ speaker: 'Alex Kim', start: at, end: at + 5, text });

// A leader who answers their own questions, twice, so a suggestion cites one of them.
const utterances = [
  sam('What do you think about the vendor? I would go with them because they are cheaper and faster.', 0),
  alex('Okay.', 6),
  sam('How should we staff the rollout? I think Priya should lead it and you should support her.', 12),
  alex('Sure.', 18),
  sam('Where are we with the migration of the billing service to the new cluster?', 24),
  alex('We moved two of the five services and the rest go next week after the load tests.', 30),
];

describe('figuresOnly', () => {
  it('keeps the figures and drops every sentence of the meeting, suggestions included', () => {
    const analysed = analyzeMeeting({ utterances, leader: 'Sam Rivera' });
    const example = analysed.responses?.examples[0]?.text ?? '';
    expect(example).toContain('What do you think about the vendor?');
    // The suggestion as the analyser words it when it makes the cut of suggestions shown.
    const full = {
      ...analysed,
      suggestions: [
        ...analysed.suggestions,
        {
          about: 'selfAnswered' as const,
          message: `You answered 2 of your own questions (“${example}”). Ask, then wait: the silence is Alex thinking.`,
          questions: [],
        },
      ],
    };

    const kept = figuresOnly(full);
    expect(kept.score).toBe(full.score);
    expect(kept.verdict).toBe(full.verdict);
    expect(quotedTexts(kept)).toEqual([]);
    const text = JSON.stringify(kept);
    for (const sentence of ['What do you think about the vendor', 'Priya should lead', 'billing service'])
      expect(text).not.toContain(sentence);
    expect(kept.suggestions.find((suggestion) => suggestion.about === 'selfAnswered')?.message).toMatch(
      /^You answered 2 of your own questions\. Ask, then wait/,
    );
  });

  it('names speakers by their part once the transcript is gone', () => {
    const text = JSON.stringify(figuresOnly(analyzeMeeting({ utterances, leader: 'Sam Rivera' })));
    expect(text).not.toMatch(/Sam|Alex/);
    expect(text).toContain('Leader');
  });
});
