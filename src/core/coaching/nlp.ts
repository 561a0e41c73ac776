import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

/**
 * The one wink-nlp instance of the process: loading the English model costs ~100 ms and ~30 MB,
 * so every classifier and metric shares it. The model ships inside the npm package; nothing is
 * downloaded at run time. The pipeline is what the features read — sentences, negation, part of
 * speech — without wink's named entities and sentiment, which nothing here uses and which cost a
 * fifth of every reading.
 */
export const nlp = winkNLP(model, ['sbd', 'negation', 'pos']);
export const its = nlp.its;
export const as = nlp.as;

/**
 * The same model with sentences only, for turns that need a topic and no act (a report's turns
 * when the leader is known): the topic features read words and sentences, and part of speech and
 * negation are half the cost of a reading. It shares the loaded model, so it costs little memory.
 */
export const sentenceNlp = winkNLP(model, ['sbd']);
