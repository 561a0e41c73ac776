import { describe, expect, it } from 'vitest';
import { classScores, confusionMatrix, evaluateClassification, rocAuc } from './evaluation-metrics.ts';

describe('confusionMatrix', () => {
  it('counts each gold label against the predicted one', () => {
    const m = confusionMatrix(['a', 'b'], ['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b']);
    expect(m).toEqual([
      [1, 1],
      [0, 2],
    ]);
  });

  it('ignores items whose label is not one of the classes', () => {
    expect(confusionMatrix(['a'], ['a', 'z'], ['a', 'a'])).toEqual([[1]]);
  });
});

describe('classScores', () => {
  it('computes precision, recall and F1 per class', () => {
    const [a, b] = classScores(
      ['a', 'b'],
      [
        [1, 1],
        [0, 2],
      ],
    );
    expect(a).toEqual({ label: 'a', precision: 1, recall: 0.5, f1: 2 / 3, support: 2 });
    expect(b?.precision).toBeCloseTo(2 / 3);
    expect(b?.recall).toBe(1);
    expect(b?.f1).toBeCloseTo(0.8);
  });

  it('gives zero rather than NaN to a class that is never predicted', () => {
    const [a] = classScores(
      ['a', 'b'],
      [
        [0, 3],
        [0, 1],
      ],
    );
    expect(a).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('evaluateClassification', () => {
  it('reports accuracy and the macro-F1 over classes present in the gold labels', () => {
    const report = evaluateClassification(['a', 'b', 'c'], ['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b']);
    expect(report.total).toBe(4);
    expect(report.accuracy).toBe(0.75);
    expect(report.macroF1).toBeCloseTo((2 / 3 + 0.8) / 2);
  });

  it('scores a perfect classifier at one', () => {
    const report = evaluateClassification(['x', 'y'], ['x', 'y', 'y'], ['x', 'y', 'y']);
    expect(report).toMatchObject({ accuracy: 1, macroF1: 1 });
  });
});

describe('rocAuc', () => {
  it('is one when every positive scores above every negative', () => {
    expect(rocAuc([0.9, 0.8, 0.1, 0.2], [true, true, false, false])).toBe(1);
  });

  it('is zero when the ranking is reversed, and one half for ties', () => {
    expect(rocAuc([0.1, 0.9], [true, false])).toBe(0);
    expect(rocAuc([0.5, 0.5], [true, false])).toBe(0.5);
  });

  it('counts mixed rankings pairwise', () => {
    expect(rocAuc([0.9, 0.3, 0.5, 0.1], [true, true, false, false])).toBe(0.75);
  });

  it('returns null when one group is empty', () => {
    expect(rocAuc([0.3, 0.4], [true, true])).toBeNull();
  });
});
