import { describe, expect, it } from 'vitest';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { its, renewingWink } from './nlp.ts';

// A text of 100 words no lexicon holds, different for every n.
const newWords = (n: number) => Array.from({ length: 100 }, (_, i) => `zq${n}x${i}`).join(' ');

describe('renewingWink', () => {
  it('keeps no more new words than one share of reading holds, however much it reads', () => {
    const reader = renewingWink(['sbd'], 8_000);
    const ids = (text: string) => reader.readDoc(text).tokens().out(its.uniqueId) as unknown as number[];
    const firstNewWord = ids(newWords(0))[0]!;
    let highest = 0;
    // 6,000 new words; a single wink instance would number the last about 6,000 after the first.
    for (let n = 1; n <= 60; n++) highest = Math.max(highest, ...ids(newWords(n)));
    expect(highest - firstNewWord).toBeLessThan(1_500);
  });

  it('reads a turn the same after its instance was replaced as a plain wink instance does', () => {
    const reader = renewingWink(['sbd', 'negation', 'pos'], 2_000);
    const plain = winkNLP(model, ['sbd', 'negation', 'pos']);
    const turn = "I didn't get to Rotterdam 12 times, but what would help you, Zyxel, next time?";
    const reading = (doc: ReturnType<typeof plain.readDoc>) => ({
      tokens: doc.tokens().out(),
      pos: doc.tokens().out(its.pos),
      negation: doc.tokens().out(its.negationFlag),
      sentences: doc.sentences().out(its.span),
    });
    for (let n = 0; n < 5; n++) reader.readDoc(newWords(n));
    expect(reading(reader.readDoc(turn))).toEqual(reading(plain.readDoc(turn)));
  });
});
