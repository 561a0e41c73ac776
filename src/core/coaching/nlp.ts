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
