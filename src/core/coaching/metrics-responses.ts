import type { Quote, ResponseMetrics, UptakeMetrics } from './analysis-types.ts';
import {
  contentStems,
  countSharedStems,
  countWords,
  median,
  quoteOf,
  ratio,
  sentences,
} from './metrics-text.ts';
import { isQuestionAct, type Turn } from './metrics-turns.ts';

// A leader who asks and then keeps talking ("What do you think? I'd say we…") has answered their
// own question; eight words is about one clause, more than a tag like "you know, for the launch".
const selfAnswerWords = 8;
// Eight words or more is an answer that thinks aloud rather than "Yes, done."
const substantiveWords = 8;

/** What happened after each leader question: answered by the report, or by the leader. */
export function measureResponses(turns: readonly Turn[]): ResponseMetrics {
  let answered = 0;
  let selfAnswered = 0;
  let substantiveAnswers = 0;
  const answerWords: number[] = [];
  const waits: number[] = [];
  const examples: Quote[] = [];
  for (const turn of turns) {
    if (!turn.isLeader) continue;
    const question = findLastQuestion(turn);
    if (question === null) continue;
    if (question.wordsAfter >= selfAnswerWords) {
      selfAnswered += 1;
      if (examples.length < 3) examples.push(quoteOf(turn.utterance, question.fromQuestion));
      continue;
    }
    const next = turns[turn.index + 1];
    if (next === undefined) continue;
    if (next.isLeader) {
      selfAnswered += 1;
      if (examples.length < 3) examples.push(quoteOf(turn.utterance, question.fromQuestion));
      continue;
    }
    answered += 1;
    answerWords.push(next.words);
    if (next.words >= substantiveWords) substantiveAnswers += 1;
    const asked = turn.utterance.end;
    const replied = next.utterance.start;
    if (asked !== null && replied !== null) waits.push(Math.max(0, replied - asked));
  }
  const wait = median(waits);
  return {
    answered,
    selfAnswered,
    medianAnswerWords: median(answerWords),
    substantiveAnswers,
    medianWaitSeconds: wait === null ? null : Math.round(wait * 10) / 10,
    examples,
  };
}

// "Right?" or "…on Friday, right?" is a tag that checks the point landed, not a question anyone
// is meant to answer.
const tagEnding = /,\s*(?:right|okay|ok|yeah|you know|no|yes|correct|agreed|fair)\?$/i;

function findLastQuestion(turn: Turn): { wordsAfter: number; fromQuestion: string } | null {
  const parts = sentences(turn.utterance.text);
  let last = -1;
  parts.forEach((s, i) => {
    if (s.endsWith('?') && countWords(s) >= 3 && !tagEnding.test(s)) last = i;
  });
  if (last < 0) {
    return isQuestionAct(turn.label.act) ? { wordsAfter: 0, fromQuestion: turn.utterance.text } : null;
  }
  const after = parts.slice(last + 1).join(' ');
  return { wordsAfter: countWords(after), fromQuestion: parts.slice(last).join(' ') };
}

/**
 * Uptake: how often the leader builds on what the report just said, by reflecting it or reusing
 * its words, rather than moving to their own next point.
 */
export function measureUptake(turns: readonly Turn[]): UptakeMetrics {
  let eligibleTurns = 0;
  let buildingTurns = 0;
  for (const turn of turns) {
    const previous = turns[turn.index - 1];
    // A short "mm-hm" neither builds nor ignores, and a short report turn gives nothing to build on.
    if (!turn.isLeader || previous === undefined || previous.isLeader) continue;
    if (previous.words < 5 || turn.words < 4) continue;
    eligibleTurns += 1;
    if (isBuilding(turn, previous)) buildingTurns += 1;
  }
  return { eligibleTurns, buildingTurns, share: ratio(buildingTurns, eligibleTurns) };
}

function isBuilding(turn: Turn, previous: Turn): boolean {
  if (turn.label.act === 'reflection') return true;
  const needed = isQuestionAct(turn.label.act) ? 1 : 2;
  return countSharedStems(contentStems(turn.utterance.text), previous.utterance.text, needed) >= needed;
}
