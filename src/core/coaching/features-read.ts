import { AppError } from '../errors.ts';
import { fillers } from './features-lexicon.ts';
import { its, nlp, sentenceNlp, type WinkReader } from './nlp.ts';

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

// The tokens of one wink document, which may hold several turns (`ConversationReader`): a turn's
// tokens are `count` tokens from `offset`, and its sentences' spans are indexes into the document.
interface TurnTokens {
  normals: string[];
  pos: string[];
  negations: boolean[];
  spans: [number, number][];
  offset: number;
  count: number;
  /** The surface forms, read only for turns whose opening may be read again (`parsePrefix`). */
  values: string[] | null;
}

/**
 * Reads a turn with a single wink pass: tokens, sentences, part of speech and negation, and the
 * surface forms when `hasOpening` (the turn's opening will be cut out by `parsePrefix`). Nothing
 * of wink's document is kept, so a meeting's documents do not outlive their reading.
 */
export function parseTurn(text: string, hasOpening = false): TurnParse {
  return readBatch(nlp, [text], true, hasOpening)[0] as TurnParse;
}

/**
 * Reads a turn for its topic alone: the same words and sentences as `parseTurn`, without part of
 * speech and negation, which only the act features read. Punctuation is told by token type, as
 * part of speech tells it: every punctuation token is PUNCT except "/", which is a symbol.
 */
export function parseTurnTopic(text: string): TurnParse {
  return readBatch(sentenceNlp, [text], false, false)[0] as TurnParse;
}

type Wink = WinkReader;

/** Which turns of a conversation need part of speech, and which an opening read again. */
export interface ReaderOptions {
  hasTags: (index: number) => boolean;
  hasOpening?: (index: number) => boolean;
  /** For tests: other wink instances than the shared ones (each has its own cache of words). */
  wink?: { tagged: Wink; plain: Wink };
  /** For tests: characters of text to a wink document; 0 reads each turn alone. */
  batchChars?: number;
}

/**
 * Reads the turns of a conversation as `parseTurn` (with tags) and `parseTurnTopic` (without)
 * read them one by one, with the same tokens, sentences, part of speech and negation, but a few
 * turns to one wink document: each document costs wink more than its tokens (it builds the
 * document and its API), and the garbage collector pays for them after. The bench meeting's 273
 * turns read in about 30% less CPU. Turns are read in their order, so wink's cache of unknown
 * words, which its tokenizer consults, sees them in the same order as one by one (`Priya's?`
 * splits into three tokens the first time and two once `Priya's.` has been seen). Turns must be
 * asked for in order (`parse(i)` with a growing `i`); features-read.test.ts shows the readings
 * the same as one by one on the training corpus, the bench meeting and awkward turns.
 */
export class ConversationReader {
  readonly #texts: readonly string[];
  readonly #options: ReaderOptions;
  // Per kind of reading (with tags, without): the next turn to read, and the turns read ahead.
  readonly #next = [0, 0];
  readonly #ready: [Map<number, TurnParse>, Map<number, TurnParse>] = [new Map(), new Map()];

  constructor(texts: readonly string[], options: ReaderOptions) {
    this.#texts = texts;
    this.#options = options;
  }

