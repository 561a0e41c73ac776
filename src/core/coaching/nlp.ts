import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

type WinkInstance = ReturnType<typeof winkNLP>;
type WinkPipe = Parameters<typeof winkNLP>[1];

/** What the readers need of a wink-nlp instance. */
export interface WinkReader {
  readDoc(text: string): ReturnType<WinkInstance['readDoc']>;
}

/**
 * Characters a wink-nlp instance reads before a fresh one takes its place: about 80 transcripts
 * of a half-hour 1:1, ~150 ms to build the next instance.
 */
export const RENEW_AFTER_CHARS = 2_000_000;

/**
 * A wink-nlp instance that is replaced by a fresh one after reading `renewAfterChars` characters.
 * An instance keeps every word it had not seen before (a name, a number, a typo) in its own
 * lexicon for as long as it lives, ~180 bytes a word: 240,000 new words kept 43 MB, so a server
 * analysing transcripts for months would grow without end. Reading is the same on a fresh
 * instance (the lexicon only remembers what it worked out from the word itself); a document read
 * before the swap keeps the instance it was read with.
 */
export function renewingWink(pipe: WinkPipe, renewAfterChars = RENEW_AFTER_CHARS) {
  let instance = winkNLP(model, pipe);
  let charsRead = 0;
  return {
    readDoc(text: string) {
      if (charsRead > renewAfterChars) {
        instance = winkNLP(model, pipe);
        charsRead = 0;
      }
      charsRead += text.length;
      return instance.readDoc(text);
    },
    its: instance.its,
    as: instance.as,
  };
}

/**
 * The wink-nlp reader of the process: loading the English model costs ~100 ms and ~30 MB,
 * so every classifier and metric shares it. The model ships inside the npm package; nothing is
 * downloaded at run time. The pipeline is what the features read — sentences, negation, part of
 * speech — without wink's named entities and sentiment, which nothing here uses and which cost a
 * fifth of every reading.
 */
export const nlp = renewingWink(['sbd', 'negation', 'pos']);
// The same helpers for every instance (wink-nlp's its.js and as.js).
export const its = nlp.its;
export const as = nlp.as;

/**
 * The same model with sentences only, for turns that need a topic and no act (a report's turns
 * when the leader is known): the topic features read words and sentences, and part of speech and
 * negation are half the cost of a reading. It shares the loaded model, so it costs little memory.
 */
export const sentenceNlp = renewingWink(['sbd']);
