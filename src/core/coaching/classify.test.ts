import { describe, expect, it } from 'vitest';
import { classifyTurn, classifyTurns } from './classify.ts';
import type { Act, Topic } from './labels.ts';

// Lines a leader might say in a real 1:1, none of them copied from the training corpus.
const actCases: Record<Act, string[]> = {
  open_question: [
    'What do you think is behind the drop in repeat orders?',
    'How would you like the handover to work when you are on leave?',
    'Um, so what would a good outcome look like for you?',
    'Tell me more about what happened at the depot.',
    'That makes sense. What would you try first?',
    'What options do you see for the night team?',
  ],
  closed_question: [
    'Did the quote go out to Bellweather yesterday?',
    'Have you tried asking the vendor for a payment plan?',
    'Is the training room booked for Tuesday?',
    'Do you want to take the lead on the audit?',
    'Are you still on track for the end of the month?',
  ],
  reflection: [
    "So the deadline is what's really worrying you.",
    'It sounds like you felt left out of the decision.',
    "You're frustrated that the same problems keep coming back.",
    "So you'd rather fix the process than add more people.",
    "What I'm hearing is that the plan is fine but the timing isn't.",
  ],
  telling: [
    'You should send the revised budget to finance before Friday.',
    "I'd go with the second supplier and review it in six months.",
    'Make sure you copy legal on anything that goes to the client.',
    'Call the store managers tomorrow and explain the new rota.',
    'I think you should hold the price. Does that make sense?',
    'The board has frozen hiring until April.',
  ],
  other: [
    'Okay.',
    'Mm-hmm.',
    'Right, right.',
    'Thanks, that really helps.',
    "Let's move on to the roadmap.",
    'Hi Dana, good to see you.',
  ],
};

const topicCases: Record<Topic, string[]> = {
  status: [
    'The invoices are all out, two are still waiting on approval.',
    'Did the release go out last night?',
  ],
  strategy: [
    'Which of the two vendors fits our plan for next year better?',
    'Our priority this quarter is keeping the big accounts.',
  ],
  mindset: [
    "I keep assuming they'll say no, so I never ask.",
    'What would you do if you believed you were ready?',
  ],
  growth: [
    'I want to get better at presenting to senior people.',
    'Where do you want your career to be in three years?',
  ],
  feedback: [
    'How do you think your presentation landed with the client?',
    'Your report was clear, but it arrived late.',
  ],
  personal: [
    'My son has been ill all week, so I have barely slept.',
    'How is your mum doing after the operation?',
  ],
  logistics: [
    'Can we move our meeting to Thursday afternoon?',
    "I'm on leave from the 20th, so let's skip that week.",
  ],
};

describe('classifyTurn', () => {
  for (const [act, texts] of Object.entries(actCases)) {
    for (const text of texts) {
      it(`labels "${text}" as ${act}`, () => {
        expect(classifyTurn(text).act).toBe(act);
      });
    }
  }

  for (const [topic, texts] of Object.entries(topicCases)) {
    for (const text of texts) {
      it(`gives "${text}" the topic ${topic}`, () => {
        expect(classifyTurn(text).topic).toBe(topic);
      });
    }
  }

  it('reports a confidence between 0 and 1 that is high for a plain question', () => {
    const { confidence } = classifyTurn('What would you like to get out of today?');
    expect(confidence).toBeGreaterThan(0.6);
    expect(confidence).toBeLessThanOrEqual(1);
  });

  it('labels an empty turn as other instead of failing', () => {
    expect(classifyTurn('').act).toBe('other');
  });
});

describe('classifyTurns', () => {
  it('returns one label per turn, in order', () => {
    const labels = classifyTurns(['How did the audit go?', 'Pretty well, two findings.', 'Okay.']);
    expect(labels.map((l) => l.act)).toEqual(['open_question', expect.any(String), 'other']);
    expect(labels).toHaveLength(3);
  });

  it('gives a backchannel the topic of the talk around it', () => {
    const labels = classifyTurns([
      'Is the stock count reconciled yet?',
      'Not yet, the frozen section is still off by forty units.',
      'Mm-hmm.',
      'I will finish the recount on Thursday morning.',
    ]);
    expect(labels[2]?.topic).toBe('status');
  });

  it('returns nothing for no turns', () => {
    expect(classifyTurns([])).toEqual([]);
  });
});
