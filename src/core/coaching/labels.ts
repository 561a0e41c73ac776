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
}
