import type { MeetingAnalysis, Quote } from './analysis-types.ts';

const removed: Quote = { speaker: '', text: '', start: null };

/**
 * The analysis without anything said in the meeting: quotes, examples and commitment sentences
 * are dropped, speakers are named by their part, the figures stay. Used when a transcript is deleted.
 */
export function figuresOnly(analysis: MeetingAnalysis): MeetingAnalysis {
  return withNeutralSpeakers(withoutQuotes(analysis));
}

function withoutQuotes(analysis: MeetingAnalysis): MeetingAnalysis {
  return {
    ...analysis,
    parts: analysis.parts.map((part) => ({ ...part, evidence: [] })),
    evidence: [],
    responses: analysis.responses ? { ...analysis.responses, examples: [] } : null,
    longestMonologue: analysis.longestMonologue ? { ...analysis.longestMonologue, quote: removed } : null,
    interruptions: analysis.interruptions ? { ...analysis.interruptions, examples: [] } : null,
    commitments: analysis.commitments.map((commitment) => ({ ...commitment, text: '' })),
    previousSteps: { ...analysis.previousSteps, reviewTalk: null },
    // A suggestion may cite an example from the meeting ("You answered 2 of your own questions
    // (“…”)"): the citation goes, the advice stays.
    suggestions: analysis.suggestions.map((suggestion) => ({
      ...suggestion,
      message: (analysis.responses?.examples ?? []).reduce(
        (message, example) => message.replace(` (“${example.text}”)`, ''),
        suggestion.message,
      ),
    })),
  };
}

const escapeForPattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The transcript's speaker labels are people's names: once the transcript is gone they go too,
 * replaced by their part ("Leader", "Report", "Speaker 3") everywhere, in figures and sentences.
 */
function withNeutralSpeakers(analysis: MeetingAnalysis): MeetingAnalysis {
  const labels = new Map<string, string>();
  if (analysis.leader?.name) labels.set(analysis.leader.name, 'Leader');
  if (analysis.report) labels.set(analysis.report, 'Report');
  for (const { speaker } of [...analysis.speakers, ...analysis.timeline])
    if (speaker && !labels.has(speaker)) labels.set(speaker, `Speaker ${labels.size + 1}`);
  const names = [...labels.keys()].filter((name) => !['Leader', 'Report'].includes(name));
  if (names.length === 0) return analysis;
  // A first name alone stands for its speaker too ("what Sam had just said").
  const byWord = new Map<string, string>();
  for (const name of names) {
    byWord.set(name, labels.get(name)!);
    const first = name.split(/\s+/)[0]!;
    if (first.length > 1 && !byWord.has(first)) byWord.set(first, labels.get(name)!);
  }
  const words = [...byWord.keys()].sort((a, b) => b.length - a.length).map(escapeForPattern);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${words.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const text = JSON.stringify(analysis).replace(pattern, (word) => byWord.get(word) ?? word);
  return JSON.parse(text) as MeetingAnalysis;
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
