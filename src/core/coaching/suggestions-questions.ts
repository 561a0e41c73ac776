import type { Suggestion } from './analysis-types.ts';

// Questions offered with each suggestion, two per habit, written for manager–report 1:1s. They
// stay here until the question bank (src/core/questions) offers a lookup by category.
const questionsFor: Record<Suggestion['about'], readonly [string, string]> = {
  talkBalance: ['What’s your take on this?', 'What am I missing?'],
  askTell: ['What options do you see?', 'What have you tried so far?'],
  openQuestions: ['What’s getting in the way?', 'How would you approach it?'],
  reflections: [
    'So what matters most to you here is… — did I get that right?',
    'It sounds like you’re torn between the two. What pulls you each way?',
  ],
  topicDepth: [
    'What’s the decision you’re wrestling with this week?',
    'What would make the biggest difference this quarter?',
  ],
  mindsetGrowth: ['What would an owner do here?', 'What are you assuming that might not be true?'],
  endedWithAction: ['What will you do next, and by when?', 'How will I know it’s done?'],
  reviewedPreviousSteps: [
    'What did we commit to last time, and how did it go?',
    'What got in the way of last week’s step?',
  ],
  selfAnswered: ['What do you think?', 'What else?'],
  uptake: ['Say more about that.', 'What makes that important to you?'],
};

/** One or two questions to try for a habit. */
export function suggestedQuestions(about: Suggestion['about'], count: 1 | 2 = 2): string[] {
  return questionsFor[about].slice(0, count);
}
