import { describe, expect, it } from 'vitest';
import { accuracy, binaryCounts, macroF1, precisionRecallF1, rocAuc } from './classificationMetrics.ts';
import { regressionMetrics } from './regressionMetrics.ts';
import { computeTaskMetrics } from './taskMetrics.ts';

describe('ROC AUC', () => {
  it('matches the textbook example (0.75)', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 10);
  });
  it('counts a tie between a positive and a negative as one half', () => {
    // pairs (pos, neg): (0.5,0.1)=1 (0.5,0.5)=½ (0.9,0.1)=1 (0.9,0.5)=1 → 3.5 / 4
    expect(rocAuc([0.1, 0.5, 0.5, 0.9], [0, 1, 0, 1])).toBeCloseTo(0.875, 10);
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBeCloseTo(0.5, 10);
  });
  it('is 1 for a perfect ranking, 0 for a reversed one, NaN with one class', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(rocAuc([0.1, 0.2], [1, 1])).toBeNaN();
  });
});

describe('binary counts, precision, recall, F1', () => {
  it('computes the confusion counts and the derived scores', () => {
    const c = binaryCounts([1, 1, 0, 0, 1], [1, 0, 0, 1, 1]);
    expect(c).toEqual({ tp: 2, fp: 1, tn: 1, fn: 1 });
    const s = precisionRecallF1(c);
    expect(s.precision).toBeCloseTo(2 / 3, 10);
    expect(s.recall).toBeCloseTo(2 / 3, 10);
    expect(s.f1).toBeCloseTo(2 / 3, 10);
    expect(accuracy([1, 1, 0, 0, 1], [1, 0, 0, 1, 1])).toBeCloseTo(0.6, 10);
  });
  it('gives 0, not NaN, when nothing is predicted positive', () => {
    expect(precisionRecallF1(binaryCounts([0, 0], [1, 0]))).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('macro F1', () => {
  it('averages per-class F1 and leaves out a class absent from both labels and predictions', () => {
    // class 0: tp1 fp0 fn1 → F1 2/3; class 1: tp1 fp1 fn0 → 2/3; class 2: tp 1 → 1; class 3 absent
    expect(macroF1([0, 1, 1, 2], [0, 0, 1, 2], 4)).toBeCloseTo((2 / 3 + 2 / 3 + 1) / 3, 10);
  });
});

describe('regression metrics', () => {
  it('computes MSE, RMSE, MAE and R²', () => {
    const m = regressionMetrics([2, 4, 6], [1, 4, 8]);
    expect(m.mse).toBeCloseTo(5 / 3, 10);
    expect(m.rmse).toBeCloseTo(Math.sqrt(5 / 3), 10);
    expect(m.mae).toBeCloseTo(1, 10);
    // SStot = (1−13/3)² + (4−13/3)² + (8−13/3)² = 74/3
    expect(m.r2).toBeCloseTo(1 - 5 / (74 / 3), 10);
  });
  it('gives R² = 0 for a constant prediction at the mean', () => {
    expect(regressionMetrics([2, 2, 2], [1, 2, 3]).r2).toBeCloseTo(0, 12);
  });
});

describe('task metrics', () => {
  it('leaves out rows whose target is missing and reports regression in original units', () => {
    const m = computeTaskMetrics(
      { name: 'y', kind: 'regression', numClasses: 1, classLabels: [] },
      Float32Array.from([0, 1, 5]),
      Float32Array.from([0, 2, NaN]),
      { mean: 10, std: 2 },
    );
    expect(m.count).toBe(2);
    expect(m.loss).toBeCloseTo(0.5, 6); // standardised: (0² + 1²) / 2
    expect(m.mse).toBeCloseTo(2, 6); // original units: errors 0 and 2
  });
  it('scores multi-class outputs by arg-max and log loss', () => {
    const out = Float32Array.from([0.7, 0.2, 0.1, 0.1, 0.1, 0.8]);
    const m = computeTaskMetrics(
      { name: 'c', kind: 'multiclass', numClasses: 3, classLabels: ['a', 'b', 'c'] },
      out,
      Float32Array.from([0, 1]),
      { mean: 0, std: 1 },
    );
    expect(m.accuracy).toBe(0.5);
    expect(m.loss).toBeCloseTo((-Math.log(0.7) - Math.log(0.1)) / 2, 5);
  });
});
