import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accuracy, binaryCounts, rocAuc } from './classificationMetrics.ts';
import { confusionMatrix, perClassMetrics } from './confusionMatrix.ts';
import { histogram } from './histogram.ts';
import { countsAtThreshold, rocCurve } from './rocCurve.ts';
import { computeTaskDiagnostics, MAX_SCATTER_POINTS, THRESHOLDS, thresholdIndex } from './taskDiagnostics.ts';

const sorted = (a: number[]) => Float32Array.from(a).sort();

/** Trapezoid area under ROC points (exact for an unthinned curve, ties included). */
function area(points: { fpr: number; tpr: number }[]): number {
  let s = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as { fpr: number; tpr: number };
    const b = points[i] as { fpr: number; tpr: number };
    s += ((b.fpr - a.fpr) * (a.tpr + b.tpr)) / 2;
  }
  return s;
}

describe('ROC curve', () => {
  it('steps through each distinct score from the top, by hand', () => {
    // positives 0.8, 0.35; negatives 0.4, 0.1 (the textbook AUC 0.75 case)
    const points = rocCurve(sorted([0.35, 0.8]), sorted([0.1, 0.4]));
    expect(points.map((p) => [p.fpr, p.tpr])).toEqual([
      [0, 0],
      [0, 0.5],
      [0.5, 0.5],
      [0.5, 1],
      [1, 1],
    ]);
    expect(points[1]?.threshold).toBeCloseTo(0.8, 6);
    expect(area(points)).toBeCloseTo(0.75, 10);
  });
  it('draws a tie between a positive and a negative as one diagonal step', () => {
    const points = rocCurve(sorted([0.5, 0.9]), sorted([0.1, 0.5]));
    expect(points.map((p) => [p.fpr, p.tpr])).toEqual([
      [0, 0],
      [0, 0.5],
      [0.5, 1],
      [1, 1],
    ]);
    expect(area(points)).toBeCloseTo(0.875, 10);
  });
  it('has the exact AUC as its area, for any scores (property)', () => {
    const score = fc.integer({ min: 0, max: 20 }).map((v) => v / 20); // coarse, so ties are common
    fc.assert(
      fc.property(
        fc.array(score, { minLength: 1, maxLength: 40 }),
        fc.array(score, { minLength: 1, maxLength: 40 }),
        (pos, neg) => {
          const auc = rocAuc([...pos, ...neg], [...pos.map(() => 1), ...neg.map(() => 0)]);
          expect(area(rocCurve(sorted(pos), sorted(neg), Infinity))).toBeCloseTo(auc, 9);
        },
      ),
    );
  });
  it('refuses NaN scores instead of looping (the caller leaves them out)', () => {
    expect(() => rocCurve(sorted([0.2, NaN]), sorted([0.1]))).toThrow(RangeError);
  });
  it('keeps both corners when thinned, and is empty with one class', () => {
    const pos = sorted(Array.from({ length: 500 }, (_, i) => (i + 0.5) / 500));
    const neg = sorted(Array.from({ length: 500 }, (_, i) => i / 700));
    const points = rocCurve(pos, neg, 50);
    expect(points).toHaveLength(50);
    expect(points[0]).toMatchObject({ fpr: 0, tpr: 0 });
    expect(points[49]).toMatchObject({ fpr: 1, tpr: 1 });
    expect(rocCurve(sorted([0.2]), sorted([]))).toEqual([]);
  });
});

describe('counts at a threshold', () => {
  it('calls scores ≥ threshold positive, as the 0.5 metrics do', () => {
    const scores = [0.1, 0.3, 0.5, 0.7, 0.2, 0.5, 0.9];
    const labels = [0, 0, 1, 1, 1, 0, 1];
    const pos = sorted(scores.filter((_, i) => labels[i] === 1));
    const neg = sorted(scores.filter((_, i) => labels[i] === 0));
    for (const t of [0, 0.2, 0.3, 0.5, 0.55, 0.9, 1]) {
      expect(countsAtThreshold(pos, neg, t)).toEqual(
        binaryCounts(
          scores.map((s) => (Math.fround(s) >= t ? 1 : 0)),
          labels,
        ),
      );
    }
    // by hand at 0.5: positives 0.5, 0.7, 0.9 called positive, 0.2 missed; negative 0.5 is a false positive
    expect(countsAtThreshold(pos, neg, 0.5)).toEqual({ tp: 3, fn: 1, fp: 1, tn: 2 });
  });
});

