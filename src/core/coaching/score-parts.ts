import type {
  Monologue,
  Ownership,
  PartId,
  PreviousStepsReview,
  QuestionMetrics,
  Quote,
  ScorePart,
} from './analysis-types.ts';
import type { ActionEnding } from './commitments-ownership.ts';
import { longestQuotes, pickQuotes, quotesOfActs } from './evidence.ts';
import type { Topic } from './labels.ts';
import { isSureReflection } from './metrics-acts.ts';
import type { Turn } from './metrics-turns.ts';

/** The weight of each part: the points it is worth out of 100. The reasons are in docs/COACHING-SCORE.md. */
export const weights: Record<PartId, number> = {
  talkBalance: 15,
  askTell: 15,
  openQuestions: 15,
  reflections: 10,
  topicDepth: 15,
  mindsetGrowth: 10,
  endedWithAction: 10,
  reviewedPreviousSteps: 10,
};

/** How each part is named to the leader. */
export const partLabels: Record<PartId, string> = {
  talkBalance: 'Talk balance',
  askTell: 'Ask, don’t tell',
  openQuestions: 'Open questions',
  reflections: 'Reflections',
  topicDepth: 'Less status, more strategy',
  mindsetGrowth: 'Mindset and growth',
  endedWithAction: 'End with action',
  reviewedPreviousSteps: 'Review of last steps',
};

/** The parts read from the conversation itself; the others come from next steps and notes too. */
export const conversationPartIds = [
  'talkBalance',
  'askTell',
  'openQuestions',
  'reflections',
  'topicDepth',
  'mindsetGrowth',
] as const satisfies readonly PartId[];

/** Where each ramp starts (no points) and where it reaches full points. */
export const ramps = {
  leaderTalkShare: { zero: 0.75, full: 0.4 },
  askShare: { zero: 0.25, full: 0.6 },
  openShare: { zero: 0.2, full: 0.7 },
  reflectionToQuestion: { zero: 0, full: 0.5 },
  deepShare: { zero: 0.15, full: 0.55 },
  mindsetGrowthShare: { zero: 0, full: 0.15 },
} as const;

const deepTopics: readonly Topic[] = ['strategy', 'mindset', 'growth', 'feedback'];

export interface ConversationFacts {
  turns: readonly Turn[];
  leader: string;
  leaderTalkShare: number;
  monologue: Monologue | null;
  questions: QuestionMetrics;
  topics: Record<Topic, number>;
}

/** The six parts read from the conversation itself. */
export function scoreConversation(facts: ConversationFacts): ScorePart[] {
  const { turns, questions, topics } = facts;
  const talkPoints = ramp(facts.leaderTalkShare, ramps.leaderTalkShare);
  const talkEvidence: Quote[] = [
    ...(facts.monologue === null ? [] : [facts.monologue.quote]),
    ...longestQuotes(turns, (t) => !t.isLeader).slice(0, 2),
  ];
  const askPoints = questions.askShare === null ? 0 : ramp(questions.askShare, ramps.askShare);
  const openPoints = questions.openShare === null ? 0 : ramp(questions.openShare, ramps.openShare);
  const rq = questions.reflectionToQuestion ?? (questions.reflections > 0 ? 1 : 0);
  const deep = deepTopics.reduce((n, t) => n + topics[t], 0);
  const mindsetGrowth = topics.mindset + topics.growth;
  return [
    part(
      'talkBalance',
      talkPoints,
      `${facts.leader} spoke ${pct(facts.leaderTalkShare)} of the words; full points at ${pct(ramps.leaderTalkShare.full)} or less.`,
      talkEvidence,
    ),
    part(
      'askTell',
      askPoints,
      `${questions.asked} question${s(questions.asked)} and ${questions.tell} telling turn${s(questions.tell)}${questions.askTellRatio === null ? '' : ` (ask:tell ${questions.askTellRatio.toFixed(1)})`}.`,
      askPoints >= 0.5
        ? quotesOfActs(turns, ['open_question', 'closed_question'])
        : longestQuotes(turns, (t) => t.isLeader && t.label.act === 'telling'),
    ),
    part(
      'openQuestions',
      openPoints,
      questions.asked === 0
        ? 'No questions asked.'
        : `${questions.open} of ${questions.asked} questions were open (${pct(questions.openShare ?? 0)}); full points at ${pct(ramps.openShare.full)}.`,
      openPoints >= 0.5 ? quotesOfActs(turns, ['open_question']) : quotesOfActs(turns, ['closed_question']),
    ),
    part(
      'reflections',
      ramp(rq, ramps.reflectionToQuestion),
      `${questions.reflections} reflection${s(questions.reflections)} for ${questions.asked} question${s(questions.asked)}${questions.reflectionToQuestion === null ? '' : ` (R:Q ${questions.reflectionToQuestion.toFixed(2)})`}; full points at ${ramps.reflectionToQuestion.full}.`,
      pickQuotes(turns, (t) => t.isLeader && (isSureReflection(t) || t.opensWithReflection)),
    ),
    part(
      'topicDepth',
      ramp(deep, ramps.deepShare),
      `${pct(deep)} of the words on strategy, mindset, growth or feedback; ${pct(topics.status)} on status.`,
      ramp(deep, ramps.deepShare) >= 0.5
        ? longestQuotes(turns, (t) => deepTopics.includes(t.label.topic))
        : longestQuotes(turns, (t) => t.label.topic === 'status'),
    ),
    part(
      'mindsetGrowth',
      ramp(mindsetGrowth, ramps.mindsetGrowthShare),
      `${pct(mindsetGrowth)} of the words on mindset or growth; full points at ${pct(ramps.mindsetGrowthShare.full)}.`,
      pickQuotes(turns, (t) => t.label.topic === 'mindset' || t.label.topic === 'growth'),
    ),
  ];
}

