/** Precision, recall and F1 of one class, with how many gold items it has. */
export interface ClassScores {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Everything we report about one classifier on one data set. */
export interface ClassificationReport {
  labels: string[];
  total: number;
  accuracy: number;
  macroF1: number;
  perClass: ClassScores[];
  /** `confusion[gold][predicted]`, rows and columns in the order of `labels`. */
  confusion: number[][];
}

/** Counts gold-vs-predicted pairs; pairs whose labels are not in `labels` are ignored. */
export function confusionMatrix(
  labels: readonly string[],
  gold: readonly string[],
  predicted: readonly string[],
): number[][] {
  const matrix = labels.map(() => labels.map(() => 0));
  const index = new Map(labels.map((l, i) => [l, i]));
  for (let i = 0; i < gold.length; i += 1) {
    const g = index.get(gold[i] ?? '');
    const p = index.get(predicted[i] ?? '');
    const row = g === undefined ? undefined : matrix[g];
    if (row === undefined || p === undefined) continue;
    row[p] = (row[p] ?? 0) + 1;
  }
  return matrix;
}

/** Per-class scores from a confusion matrix; a class never predicted has precision 0. */
export function classScores(
  labels: readonly string[],
  confusion: readonly (readonly number[])[],
): ClassScores[] {
  return labels.map((label, c) => {
    const truePositives = confusion[c]?.[c] ?? 0;
    const support = sum(confusion[c] ?? []);
    const predictedCount = sum(confusion.map((row) => row[c] ?? 0));
    const precision = predictedCount === 0 ? 0 : truePositives / predictedCount;
    const recall = support === 0 ? 0 : truePositives / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
}

/**
 * Accuracy, macro-F1 (the mean F1 over classes that occur in the gold labels), per-class scores
 * and the confusion matrix of a classifier's predictions.
 */
export function evaluateClassification(
  labels: readonly string[],
  gold: readonly string[],
  predicted: readonly string[],
): ClassificationReport {
  const confusion = confusionMatrix(labels, gold, predicted);
  const perClass = classScores(labels, confusion);
  const total = sum(confusion.map(sum));
  const correct = sum(labels.map((_, c) => confusion[c]?.[c] ?? 0));
  const present = perClass.filter((s) => s.support > 0);
  const macroF1 = present.length === 0 ? 0 : sum(present.map((s) => s.f1)) / present.length;
  return {
    labels: [...labels],
    total,
    accuracy: total === 0 ? 0 : correct / total,
    macroF1,
    perClass,
    confusion,
  };
}

/**
 * Area under the ROC curve: the probability that a random positive scores above a random
 * negative, ties counting one half. Undefined (null) when either group is empty.
 */
export function rocAuc(scores: readonly number[], isPositive: readonly boolean[]): number | null {
  const positives: number[] = [];
  const negatives: number[] = [];
  scores.forEach((s, i) => {
    (isPositive[i] ? positives : negatives).push(s);
  });
  if (positives.length === 0 || negatives.length === 0) return null;
  let wins = 0;
  for (const p of positives) {
    for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  }
  return wins / (positives.length * negatives.length);
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