describe('confusion matrix and per-class metrics', () => {
  it('counts [actual][predicted] and reads precision / recall per class by hand', () => {
    const actual = [0, 0, 0, 1, 1, 2];
    const predicted = [0, 0, 1, 1, 0, 1];
    const m = confusionMatrix(predicted, actual, 3);
    expect(m).toEqual([
      [2, 1, 0],
      [1, 1, 0],
      [0, 1, 0],
    ]);
    const [c0, c1, c2] = perClassMetrics(m);
    expect(c0).toMatchObject({ precision: 2 / 3, recall: 2 / 3, support: 3 });
    expect(c1?.precision).toBeCloseTo(1 / 3, 10);
    expect(c1?.recall).toBeCloseTo(1 / 2, 10);
    expect(c1?.f1).toBeCloseTo(0.4, 10); // 2·(1/3)(1/2)/(5/6)
    // class 2 is never predicted: precision 0 by convention, recall 0
    expect(c2).toMatchObject({ precision: 0, recall: 0, f1: 0, support: 1 });
    expect(accuracy(predicted, actual)).toBeCloseTo(3 / 6, 10);
  });
});

describe('histogram', () => {
  it('puts values into equal bins, the maximum into the last', () => {
    const h = histogram([0, 1, 1, 2, 3, 4, NaN], 4);
    expect(h.edges).toEqual([0, 1, 2, 3, 4]);
    expect(h.counts).toEqual([1, 2, 1, 2]);
  });
  it('gives one bin for constant values and nothing for no values', () => {
    expect(histogram([2, 2, 2], 10)).toEqual({ edges: [1.5, 2.5], counts: [3] });
    expect(histogram([], 10)).toEqual({ edges: [], counts: [] });
  });
});

describe('task diagnostics', () => {
  it('binary: ROC and the counts at every offered threshold; rows without a label or with a NaN score left out', () => {
    const d = computeTaskDiagnostics(
      { name: 'b', kind: 'binary', numClasses: 2, classLabels: ['n', 'y'] },
      Float32Array.of(0.9, 0.2, 0.6, 0.4, NaN),
      Float32Array.of(1, 0, NaN, 1, 0),
      { mean: 0, std: 1 },
    );
    if (d.kind !== 'binary') throw new Error('expected binary');
    expect([d.positives, d.negatives, d.nonFinite]).toEqual([2, 1, 1]);
    expect(THRESHOLDS).toHaveLength(99);
    expect(THRESHOLDS[49]).toBe(0.5);
    expect(THRESHOLDS.every((t, i) => thresholdIndex(t) === i)).toBe(true);
    expect(thresholdIndex(Number('0.3'))).toBe(29); // a slider value read back as text
    // at 0.5: positive 0.9 called positive, 0.4 missed; negative 0.2 correctly negative
    expect(d.atThreshold[49]).toEqual({ tp: 1, fn: 1, fp: 0, tn: 1 });
    // at 0.3 (index 29) both positives are caught; at 0.1 the negative is a false positive too
    expect(d.atThreshold[29]).toEqual({ tp: 2, fn: 0, fp: 0, tn: 1 });
    expect(d.atThreshold[9]).toEqual({ tp: 2, fn: 0, fp: 1, tn: 0 });
    expect(area(d.roc)).toBeCloseTo(1, 10); // both positives outrank the negative
  });
  it('multi-class: confusion of the arg-max class', () => {
    const outputs = Float32Array.of(0.7, 0.2, 0.1, 0.1, 0.8, 0.1, 0.3, 0.3, 0.4);
    const d = computeTaskDiagnostics(
      { name: 'm', kind: 'multiclass', numClasses: 3, classLabels: ['a', 'b', 'c'] },
      outputs,
      Float32Array.of(0, 0, 2),
      { mean: 0, std: 1 },
    );
    expect(d.kind === 'multiclass' && d.matrix).toEqual([
      [1, 1, 0],
      [0, 0, 0],
      [0, 0, 1],
    ]);
  });
  it('regression: pairs and residuals in the target units, the scatter capped', () => {
    const n = 1000;
    const outputs = Float32Array.from({ length: n }, (_, i) => (i % 10) / 10);
    const targets = Float32Array.from({ length: n }, (_, i) => (i % 10) / 10 + 0.5);
    const d = computeTaskDiagnostics(
      { name: 'r', kind: 'regression', numClasses: 1, classLabels: [] },
      outputs,
      targets,
      { mean: 100, std: 2 },
    );
    if (d.kind !== 'regression') throw new Error('expected regression');
    expect(d.count).toBe(n);
    expect(d.predicted).toHaveLength(MAX_SCATTER_POINTS);
    expect(d.actual[0]).toBeCloseTo(101, 5); // (0 + 0.5)·2 + 100
    expect(d.predicted[0]).toBeCloseTo(100, 5);
    // every residual is 0.5 · 2 = 1 target unit (up to float32 rounding)
    expect(d.residuals.counts.reduce((a, b) => a + b, 0)).toBe(n);
    expect(d.residuals.edges[0]).toBeCloseTo(1, 5);
    expect(d.residuals.edges[d.residuals.edges.length - 1]).toBeCloseTo(1, 5);
  });
});