/** End with action: a dated, owned next step (6 points), owned and proposed by the report (2 + 2). */
export function scoreAction(action: ActionEnding, ownership: Ownership): ScorePart {
  const owned = ownership.ownedByReport ?? 0;
  const proposed = ownership.proposedByReport ?? 0;
  const fraction = action.endedWithAction ? 0.6 + 0.2 * owned + 0.2 * proposed : 0.2 * owned + 0.2 * proposed;
  const step = action.closingStep;
  const evidence: Quote[] =
    step === null
      ? []
      : 'owners' in step
        ? [{ speaker: step.proposedBy ?? 'notes', text: step.text, start: step.start }]
        : [{ speaker: step.owner ?? 'next step', text: step.title, start: null }];
  const who =
    ownership.ownedByReport === null
      ? ''
      : ` The report owns ${pct(ownership.ownedByReport)} of ${ownership.steps} step${s(ownership.steps)}${ownership.proposedByReport === null ? '' : ` and proposed ${pct(ownership.proposedByReport)}`}.`;
  const explanation = action.endedWithAction
    ? `Ended with a next step that has an owner and a due date.${who}`
    : `No next step with both an owner and a due date.${who}`;
  return part('endedWithAction', fraction, explanation, evidence);
}

/** Review of last meeting's next steps; unmeasured for a first meeting with no review talk. */
export function scoreReview(review: PreviousStepsReview): ScorePart {
  const evidence = review.reviewTalk === null ? [] : [review.reviewTalk];
  if (review.reviewed === null) {
    return unmeasuredPart(
      'reviewedPreviousSteps',
      'No previous next steps to review, and no review talk heard.',
    );
  }
  const named =
    review.mentionedTitles.length > 0 ? ` (${review.mentionedTitles.map((t) => `“${t}”`).join(', ')})` : '';
  const explanation = review.reviewed
    ? `Last meeting’s next steps came up early${named}.`
    : 'Last meeting’s next steps did not come up in the opening of the meeting.';
  return part('reviewedPreviousSteps', review.reviewed ? 1 : 0, explanation, evidence);
}

/** A part that could not be measured: it counts toward neither the points nor the maximum. */
export function unmeasuredPart(id: PartId, why: string): ScorePart {
  return { id, label: partLabels[id], points: null, max: weights[id], explanation: why, evidence: [] };
}

function part(id: PartId, fraction: number, explanation: string, evidence: Quote[]): ScorePart {
  const max = weights[id];
  const points = Math.round(max * fraction * 10) / 10;
  return { id, label: partLabels[id], points, max, explanation, evidence };
}

/** 0 at `zero`, 1 at `full`, linear between; works for falling ramps too (zero > full). */
function ramp(value: number, { zero, full }: { zero: number; full: number }): number {
  const x = (value - zero) / (full - zero);
  return Math.min(1, Math.max(0, x));
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function s(n: number): string {
  return n === 1 ? '' : 's';
}
