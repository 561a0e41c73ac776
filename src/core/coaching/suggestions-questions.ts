import { type Question, type QuestionSearch, searchQuestions } from '../questions/question-bank.ts';
import type { Suggestion } from './analysis-types.ts';

type Habit = Suggestion['about'];

// Where in the question bank each habit finds its questions: the category and GROW stage whose
// questions do what the habit asks for (hand over, open up, commit).
const bankSearch: Partial<Record<Habit, QuestionSearch>> = {
  talkBalance: { category: 'ownership', grow: 'options' },
  askTell: { category: 'decisions', grow: 'options' },
  openQuestions: { category: 'ownership', grow: 'reality' },
  topicDepth: { category: 'strategy', grow: 'goal' },
  mindsetGrowth: { category: 'mindset', grow: 'reality' },
  endedWithAction: { category: 'ownership', grow: 'will' },
  reviewedPreviousSteps: { category: 'ownership', text: 'last time' },
};

// Used without a bank, and for habits the bank does not cover: a reflection is a statement, and
// "what else?" after a silence is too short to be a bank question.
const ownQuestions: Record<Habit, readonly [string, string]> = {
  talkBalance: ['What’s your recommendation?', 'What am I missing?'],
  askTell: ['What options do you see?', 'What have you tried so far?'],
  openQuestions: ['What’s getting in the way?', 'How would you approach it?'],
  reflections: [
    'So what matters most to you here is… — did I get that right?',
    'It sounds like you’re torn between the two. What pulls you each way?',
  ],
  topicDepth: [
    'What’s the decision you’re wrestling with this week?',
    'What would make this quarter a clear win for you?',
  ],
  mindsetGrowth: ['What would an owner do here?', 'What are you assuming that might not be true?'],
  endedWithAction: ['What will you do next, and by when?', 'How will I know it’s done?'],
  reviewedPreviousSteps: [
    'What happened with the next steps we agreed last time?',
    'What got in the way of last week’s step?',
  ],
  selfAnswered: ['What do you think?', 'What else?'],
  uptake: ['Say more about that.', 'What makes that important to you?'],
};

/** One or two questions to try for a habit: from the question bank when one is given. */
export function suggestedQuestions(
  habit: Habit,
  bank: readonly Question[] | null,
  count: 1 | 2 = 2,
): string[] {
  const search = bankSearch[habit];
  if (bank !== null && search !== undefined) {
    const found = searchQuestions(bank, { ...search, limit: count });
    if (found.length > 0) return found.map((q) => q.text);
  }
  return ownQuestions[habit].slice(0, count);
}
