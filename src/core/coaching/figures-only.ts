import type { MeetingAnalysis, Quote } from './analysis-types.ts';

const removed: Quote = { speaker: '', text: '', start: null };

/**
 * The analysis without anything said in the meeting: quotes, examples and commitment sentences
 * are dropped, the figures stay. Used when a participant deletes the transcript.
 */
export function figuresOnly(analysis: MeetingAnalysis): MeetingAnalysis {
  return {
    ...analysis,
    parts: analysis.parts.map((part) => ({ ...part, evidence: [] })),
    evidence: [],
    responses: analysis.responses ? { ...analysis.responses, examples: [] } : null,
    longestMonologue: analysis.longestMonologue ? { ...analysis.longestMonologue, quote: removed } : null,
    interruptions: analysis.interruptions ? { ...analysis.interruptions, examples: [] } : null,
    commitments: analysis.commitments.map((commitment) => ({ ...commitment, text: '' })),
    previousSteps: { ...analysis.previousSteps, reviewTalk: null },
  };
}

/** Every piece of meeting text an analysis carries, for tests that prove it is gone. */
export function quotedTexts(analysis: MeetingAnalysis): string[] {
  return [
    ...analysis.evidence.map((quote) => quote.text),
    ...analysis.parts.flatMap((part) => part.evidence.map((quote) => quote.text)),
    ...(analysis.responses?.examples ?? []).map((quote) => quote.text),
    ...(analysis.interruptions?.examples ?? []).map((quote) => quote.text),
    analysis.longestMonologue?.quote.text ?? '',
    analysis.previousSteps.reviewTalk?.text ?? '',
    ...analysis.commitments.map((commitment) => commitment.text),
  ].filter((text) => text !== '');
}
