import type { QuestionMetrics } from './analysis-types.ts';
import { type Act, acts, sureReflection, type Topic, topics } from './labels.ts';
import { ratio, round3 } from './metrics-text.ts';
import type { Turn } from './metrics-turns.ts';

/** Leader turns per act. */
export function countLeaderActs(turns: readonly Turn[]): Record<Act, number> {
  const counts = Object.fromEntries(acts.map((a) => [a, 0])) as Record<Act, number>;
  for (const turn of turns) if (turn.isLeader) counts[turn.label.act] += 1;
  return counts;
}

/** Each act's share of the leader's turns (all zero when the leader never spoke). */
export function shareOfActs(counts: Record<Act, number>): Record<Act, number> {
  const total = acts.reduce((n, a) => n + counts[a], 0);
  return Object.fromEntries(acts.map((a) => [a, total === 0 ? 0 : round3(counts[a] / total)])) as Record<
    Act,
    number
  >;
}

/**
 * Ask:tell, open-question share and MITI's reflection-to-question ratio. Like MITI, a turn that
 * reflects and then asks counts once as a question and once as a reflection. Reflections count
 * when the classifier is sure of them (`sureReflection`); gold labels, without a confidence, count.
 */
export function measureQuestions(counts: Record<Act, number>, turns: readonly Turn[]): QuestionMetrics {
  let reflections = 0;
  for (const t of turns) {
    if (!t.isLeader) continue;
    if (isSureReflection(t)) reflections += 1;
    if (t.opensWithReflection) reflections += 1;
  }
  const open = counts.open_question;
  const closed = counts.closed_question;
  const asked = open + closed;
  const tell = counts.telling;
  return {
    asked,
    open,
    closed,
    openShare: ratio(open, asked),
    tell,
    askTellRatio: ratio(asked, tell),
    askShare: ratio(asked, asked + tell),
    reflections,
    reflectionToQuestion: ratio(reflections, asked),
  };
}

/** A turn labelled reflection that the ratio counts: sure, or a gold label without a confidence. */
export function isSureReflection(turn: Turn): boolean {
  return turn.label.act === 'reflection' && (turn.label.confidence ?? 1) >= sureReflection;
}

/** Share of words per topic over every turn of every speaker. */
export function measureTopics(turns: readonly Turn[]): Record<Topic, number> {
  return shareOfWordsByTopic(turns.map((t) => [t.label.topic, t.words]));
}

/** Share of words per topic, from (topic, words) pairs. */
export function shareOfWordsByTopic(entries: ReadonlyArray<readonly [Topic, number]>): Record<Topic, number> {
  const words = Object.fromEntries(topics.map((t) => [t, 0])) as Record<Topic, number>;
  let total = 0;
  for (const [topic, n] of entries) {
    words[topic] += n;
    total += n;
  }
  return Object.fromEntries(topics.map((t) => [t, total === 0 ? 0 : round3(words[t] / total)])) as Record<
    Topic,
    number
  >;
}
