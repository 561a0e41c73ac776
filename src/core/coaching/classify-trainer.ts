import { type LinearModelJson, softmax } from './classify-linear.ts';
import { extractFeatures } from './features.ts';
import { type Act, acts, type Topic, topics } from './labels.ts';

/** One training example: the features of a turn and the index of its label. */
export interface TrainingExample {
  features: readonly string[];
  label: number;
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty per update; keeps rare n-grams from memorising single examples. */
  l2: number;
  /** Weights smaller than this are dropped from the stored model. */
  pruneBelow: number;
  /** 1 weighs classes by inverse frequency (uniform priors), 0 keeps the corpus' own mix. */
  balance: number;
  /** Features seen in fewer examples are ignored: a one-off n-gram teaches nothing general. */
  minCount: number;
  /** Independent shuffles whose weights are averaged. */
  runs: number;
  seed: number;
}

export const defaultTrainingOptions: TrainingOptions = {
  epochs: 30,
  learningRate: 0.05,
  l2: 0.003,
  pruneBelow: 0.002,
  minCount: 2,
  balance: 1,
  runs: 5,
  seed: 20_240_611,
};

/**
 * Trains a multinomial logistic regression by stochastic gradient descent with AdaGrad steps.
 * Deterministic: shuffles use seeded generators and weights are rounded before storing, so the
 * same corpus always yields the same JSON. Classes are weighted by inverse frequency, because the
 * figure we are judged on is macro-F1. The stored weights are the mean over `runs` shuffles and,
 * within each, over the epochs of its second half: on a corpus this small a single shuffle order
 * moves macro-F1 by a point, and the mean does not depend on it.
 */
export function trainLinearModel(
  examples: readonly TrainingExample[],
  labels: readonly string[],
  options: TrainingOptions = defaultTrainingOptions,
): LinearModelJson {
  const k = labels.length;
  const counts = new Array<number>(k).fill(0);
  for (const e of examples) counts[e.label] = (counts[e.label] ?? 0) + 1;
  const classWeight = counts.map((n) => (n === 0 ? 0 : (examples.length / (k * n)) ** options.balance));
  const seen = new Map<string, number>();
  for (const e of examples) for (const f of e.features) seen.set(f, (seen.get(f) ?? 0) + 1);
  const kept = examples.map((e) => ({
    label: e.label,
    scale: classWeight[e.label] ?? 1,
    features: e.features.filter((f) => (seen.get(f) ?? 0) >= options.minCount),
  }));
  const total: Weights = { rows: new Map(), bias: new Float64Array(k), count: 0 };
  for (let run = 0; run < options.runs; run += 1) trainRun(kept, k, options, options.seed + run, total);

  const stored: Record<string, number[]> = {};
  for (const name of [...total.rows.keys()].sort()) {
    const r = Array.from(total.rows.get(name) as Float64Array, (w) => round(w / total.count));
    if (r.some((w) => Math.abs(w) >= options.pruneBelow)) stored[name] = r;
  }
  return {
    labels: [...labels],
    bias: Array.from(total.bias, (w) => round(w / total.count)),
    weights: stored,
  };
}

interface Weights {
  rows: Map<string, Float64Array>;
  bias: Float64Array;
  /** How many snapshots have been added up, when used as a running sum. */
  count: number;
}

interface PreparedExample {
  label: number;
  scale: number;
  features: string[];
}

