import { describe, expect, it } from 'vitest';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { buildBenchTranscript } from '../../../bench/analyser-transcript.ts';
import { readCorpus } from '../../../eval/corpus.ts';
import { ConversationReader, parsePrefix, type TurnParse } from './features-read.ts';
import { checkInLines, coachingLines } from './metrics-fixtures.ts';

// Two readers of their own, one turn to a document and batched, each with its own wink instances:
// wink's tokenizer consults a cache of the unknown words it has seen, so two readings compare
// only when they have seen the same texts in the same order, which both readers below do. (Wink
// cannot make many instances: each one re-encodes a part of the model as a longer string.)
const fresh = () => ({ tagged: winkNLP(model, ['sbd', 'negation', 'pos']), plain: winkNLP(model, ['sbd']) });
const winkAlone = fresh();
const winkBatched = fresh();

function twinReaders(texts: readonly string[], hasTags: (i: number) => boolean) {
  const options = { hasTags, hasOpening: () => true };
  return {
    alone: new ConversationReader(texts, { ...options, wink: winkAlone, batchChars: 0 }),
    batched: new ConversationReader(texts, { ...options, wink: winkBatched }),
  };
}

// What the features read of a turn, and of its opening up to its last sentence.
function visible(parse: TurnParse) {
  const sentences = parse.sentences.map(({ start, words, head, isQuestion, pos, isNegated, hasSo }) => ({
    start,
    words,
    head,
    isQuestion,
    pos,
    isNegated,
    hasSo,
  }));
  const lastStart = parse.text.lastIndexOf('. ');
  const opening = lastStart > 0 ? parsePrefix(parse, parse.text.slice(0, lastStart + 1)) : null;
  return { text: parse.text, hasTags: parse.hasTags, words: parse.words, sentences, opening: opening?.words };
}

function expectSameReadings(texts: readonly string[], hasTags: (i: number) => boolean): number {
  const { alone, batched } = twinReaders(texts, hasTags);
  for (let i = 0; i < texts.length; i += 1) {
    expect(visible(batched.parse(i)), `turn ${i}: ${texts[i]}`).toEqual(visible(alone.parse(i)));
  }
  return texts.length;
}

// Turns written to try the places where a joined reading could differ from a turn read alone:
// no closing mark, abbreviations and initials at the end, quotes and brackets, negation at the
// very end, contractions, symbols, emoji, a line break or tab inside, spaces around, no words.
const awkwardTurns = [
  'Okay',
  'So what now',
  'I talked to Dr.',
  'We moved it to 10 a.m.',
  'e.g.',
  'Ask Mr. Okafor',
  'I do not',
  'not',
  'No.',
  'Never again, honestly',
  'can’t',
  "Won't",
  'Did you?',
  '"Yes."',
  '‘Right’',
  '(really)',
  '[inaudible]',
  'Hmm...',
  'so…',
  'Wait —',
  'Really?!',
  '?',
  '.',
  ' starts with a space',
  'ends with spaces  ',
  '\u00a0non-breaking space first',
  'Mm-hmm',
  'nothing, nobody, nowhere',
  'Priya’s.',
  "Priya's?",
  'Is that yours or Priya’s?',
  'mail me at dev@example.com',
  'see www.example.com.',
  '50% by Friday, 9/12',
  '$5k, the a/b test (v2) :)',
  'we did it 😀',
  'done;',
  'first line\nsecond line',
  'a tab\there',
  '   ',
  'the',
  'and',
  'Not yet.',
];

function range(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let i = from; i < to; i += step) values.push(i);
  return values;
}

describe('reading a conversation a few turns to a wink document', () => {
  it('gives every turn the same words, sentences, tags, negation and opening as reading it alone', () => {
    const bench = buildBenchTranscript();
    const benchTexts = bench.map((u) => u.text);
    let read = expectSameReadings(benchTexts, (i) => bench[i]?.speaker === 'Sam Rivera');
    for (const lines of [checkInLines, coachingLines]) {
      const texts = lines.map(([, text]) => text);
      read += expectSameReadings(texts, () => true);
      read += expectSameReadings(texts, (i) => i % 2 === 0);
    }
    // The awkward turns, in turn after and before the training corpus lines, shuffled.
    const corpus = readCorpus().map((entry) => entry.text);
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    // Twice, in groups of two sizes, so that each line has other neighbours the second time.
    for (const [size, start] of [150, 97].flatMap((n) =>
      range(0, corpus.length, n).map((s) => [n, s] as const),
    )) {
      const texts = [...awkwardTurns, ...corpus.slice(start, start + size)];
      for (let i = texts.length - 1; i > 0; i -= 1) {
        const j = Math.floor(random() * (i + 1));
        [texts[i], texts[j]] = [texts[j] as string, texts[i] as string];
      }
      read += expectSameReadings(texts, (i) => i % 3 !== 0);
    }
    expect(read).toBeGreaterThan(2 * corpus.length);
  });

  it('reads a batch of turns once and hands each turn out once, in order', () => {
    const texts = ['How did it go?', 'Fine.', 'What is next?', 'The budget.'];
    const reader = new ConversationReader(texts, { hasTags: (i) => i % 2 === 0 });
    expect(reader.parse(0).words).toEqual(['how', 'did', 'it', 'go']);
    expect(reader.parse(1).words).toEqual(['fine']);
    expect(reader.parse(3).words).toEqual(['the', 'budget']);
    expect(() => reader.parse(1)).toThrow(/read already/);
  });
});
