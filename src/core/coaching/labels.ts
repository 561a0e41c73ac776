/** What a leader's turn does in the conversation. */
export const acts = ['open_question', 'closed_question', 'reflection', 'telling', 'other'] as const;
export type Act = (typeof acts)[number];

/** What a turn (of either speaker) is about. */
export const topics = [
  'status',
  'strategy',
  'mindset',
  'growth',
  'feedback',
  'personal',
  'logistics',
] as const;
export type Topic = (typeof topics)[number];

export interface UtteranceLabel {
  act: Act;
  topic: Topic;
  /** Probability the classifier gives `act` (0–1), when the label comes from the classifier. */
  confidence?: number;
}

/**
 * A reflection counts toward the reflection-to-question ratio only when the classifier gives it
 * more than even odds: more likely a reflection than all the other acts together. Reflections are
 * the act it is least sure of, and an unsure one is as often telling said to "you" ("so you can
 * end up…"), which the ratio would otherwise credit as listening.
 */
export const sureReflection = 0.5;
