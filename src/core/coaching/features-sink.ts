// Where feature extraction puts what it finds. Training needs the features' names; prediction
// only needs their weights, so it looks them up from the parts ("w2=", "so", "what") without
// building a string per feature — on a long meeting the names cost more than the model.

/** Receives the binary features of a turn; a feature given twice counts once. */
export interface FeatureSink {
  /** The feature `name`. */
  add(name: string): void;
  /** The feature `${prefix}${value}`, e.g. `w=` and `budget`. */
  addPart(prefix: string, value: string): void;
  /** The feature `${prefix}${first}_${second}`, e.g. `w2=`, `the` and `budget`. */
  addPair(prefix: string, first: string, second: string): void;
}

/** Collects the features' names in the order found, as training reads them. */
export class NameSink implements FeatureSink {
  readonly names = new Set<string>();

  add(name: string): void {
    this.names.add(name);
  }

  addPart(prefix: string, value: string): void {
    this.names.add(prefix + value);
  }

  addPair(prefix: string, first: string, second: string): void {
    this.names.add(`${prefix}${first}_${second}`);
  }
}

/** Small counts as feature values, so `commas=2` needs no number-to-string conversion. */
export const countNames = ['0', '1', '2', '3'] as const;
