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
  /** Features seen in fewer examples are ignored: a one-off n-gram teaches nothing general. */
  minCount: number;
  seed: number;
}

export const defaultTrainingOptions: TrainingOptions = {
  epochs: 30,
  learningRate: 0.05,
  l2: 0.003,
  pruneBelow: 0.002,
  minCount: 2,
  seed: 20_240_611,
};

/**
 * Trains a multinomial logistic regression by stochastic gradient descent with AdaGrad steps.
 * Deterministic: the shuffle uses a seeded generator, and weights are rounded before storing, so
 * the same corpus always yields the same JSON. Classes are weighted by inverse frequency, because
 * the figure we are judged on is macro-F1.
 */
export function trainLinearModel(
  examples: readonly TrainingExample[],
  labels: readonly string[],
  options: TrainingOptions = defaultTrainingOptions,
): LinearModelJson {
  const k = labels.length;
  const weights = new Map<string, Float64Array>();
  const squares = new Map<string, Float64Array>();
  const bias = new Float64Array(k);
  const biasSquares = new Float64Array(k);
  const counts = new Array<number>(k).fill(0);
  for (const e of examples) counts[e.label] = (counts[e.label] ?? 0) + 1;
  const classWeight = counts.map((n) => (n === 0 ? 0 : examples.length / (k * n)));
  const seen = new Map<string, number>();
  for (const e of examples) for (const f of e.features) seen.set(f, (seen.get(f) ?? 0) + 1);
  const kept = examples.map((e) => e.features.filter((f) => (seen.get(f) ?? 0) >= options.minCount));
  const order = examples.map((_, i) => i);
  const random = seededRandom(options.seed);

  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    shuffle(order, random);
    for (const index of order) {
      const example = examples[index];
      const features = kept[index];
      if (example === undefined || features === undefined) continue;
      const rows = features.map((f) => row(weights, f, k));
      const rowSquares = features.map((f) => row(squares, f, k));
      const scores = Array.from(bias);
      for (const r of rows) for (let c = 0; c < k; c += 1) scores[c] = (scores[c] ?? 0) + (r[c] ?? 0);
      const probabilities = softmax(scores);
      const scale = classWeight[example.label] ?? 1;
      for (let c = 0; c < k; c += 1) {
        const gradient = scale * ((probabilities[c] ?? 0) - (c === example.label ? 1 : 0));
        biasSquares[c] = (biasSquares[c] ?? 0) + gradient * gradient;
        bias[c] =
          (bias[c] ?? 0) - (options.learningRate * gradient) / Math.sqrt((biasSquares[c] ?? 0) + 1e-8);
        for (let f = 0; f < rows.length; f += 1) {
          const r = rows[f] as Float64Array;
          const s = rowSquares[f] as Float64Array;
          const g = gradient + options.l2 * (r[c] ?? 0);
          s[c] = (s[c] ?? 0) + g * g;
          r[c] = (r[c] ?? 0) - (options.learningRate * g) / Math.sqrt((s[c] ?? 0) + 1e-8);
        }
      }
    }
  }

  const stored: Record<string, number[]> = {};
  for (const name of [...weights.keys()].sort()) {
    const r = Array.from(weights.get(name) as Float64Array, round);
    if (r.some((w) => Math.abs(w) >= options.pruneBelow)) stored[name] = r;
  }
  return { labels: [...labels], bias: Array.from(bias, round), weights: stored };
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
