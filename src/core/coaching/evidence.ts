import type { Quote } from './analysis-types.ts';
import type { Act } from './labels.ts';
import { quoteOf, sentences } from './metrics-text.ts';
import type { Turn } from './metrics-turns.ts';

const maxQuotes = 3;

/**
 * Up to three quotes of the turns that match, spread over the meeting (first, middle, last) so
 * the evidence is not three lines of one exchange.
 */
export function pickQuotes(turns: readonly Turn[], isMatch: (turn: Turn) => boolean): Quote[] {
  const matches = turns.filter(isMatch);
  if (matches.length <= maxQuotes) return matches.map(quoteOfTurn);
  const picked = [0, Math.floor((matches.length - 1) / 2), matches.length - 1];
  return picked.map((i) => quoteOfTurn(matches[i]!));
}

/** Quotes of leader turns with one of the given acts. */
export function quotesOfActs(turns: readonly Turn[], wanted: readonly Act[]): Quote[] {
  return pickQuotes(turns, (t) => t.isLeader && wanted.includes(t.label.act));
}

/** Quotes of the longest turns that match, in meeting order: the most telling examples of talk. */
export function longestQuotes(turns: readonly Turn[], isMatch: (turn: Turn) => boolean): Quote[] {
  return turns
    .filter(isMatch)
    .sort((a, b) => b.words - a.words)
    .slice(0, maxQuotes)
    .sort((a, b) => a.index - b.index)
    .map(quoteOfTurn);
}

// A question turn is quoted by its question ("…so what would you try first?"), the rest whole;
// a question that opens with a reflection is quoted whole, since the reflection is the point.
function quoteOfTurn(turn: Turn): Quote {
  const act = turn.label.act;
  if ((act === 'open_question' || act === 'closed_question') && !turn.opensWithReflection) {
    const question = sentences(turn.utterance.text).findLast((s) => s.endsWith('?'));
    if (question !== undefined) return quoteOf(turn.utterance, question);
  }
  return quoteOf(turn.utterance);
}
