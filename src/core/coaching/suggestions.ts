import type { Question } from '../questions/question-bank.ts';
import type {
  Monologue,
  Ownership,
  QuestionMetrics,
  ResponseMetrics,
  ScorePart,
  Suggestion,
  UptakeMetrics,
} from './analysis-types.ts';
import type { Topic } from './labels.ts';
import { suggestedQuestions } from './suggestions-questions.ts';

export interface SuggestionFacts {
  parts: readonly ScorePart[];
  report: string | null;
  leaderTalkShare: number | null;
  monologue: Monologue | null;
  questions: QuestionMetrics | null;
  responses: ResponseMetrics | null;
  uptake: UptakeMetrics | null;
  topics: Record<Topic, number> | null;
  ownership: Ownership;
  endedWithAction: boolean;
  questionBank: readonly Question[] | null;
}

const maxSuggestions = 3;
// A part scoring at least 70% of its points needs no advice.
const goodEnough = 0.7;

/**
 * Concrete advice for the next 1:1, from the figures: the parts that lost the most points first,
 * then the habits behind them (answering one's own questions, not building on the report's words).
 */
export function buildSuggestions(facts: SuggestionFacts): Suggestion[] {
  const weak = facts.parts
    .filter((p) => p.points !== null && p.points < p.max * goodEnough)
    .sort((a, b) => b.max - (b.points ?? 0) - (a.max - (a.points ?? 0)));
  const out: Suggestion[] = [];
  for (const part of weak) {
    const message = messageFor(part, facts);
    if (message !== null)
      out.push({ about: part.id, message, questions: suggestedQuestions(part.id, facts.questionBank) });
  }
  const responses = facts.responses;
  if (responses !== null && responses.selfAnswered >= 2) {
    const example = responses.examples[0];
    out.push({
      about: 'selfAnswered',
      message: `You answered ${responses.selfAnswered} of your own questions${example ? ` (“${example.text}”)` : ''}. Ask, then wait: the silence is ${facts.report ?? 'the report'} thinking.`,
      questions: suggestedQuestions('selfAnswered', facts.questionBank),
    });
  }
  const uptake = facts.uptake;
  if (uptake?.share != null && uptake.eligibleTurns >= 5 && uptake.share < 0.3) {
    out.push({
      about: 'uptake',
      message: `Only ${pct(uptake.share)} of your replies built on what ${facts.report ?? 'the report'} had just said. Pick up their words before moving on.`,
      questions: suggestedQuestions('uptake', facts.questionBank, 1),
    });
  }
  return out.slice(0, maxSuggestions);
}

function messageFor(part: ScorePart, facts: SuggestionFacts): string | null {
  const q = facts.questions;
  const report = facts.report ?? 'your report';
  const try1 = `Next time try: “${suggestedQuestions(part.id, facts.questionBank, 1)[0]}”`;
  switch (part.id) {
    case 'talkBalance': {
      if (facts.leaderTalkShare === null) return null;
      const m = facts.monologue;
      const stretch =
        m === null
          ? ''
          : `; your longest stretch ran ${m.words} words${m.seconds === null ? '' : ` (${minutes(m.seconds)})`}`;
      return `You spoke ${pct(facts.leaderTalkShare)} of the words${stretch}. Stop after your point and hand it over. ${try1}`;
    }
    case 'askTell':
      if (q === null) return null;
      return `You asked ${q.asked} question${plural(q.asked)} and told ${q.tell} time${plural(q.tell)}. ${try1}`;
    case 'openQuestions':
      if (q === null) return null;
      return q.asked === 0
        ? `You asked no questions. ${try1}`
        : `${q.closed} of your ${q.asked} questions could be answered with yes or no. Open them with what or how. ${try1}`;
    case 'reflections':
      if (q === null) return null;
      return `You reflected back ${q.reflections} time${plural(q.reflections)} for ${q.asked} question${plural(q.asked)}. Before the next question, say back what you heard. ${try1}`;
    case 'topicDepth':
      if (facts.topics === null) return null;
      return `${pct(facts.topics.status)} of the meeting was status. Ask ${report} to post status before the 1:1 and use the time for goals, challenges and decisions. ${try1}`;
    case 'mindsetGrowth':
      if (facts.topics === null) return null;
      return `Mindset and growth took ${pct(facts.topics.mindset + facts.topics.growth)} of the words. Give them a few minutes on purpose. ${try1}`;
    case 'endedWithAction': {
      if (!facts.endedWithAction)
        return `The meeting ended without a next step that has an owner and a due date. Close with: “${suggestedQuestions(part.id, facts.questionBank, 1)[0]}”`;
      const owned = facts.ownership.ownedByReport;
      return `${report} owns ${pct(owned ?? 0)} of the next steps. Let them propose the step and own it. ${try1}`;
    }
    case 'reviewedPreviousSteps':
      return `Last meeting’s next steps did not come up. Open with them: “${suggestedQuestions(part.id, facts.questionBank, 1)[0]}”`;
  }
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}

function minutes(seconds: number): string {
  return seconds < 90 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;
}
