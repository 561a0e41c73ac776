import type { Utterance } from '../transcripts/types.ts';
import type { PreviousStepsReview, Quote } from './analysis-types.ts';
import { contentStems, overlap, quoteOf, sentences } from './metrics-text.ts';

// Review talk that opens a 1:1 with last time's commitments, in the words people use for it.
const reviewTalk =
  /\b(?:last (?:time|week's|week|1:1|one-on-one|meeting|session|check-in)|(?:you|we) (?:said|mentioned|agreed|committed)(?: that)? (?:you|we)(?:'d| would| were going to)|did you (?:get a chance|manage|get to|end up)|follow(?:ing)? up on|(?:action items?|next steps?|commitments?) from|what we (?:agreed|committed|said)|how did (?:the|it|that|your) [\w\s'-]{0,30}go|where (?:are|did) we (?:land|get) (?:with|on))/i;

/**
 * Whether last meeting's next steps came up: their titles' words heard early in the meeting (or
 * written in the notes), or explicit review talk in the opening part.
 */
export function reviewPreviousSteps(
  utterances: readonly Utterance[],
  previousSteps: ReadonlyArray<{ title: string }>,
  notes: string,
): PreviousStepsReview {
  // The review belongs at the start; the opening 40% (at least six turns) leaves room for a
  // status round first without counting a mention in the closing minutes.
  const opening = utterances.slice(0, Math.max(6, Math.ceil(utterances.length * 0.4)));
  const heard = new Set<string>();
  if (previousSteps.length > 0) {
    for (const u of opening) for (const s of contentStems(u.text)) heard.add(s);
    for (const s of contentStems(notes)) heard.add(s);
  }
  const mentionedTitles = previousSteps
    .filter((step) => {
      const stems = contentStems(step.title);
      return stems.size > 0 && overlap(stems, heard) >= Math.min(2, stems.size);
    })
    .map((step) => step.title);
  const talk = findReviewTalk(opening);
  const reviewed =
    previousSteps.length > 0 ? mentionedTitles.length > 0 || talk !== null : talk !== null ? true : null;
  return { reviewed, mentionedTitles, reviewTalk: talk };
}

function findReviewTalk(opening: readonly Utterance[]): Quote | null {
  for (const u of opening) {
    // Quote the sentence that reviews, not the whole turn.
    const sentence = sentences(u.text).find((s) => reviewTalk.test(s.replaceAll('’', "'")));
    if (sentence !== undefined) return quoteOf(u, sentence);
  }
  return null;
}
