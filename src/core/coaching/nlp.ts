import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

/**
 * The one wink-nlp instance of the process: loading the English model costs ~100 ms and ~30 MB,
 * so every classifier and metric shares it. The model ships inside the npm package; nothing is
 * downloaded at run time.
 */
export const nlp = winkNLP(model);
export const its = nlp.its;
export const as = nlp.as;