  /** The reading of turn `index`: with tags when `options.hasTags(index)`. */
  parse(index: number): TurnParse {
    const hasTags = this.#options.hasTags(index);
    const kind = hasTags ? 0 : 1;
    const ready = this.#ready[kind];
    const found = ready.get(index);
    if (found !== undefined) {
      ready.delete(index);
      return found;
    }
    if (index < (this.#next[kind] as number))
      throw new AppError('INTERNAL', `Turn ${index} was read already.`);
    ready.clear();
    // The batch: this turn and the next turns of the same kind, up to a size where wink's reading
    // of one document stays linear (a document of several thousand tokens is slower per token).
    const { batchChars = defaultBatchChars, hasOpening, wink } = this.#options;
    const batch: number[] = [];
    let chars = 0;
    const texts = this.#texts;
    for (let i = index; i < texts.length; i += 1) {
      if (this.#options.hasTags(i) !== hasTags) continue;
      const text = texts[i] as string;
      const isAlone = !isJoinable(text);
      if (batch.length > 0 && (chars >= batchChars || isAlone)) break;
      batch.push(i);
      chars += text.length;
      if (isAlone) break;
    }
    this.#next[kind] = (batch.at(-1) as number) + 1;
    const parses = readBatch(
      hasTags ? (wink?.tagged ?? nlp) : (wink?.plain ?? sentenceNlp),
      batch.map((i) => texts[i] as string),
      hasTags,
      hasOpening !== undefined && batch.some(hasOpening),
    );
    for (let k = 1; k < batch.length; k += 1) ready.set(batch[k] as number, parses[k] as TurnParse);
    return parses[0] as TurnParse;
  }
}

// About 1,500 tokens to a document. Wink reads a document of up to a few thousand tokens in
// time linear in its length; the report turns of the bench meeting read as one document of 7,500
// tokens took 5.5 ms against 3.3 ms in documents of 16 turns.
const defaultBatchChars = 6000;

// Turns are joined with a blank line, which wink reads as a token of its own ("\n\n", part of
// speech SPACE) that ends a sentence (the one before it or, after a full stop, the empty one that
// it starts). A turn with a line break or tab of its own (which would merge with the separator)
// or with no text is read alone.
const separator = '\n\n';

function isJoinable(text: string): boolean {
  return !lineBreakOrTab.test(text) && text.trim() !== '';
}

const lineBreakOrTab = /[\n\r\t]/;

// Reads turns as one wink document and cuts it back into turns at the separators. Should the
// separators not be where they are expected, or a sentence run across two turns, each turn is
// read alone instead.
function readBatch(
  instance: Wink,
  texts: readonly string[],
  hasTags: boolean,
  hasOpening: boolean,
): TurnParse[] {
  const doc = instance.readDoc(texts.length === 1 ? (texts[0] as string) : texts.join(separator));
  const list = doc.tokens();
  const normals = list.out(its.normal) as string[];
  let pos: string[];
  let negations = noNegations;
  if (hasTags) {
    pos = list.out(its.pos) as string[];
    negations = list.out(its.negationFlag) as unknown as boolean[];
  } else {
    const types = list.out(its.type) as string[];
    pos = new Array<string>(types.length);
    for (let i = 0; i < types.length; i += 1) {
      pos[i] = types[i] === 'punctuation' && normals[i] !== '/' ? 'PUNCT' : 'X';
    }
  }
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const values = hasOpening ? (list.out() as string[]) : null;
  if (texts.length === 1) {
    const tokens: TurnTokens = { normals, pos, negations, spans, offset: 0, count: normals.length, values };
    return [withWords(texts[0] as string, buildSentences(tokens, normals.length), tokens, hasTags)];
  }
  const parses = splitBatch(texts, normals, pos, negations, spans, values, hasTags);
  return parses ?? texts.map((text) => readBatch(instance, [text], hasTags, hasOpening)[0] as TurnParse);
}

function splitBatch(
  texts: readonly string[],
  normals: string[],
  pos: string[],
  negations: boolean[],
  spans: [number, number][],
  values: string[] | null,
  hasTags: boolean,
): TurnParse[] | null {
  const parses: TurnParse[] = [];
  let offset = 0;
  let s = 0;
  for (let t = 0; t < texts.length; t += 1) {
    let end = offset;
    while (end < normals.length && normals[end] !== separator) end += 1;
    if ((end === normals.length) !== (t === texts.length - 1)) return null;
    // The turn's sentences, cut to its tokens: the separator joins the sentence before or after it.
    const turnSpans: [number, number][] = [];
    while (s < spans.length) {
      const [first, last] = spans[s] as [number, number];
      if (first >= end) break;
      if (first < offset - 1 || last > end) return null;
      const from = Math.max(first, offset);
      const to = Math.min(last, end - 1);
      if (from <= to) turnSpans.push([from, to]);
      s += 1;
    }
    const tokens: TurnTokens = {
      normals,
      pos,
      negations,
      spans: turnSpans,
      offset,
      count: end - offset,
      values,
    };
    parses.push(withWords(texts[t] as string, buildSentences(tokens, end - offset), tokens, hasTags));
    offset = end + 1;
  }
  return parses;
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
  while (end < tokens.count) {
    const next = seen + countVisible(values[tokens.offset + end] ?? '');
    if (next > target) break;
    seen = next;
    end += 1;
  }
  return withWords(prefix, buildSentences(tokens, end, parse.sentences), tokens, parse.hasTags);
}

function withWords(text: string, sentences: Sentence[], tokens: TurnTokens, hasTags: boolean): TurnParse {
  if (sentences.length === 1)
    return { text, hasTags, sentences, words: (sentences[0] as Sentence).words, tokens };
  const words: string[] = [];
  for (const sentence of sentences) for (const word of sentence.words) words.push(word);
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

// The sentences of the turn's first `tokenCount` tokens. A prefix of a turn passes the turn's own
// sentences as `whole`: those it keeps entire are taken as they are, with the features already
// worked out for them.
function buildSentences(
  tokens: TurnTokens,
  tokenCount: number,
  whole: readonly Sentence[] = noSentences,
): Sentence[] {
  const { normals, pos, negations, spans, offset } = tokens;
  const limit = offset + tokenCount;
  const sentences: Sentence[] = [];
  let next = 0;
  for (const [first, spanEnd] of spans) {
    if (first >= limit) break;
    const end = Math.min(spanEnd, limit - 1);
    const start = first - offset;
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
    for (let i = first; i <= end; i += 1) {
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
