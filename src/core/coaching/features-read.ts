import { AppError } from '../errors.ts';
import { fillers } from './features-lexicon.ts';
import { its, nlp, sentenceNlp } from './nlp.ts';

/** One sentence of a turn as the features read it: wink's normal forms without punctuation. */
export interface Sentence {
  /** Index of the sentence's first token in the turn's reading. */
  start: number;
  words: string[];
  /** Index in `words` of the first word after fillers ("um, so, okay, what…" → "what"). */
  head: number;
  isQuestion: boolean;
  pos: string[];
  isNegated: boolean;
  hasSo: boolean;
  /** Cached by the features: what the sentence's words and features are, once worked out. */
  kind?: SentenceKind;
  features?: string[];
}

/** What a sentence does for the act: only content sentences decide it. */
export type SentenceKind = 'backchannel' | 'tag' | 'check' | 'content';

/** A turn read once by wink: what the act and topic features and the metrics share. */
export interface TurnParse {
  text: string;
  /** False for a reading without part of speech and negation (`parseTurnTopic`): no act from it. */
  hasTags: boolean;
  sentences: Sentence[];
  /** The words of all sentences, in order. */
  words: string[];
  /** The part of the turn before a given token, read from this parse (see `parsePrefix`). */
  tokens: TurnTokens;
}

interface TurnTokens {
  normals: string[];
  pos: string[];
  negations: boolean[];
  spans: [number, number][];
  /** The surface forms, read only for turns whose opening may be read again (`parsePrefix`). */
  values: string[] | null;
}

/**
 * Reads a turn with a single wink pass: tokens, sentences, part of speech and negation, and the
 * surface forms when `hasOpening` (the turn's opening will be cut out by `parsePrefix`). Nothing
 * of wink's document is kept, so a meeting's documents do not outlive their reading.
 */
export function parseTurn(text: string, hasOpening = false): TurnParse {
  const doc = nlp.readDoc(text);
  const list = doc.tokens();
  const normals = list.out(its.normal) as string[];
  const pos = list.out(its.pos) as string[];
  const negations = list.out(its.negationFlag) as unknown as boolean[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const values = hasOpening ? (list.out() as string[]) : null;
  const tokens: TurnTokens = { normals, pos, negations, spans, values };
  return withWords(text, buildSentences(tokens, normals.length), tokens, true);
}

/**
 * Reads a turn for its topic alone: the same words and sentences as `parseTurn`, without part of
 * speech and negation, which only the act features read. Punctuation is told by token type, as
 * part of speech tells it: every punctuation token is PUNCT except "/", which is a symbol.
 */
export function parseTurnTopic(text: string): TurnParse {
  const doc = sentenceNlp.readDoc(text);
  const list = doc.tokens();
  const normals = list.out(its.normal) as string[];
  const types = list.out(its.type) as string[];
  const pos = types.map((type, i) => (type === 'punctuation' && normals[i] !== '/' ? 'PUNCT' : 'X'));
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const tokens: TurnTokens = { normals, pos, negations: noNegations, spans, values: null };
  return withWords(text, buildSentences(tokens, normals.length), tokens, false);
}

const noNegations: boolean[] = [];
const noSentences: readonly Sentence[] = [];

/**
 * The opening of a turn up to (not including) the sentence that starts at character `textLength`
 * of the non-space text, read from the turn's own parse instead of a second wink pass: "So the
 * budget is stuck. What options do you see?" → a parse of "So the budget is stuck.".
 */
export function parsePrefix(parse: TurnParse, prefix: string): TurnParse {
  const target = countVisible(prefix);
  const tokens = parse.tokens;
  const values = tokens.values;
  if (values === null) throw new AppError('INTERNAL', 'parsePrefix needs a turn parsed with its opening.');
  let seen = 0;
  let end = 0;
  while (end < values.length) {
    const next = seen + countVisible(values[end] ?? '');
    if (next > target) break;
    seen = next;
    end += 1;
  }
  return withWords(prefix, buildSentences(tokens, end, parse.sentences), tokens, parse.hasTags);
}

function withWords(text: string, sentences: Sentence[], tokens: TurnTokens, hasTags: boolean): TurnParse {
  const words = sentences.length === 1 ? (sentences[0]?.words ?? []) : sentences.flatMap((s) => s.words);
  return { text, hasTags, sentences, words, tokens };
}

function countVisible(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 160) n += 1;
  }
  return n;
}

// The sentences of the first `tokenCount` tokens. A prefix of a turn passes the turn's own
// sentences as `whole`: those it keeps entire are taken as they are, with the features already
// worked out for them.
function buildSentences(
  tokens: TurnTokens,
  tokenCount: number,
  whole: readonly Sentence[] = noSentences,
): Sentence[] {
  const { normals, pos, negations, spans } = tokens;
  const sentences: Sentence[] = [];
  let next = 0;
  for (const [start, spanEnd] of spans) {
    if (start >= tokenCount) break;
    const end = Math.min(spanEnd, tokenCount - 1);
    while (next < whole.length && (whole[next] as Sentence).start < start) next += 1;
    const same = whole[next];
    if (same !== undefined && same.start === start && end === spanEnd) {
      sentences.push(same);
      continue;
    }
    const words: string[] = [];
    const wordPos: string[] = [];
    let isQuestion = false;
    let isNegated = false;
    for (let i = start; i <= end; i += 1) {
      if (negations[i] === true) isNegated = true;
      const normal = normals[i] ?? '';
      // POS already marks punctuation, which saves wink a pass over the tokens for its.type.
      if (pos[i] === 'PUNCT') {
        if (normal === '?') isQuestion = true;
        continue;
      }
      words.push(normal);
      wordPos.push(pos[i] ?? 'X');
    }
    if (words.length === 0) continue;
    // "So" opens reflections ("So you're stuck") as often as questions, so it is skipped like a
    // filler but remembered.
    let head = 0;
    let hasSo = false;
    while (head < words.length - 1 && (fillers.has(words[head] ?? '') || words[head] === 'so')) {
      if (words[head] === 'so') hasSo = true;
      head += 1;
    }
    sentences.push({ start, words, head, isQuestion, pos: wordPos, isNegated, hasSo });
  }
  return sentences;
}
