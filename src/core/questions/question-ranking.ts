import type { Question } from './question-bank.ts';
import { stemOf, wordsOf } from './question-words.ts';

/** A question with how well it matched, and a stable tie-breaker. */
export interface QuestionMatch {
  question: Question;
  score: number;
  tieBreak: number;
}

interface RankOptions {
  /** Drop questions that miss any term (search) or keep them with a lower score (suggestions). */
  requireAll: boolean;
  /** Breaks ties by a hash of seed and id instead of bank order, so different items vary. */
  seed?: string;
  /** Extra points independent of the terms (e.g. for being made first for an agenda type). */
  bonus?: (question: Question) => number;
}

/**
 * Scores questions against stemmed terms and sorts them best first. A term found in most of the
 * questions (like "feedback" among feedback questions) counts for less than a rare one.
 */
export function rankMatches(
  questions: readonly Question[],
  terms: readonly string[],
  options: RankOptions,
): QuestionMatch[] {
  const fields = questions.map((question) => ({
    text: wordsOf(question.text),
    tags: question.tags.flatMap((tag) => tag.split('-')),
    followUp: wordsOf(question.followUp ?? ''),
  }));
  const termScores = terms.map((term) => fields.map((field) => scoreTerm(term, field)));
  const weights = termScores.map((scores) => {
    const found = scores.filter((score) => score > 0).length;
    return Math.log((questions.length + 1) / (found + 0.5));
  });

  const matches: QuestionMatch[] = [];
  questions.forEach((question, index) => {
    let score = options.bonus?.(question) ?? 0;
    for (const [termIndex, scores] of termScores.entries()) {
      const termScore = scores[index] ?? 0;
      if (termScore === 0 && options.requireAll) return;
      score += termScore * (weights[termIndex] ?? 1);
    }
    const tieBreak = options.seed === undefined ? index : hashOf(`${options.seed}|${question.id}`);
    matches.push({ question, score, tieBreak });
  });
  return matches.sort((a, b) => b.score - a.score || a.tieBreak - b.tieBreak);
}

interface QuestionWords {
  text: string[];
  tags: string[];
  followUp: string[];
}

// A whole word in the question itself says most about it; a tag or the follow-up, less.
function scoreTerm(term: string, words: QuestionWords): number {
  if (words.text.some((word) => word === term || stemOf(word) === term)) return 3;
  if (words.text.some((word) => word.startsWith(term))) return 2;
  if (words.tags.some((word) => word.startsWith(term))) return 2;
  if (words.followUp.some((word) => word.startsWith(term))) return 1;
  return 0;
}

/**
 * Takes up to `limit` matches in rank order, first one per GROW stage so a short list spans the
 * conversation, then the best of the rest.
 */
export function pickVaried(ranked: readonly QuestionMatch[], limit: number): QuestionMatch[] {
  const chosen: QuestionMatch[] = [];
  const stages = new Set<string>();
  for (const match of ranked) {
    if (chosen.length >= limit) break;
    if (stages.has(match.question.grow)) continue;
    stages.add(match.question.grow);
    chosen.push(match);
  }
  for (const match of ranked) {
    if (chosen.length >= limit) break;
    if (!chosen.includes(match)) chosen.push(match);
  }
  return chosen;
}

// FNV-1a, stable across runs and platforms, with a final mix so that ids differing only in their
// last letters still land far apart in the order.
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
