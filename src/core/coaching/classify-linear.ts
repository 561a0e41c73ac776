/** Weights of a multinomial logistic regression as stored in JSON: one row of class weights per feature. */
export interface LinearModelJson {
  labels: string[];
  bias: number[];
  weights: Record<string, number[]>;
}

/** The same model ready for scoring: a Map lookup per feature. */
export interface LinearModel {
  labels: readonly string[];
  bias: readonly number[];
  weights: ReadonlyMap<string, readonly number[]>;
}

/** Turns the stored JSON into a model whose weights sit in a Map. */
export function compileModel(json: LinearModelJson): LinearModel {
  return { labels: json.labels, bias: json.bias, weights: new Map(Object.entries(json.weights)) };
}

/** The probability of each label for a list of binary features (softmax of the summed weights). */
export function predictProbabilities(model: LinearModel, features: Iterable<string>): number[] {
  const scores = model.bias.slice();
  const k = scores.length;
  for (const feature of features) {
    const row = model.weights.get(feature);
    if (row === undefined) continue;
    for (let c = 0; c < k; c += 1) scores[c] = (scores[c] as number) + (row[c] as number);
  }
  return softmax(scores);
}

/** Converts raw class scores into probabilities that sum to one. */
export function softmax(scores: readonly number[]): number[] {
  let max = Number.NEGATIVE_INFINITY;
  for (const s of scores) if (s > max) max = s;
  const exps = scores.map((s) => Math.exp(s - max));
  let total = 0;
  for (const e of exps) total += e;
  return exps.map((e) => e / total);
}

/** Index of the largest value (the first one on ties). */
export function argMax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i += 1) if ((values[i] ?? 0) > (values[best] ?? 0)) best = i;
  return best;
}
