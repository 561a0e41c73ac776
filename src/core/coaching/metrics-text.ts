import type { Utterance } from '../transcripts/types.ts';
import type { Quote } from './analysis-types.ts';

// Light text helpers for the metrics. The classifier already reads every turn with wink-nlp; the
// metrics only count words and compare vocabularies, which a regular expression does at a
// fraction of the cost, so the whole analysis stays within the budget of one wink pass.

const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Number of words in a text, counting "don't" as one word. */
export function countWords(text: string): number {
  const fast = scanAsciiWords(text, null, 0);
  if (fast !== null) return fast;
  let n = 0;
  wordPattern.lastIndex = 0;
  while (wordPattern.exec(text) !== null) n += 1;
  return n;
}

// The word pattern above, scanned by hand for text in ASCII (with ’ allowed): most transcripts,
// and the regular expression's Unicode classes cost more than the rest of the talk metrics.
// Returns how many words there are and puts those of at least `minLength` characters in `found`
// (a count alone allocates nothing); null when another character appears, which leaves the text
// to the pattern.
function scanAsciiWords(
  text: string,
  found: string[] | null,
  minLength: number,
  firsts: Uint8Array | null = null,
): number | null {
  let count = 0;
  let i = 0;
  const length = text.length;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c > 127 && c !== 8217) return null;
    if (!isAsciiWordChar(c)) {
      i += 1;
      continue;
    }
    const start = i;
    while (i < length && isAsciiWordChar(text.charCodeAt(i))) i += 1;
    // "don't", "rock’n’roll": an apostrophe followed by letters continues the word.
    while (i + 1 < length && isApostrophe(text.charCodeAt(i)) && isAsciiLetter(text.charCodeAt(i + 1))) {
      i += 1;
      while (i < length && isAsciiLetter(text.charCodeAt(i))) i += 1;
    }
    count += 1;
    if (
      found !== null &&
      i - start >= minLength &&
      (firsts === null || firsts[text.charCodeAt(start)] === 1)
    ) {
      found.push(text.slice(start, i));
    }
  }
  return count;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isAsciiWordChar(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57);
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 8217;
}

/** Lower-case words of a text. */
export function words(text: string): string[] {
  return wordsOf(text, 0);
}

// The lower-case words of at least `minLength` characters, and when `firsts` is given, only those
// that start with an ASCII character it marks with 1, or with another character.
function wordsOf(text: string, minLength: number, firsts: Uint8Array | null = null): string[] {
  const lower = text.toLowerCase();
  const found: string[] = [];
  if (scanAsciiWords(lower, found, minLength, firsts) !== null) return found;
  const all = lower.match(wordPattern) ?? [];
  if (minLength === 0 && firsts === null) return all;
  return all.filter((w) => w.length >= minLength && (firsts === null || isMarked(firsts, w.charCodeAt(0))));
}

/** Splits a turn into sentences at ., ? and ! (keeping the mark), dropping empty pieces. */
export function sentences(text: string): string[] {
  // A scan with the same result as matching /[^.?!…]+(?:[.?!…]+|$)/g: a run of other characters
  // and the marks after it; marks before any text are dropped.
  const found: string[] = [];
  const length = text.length;
  let i = 0;
  while (i < length && isSentenceMark(text.charCodeAt(i))) i += 1;
  while (i < length) {
    const start = i;
    while (i < length && !isSentenceMark(text.charCodeAt(i))) i += 1;
    while (i < length && isSentenceMark(text.charCodeAt(i))) i += 1;
    const sentence = text.slice(start, i).trim();
    if (sentence !== '') found.push(sentence);
  }
  return found;
}

function isSentenceMark(c: number): boolean {
  return c === 46 || c === 63 || c === 33 || c === 8230;
}

const stopwords = new Set(
  `a about above after again against all also am an and any are aren't as at be because been
  before being below between both but by can can't could couldn't did didn't do does doesn't doing
  don't down during each few for from further get got had hadn't has hasn't have haven't having he
  he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in
  into is isn't it it's its itself just kind know let's like lot maybe me mean more most mustn't my
  myself no nor not now of off ok okay on once one only or other ought our ours ourselves out over
  own really right said same say says she she'd she'll she's should shouldn't so some such sort
  than that that's the their theirs them themselves then there there's these they they'd they'll
  they're they've thing things think this those through to too um uh under until up us very was
  wasn't we we'd we'll we're we've well were weren't what what's when when's where where's which
  while who who's whom why why's will with won't would wouldn't yeah yes you you'd you'll you're
  you've your yours yourself yourselves going gonna want go make see tell sure good great guess
  much bit still even actually okay mm hmm`.split(/\s+/),
);

/** Crude stem so "deadline" and "deadlines", "hire" and "hiring" meet. */
function stem(word: string): string {
  const w = isPossessive(word) ? word.slice(0, -2) : word;
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('es')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) return w.slice(0, -1);
  return w;
}

// "sam's" and "sam’s": the same test as /['’]s$/ without a regular expression per word.
function isPossessive(w: string): boolean {
  if (w.length < 2 || w.charCodeAt(w.length - 1) !== 115) return false;
  const mark = w.charCodeAt(w.length - 2);
  return mark === 39 || mark === 8217;
}

/** The stems of the words that carry meaning (no stopwords, no words under three letters). */
export function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of wordsOf(text, 3)) {
    if (stopwords.has(w.includes('’') ? w.replace('’', "'") : w)) continue;
    out.add(stem(w));
  }
  return out;
}

/**
 * How many of the content stems of `text` are in `stems`, counted up to `limit`: the same figure
 * as `overlap(stems, contentStems(text))` while it is below the limit, without building the
 * text's set, and stopping at the limit, which is all a threshold needs.
 */
export function countSharedStems(stems: ReadonlySet<string>, text: string, limit: number): number {
  if (stems.size === 0 || limit <= 0) return 0;
  // A stem keeps its word's first letter, so words that start with no stem's letter are not read.
  const firsts = new Uint8Array(128);
  for (const s of stems) if (s.charCodeAt(0) < 128) firsts[s.charCodeAt(0)] = 1;
  const counted = new Set<string>();
  for (const w of wordsOf(text, 3, firsts)) {
    const s = stem(w);
    // The stem first: most words miss the set, and the stopword test needs a second lookup.
    if (!stems.has(s) || counted.has(s) || stopwords.has(w.includes('’') ? w.replace('’', "'") : w)) continue;
    counted.add(s);
    if (counted.size >= limit) break;
  }
  return counted.size;
}

function isMarked(firsts: Uint8Array, code: number): boolean {
  return code >= 128 || firsts[code] === 1;
}

/** How many items two sets share. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n += 1;
  return n;
}

const quoteLength = 200;

/** A quote of an utterance (or of a part of its text), cut at a word near 200 characters. */
export function quoteOf(utterance: Utterance, text: string = utterance.text): Quote {
  return { speaker: utterance.speaker, text: clip(text), start: utterance.start };
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= quoteLength) return flat;
  const cut = flat.lastIndexOf(' ', quoteLength);
  return `${flat.slice(0, cut > quoteLength / 2 ? cut : quoteLength)}…`;
}

/** Median of a list of numbers; null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A ratio rounded to three decimals; null when the denominator is zero. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : round3(numerator / denominator);
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Seconds an utterance lasts, or null when it is untimed. */
export function durationOf(utterance: Utterance): number | null {
  if (utterance.start === null || utterance.end === null) return null;
  return Math.max(0, utterance.end - utterance.start);
}
