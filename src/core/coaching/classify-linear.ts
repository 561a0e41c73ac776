import type { FeatureSink } from './features-sink.ts';

/** Weights of a multinomial logistic regression as stored in JSON: one row of class weights per feature. */
export interface LinearModelJson {
  labels: string[];
  bias: number[];
  weights: Record<string, number[]>;
}

type Row = readonly number[];

/**
 * The same model ready for scoring. Besides the lookup by name, rows are indexed by the parts of
 * their names (`w=` + word, `w2=` + word + `_` + word), so a turn is scored without building the
 * names; a name is reachable both ways and stands for the same row.
 */
export interface LinearModel {
  labels: readonly string[];
  bias: readonly number[];
  weights: ReadonlyMap<string, Row>;
  parts: ReadonlyMap<string, ReadonlyMap<string, Row>>;
  pairs: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, Row>>>;
}

/** Feature-name prefixes that `FeatureSink.addPart` and `addPair` are called with. */
export interface ModelPrefixes {
  parts: readonly string[];
  pairs: readonly string[];
}

/** Turns the stored JSON into a model whose weights sit in Maps, by name and by name parts. */
export function compileModel(
  json: LinearModelJson,
  prefixes: ModelPrefixes = { parts: [], pairs: [] },
): LinearModel {
  const parts = new Map<string, Map<string, Row>>(prefixes.parts.map((p) => [p, new Map()]));
  const pairs = new Map<string, Map<string, Map<string, Row>>>(prefixes.pairs.map((p) => [p, new Map()]));
  for (const [name, row] of Object.entries(json.weights)) {
    for (const [prefix, values] of parts)
      if (name.startsWith(prefix)) values.set(name.slice(prefix.length), row);
    for (const [prefix, firsts] of pairs) {
      if (!name.startsWith(prefix)) continue;
      // A word may itself hold "_", so every split is indexed; only the true one is ever asked for.
      const rest = name.slice(prefix.length);
      for (let i = rest.indexOf('_'); i !== -1; i = rest.indexOf('_', i + 1)) {
        const first = rest.slice(0, i);
        let seconds = firsts.get(first);
        if (seconds === undefined) {
          seconds = new Map();
          firsts.set(first, seconds);
        }
        seconds.set(rest.slice(i + 1), row);
      }
    }
  }
  return {
    labels: json.labels,
    bias: json.bias,
    weights: new Map(Object.entries(json.weights)),
    parts,
    pairs,
  };
}

/** Sums the weights of the features given to it; `probabilities()` is the model's answer. */
export class ScoreSink implements FeatureSink {
  readonly #model: LinearModel;
  readonly #scores: number[];
  // Rows already added: a feature given twice counts once. Few features per turn, so a list.
  readonly #seen: Row[] = [];

  constructor(model: LinearModel) {
    this.#model = model;
    this.#scores = model.bias.slice();
  }

  add(name: string): void {
    this.#addRow(this.#model.weights.get(name));
  }

  addPart(prefix: string, value: string): void {
    const values = this.#model.parts.get(prefix);
    this.#addRow(values === undefined ? this.#model.weights.get(prefix + value) : values.get(value));
  }

  addPair(prefix: string, first: string, second: string): void {
    const firsts = this.#model.pairs.get(prefix);
    this.#addRow(
      firsts === undefined
        ? this.#model.weights.get(`${prefix}${first}_${second}`)
        : firsts.get(first)?.get(second),
    );
  }

  /** The probability of each label (softmax of the summed weights). */
  probabilities(): number[] {
    return softmax(this.#scores);
  }

  #addRow(row: Row | undefined): void {
    if (row === undefined || this.#seen.includes(row)) return;
    this.#seen.push(row);
    const scores = this.#scores;
    for (let c = 0; c < scores.length; c += 1) scores[c] = (scores[c] as number) + (row[c] as number);
  }
}

/** The probability of each label for a list of binary features (softmax of the summed weights). */
export function predictProbabilities(model: LinearModel, features: Iterable<string>): number[] {
  const sink = new ScoreSink(model);
  for (const feature of features) sink.add(feature);
  return sink.probabilities();
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