function trainRun(
  examples: readonly PreparedExample[],
  k: number,
  options: TrainingOptions,
  seed: number,
  total: Weights,
): void {
  const weights: Weights = { rows: new Map(), bias: new Float64Array(k), count: 0 };
  const squares: Weights = { rows: new Map(), bias: new Float64Array(k), count: 0 };
  const order = examples.map((_, i) => i);
  const random = seededRandom(seed);
  const step = (value: number, gradient: number, squareSum: number): number =>
    value - (options.learningRate * gradient) / Math.sqrt(squareSum + 1e-8);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    shuffle(order, random);
    for (const index of order) {
      const example = examples[index];
      if (example === undefined) continue;
      const rows = example.features.map((f) => row(weights.rows, f, k));
      const rowSquares = example.features.map((f) => row(squares.rows, f, k));
      const scores = Array.from(weights.bias);
      for (const r of rows) for (let c = 0; c < k; c += 1) scores[c] = (scores[c] ?? 0) + (r[c] ?? 0);
      const probabilities = softmax(scores);
      for (let c = 0; c < k; c += 1) {
        const gradient = example.scale * ((probabilities[c] ?? 0) - (c === example.label ? 1 : 0));
        squares.bias[c] = (squares.bias[c] ?? 0) + gradient * gradient;
        weights.bias[c] = step(weights.bias[c] ?? 0, gradient, squares.bias[c] ?? 0);
        for (let f = 0; f < rows.length; f += 1) {
          const r = rows[f] as Float64Array;
          const s = rowSquares[f] as Float64Array;
          const g = gradient + options.l2 * (r[c] ?? 0);
          s[c] = (s[c] ?? 0) + g * g;
          r[c] = step(r[c] ?? 0, g, s[c] ?? 0);
        }
      }
    }
    if (epoch >= options.epochs / 2) accumulate(total, weights, k);
  }
}

function accumulate(total: Weights, weights: Weights, k: number): void {
  for (const [name, r] of weights.rows) {
    const target = row(total.rows, name, k);
    for (let c = 0; c < k; c += 1) target[c] = (target[c] ?? 0) + (r[c] ?? 0);
  }
  for (let c = 0; c < k; c += 1) total.bias[c] = (total.bias[c] ?? 0) + (weights.bias[c] ?? 0);
  total.count += 1;
}

function row(map: Map<string, Float64Array>, feature: string, k: number): Float64Array {
  let r = map.get(feature);
  if (r === undefined) {
    r = new Float64Array(k);
    map.set(feature, r);
  }
  return r;
}

function round(w: number): number {
  return Math.round(w * 1e4) / 1e4;
}

// Mulberry32: a tiny seeded generator, so the shuffle (and the model) is the same on every run.
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const tmp = order[i] as number;
    order[i] = order[j] as number;
    order[j] = tmp;
  }
}

/** One line of the training corpus: acts only on leader turns, a topic on every turn. */
export interface CorpusEntry {
  text: string;
  act?: Act;
  topic: Topic;
}

/** Both classifiers as stored in `classify-model.json`. */
export interface CoachingModelJson {
  act: LinearModelJson;
  topic: LinearModelJson;
}

/**
 * Trains the act and topic models from the corpus. Turns without a content word ("Okay.",
 * "Sorry, go on.") say nothing about their topic, so the topic model skips them and the
 * classifier gives them the topic of the turns around them instead.
 */
export function trainCoachingModel(entries: readonly CorpusEntry[]): CoachingModelJson {
  const actExamples: TrainingExample[] = [];
  const topicExamples: TrainingExample[] = [];
  for (const entry of entries) {
    const features = extractFeatures(entry.text);
    if (entry.act !== undefined) actExamples.push({ features: features.act, label: acts.indexOf(entry.act) });
    if (features.hasTopic) {
      topicExamples.push({ features: features.topic, label: topics.indexOf(entry.topic) });
    }
  }
  return { act: trainLinearModel(actExamples, acts), topic: trainLinearModel(topicExamples, topics) };
}

/**
 * Writes the model as JSON in the layout Biome formats to (two-space indent, each array of
 * weights on one line), so the committed file passes lint and a retrain shows up as a readable diff.
 */
export function serializeModel(model: CoachingModelJson): string {
  const text = JSON.stringify(model, null, 2).replace(
    /\[\s+([^[\]{}]*?)\s+\]/g,
    (_, items: string) => `[${items.split(/,\s+/).join(', ')}]`,
  );
  return `${text}\n`;
}
