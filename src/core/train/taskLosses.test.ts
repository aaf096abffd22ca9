import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { binaryCrossEntropy, meanSquaredError, sparseCategoricalCrossEntropy } from './taskLosses.ts';

const value = (t: tf.Tensor) => {
  const v = t.arraySync() as number;
  t.dispose();
  return v;
};
const col = (xs: number[]) => tf.tensor2d(xs, [xs.length, 1]);
const vec = (xs: number[]) => tf.tensor1d(xs);

describe('binary cross-entropy', () => {
  it('matches hand-computed values: −ln 0.7 = 0.35667 for p=0.7, y=1', () => {
    expect(value(binaryCrossEntropy(col([0.7]), vec([1]), vec([1])))).toBeCloseTo(0.356675, 5);
    // mean of −ln 0.7 and −ln 0.8 (p=0.2, y=0)
    expect(value(binaryCrossEntropy(col([0.7, 0.2]), vec([1, 0]), vec([1, 1])))).toBeCloseTo(
      (0.356675 + 0.223144) / 2,
      5,
    );
  });

  it('stays finite at p = 0 and p = 1 (clipping)', () => {
    const v = value(binaryCrossEntropy(col([0, 1]), vec([1, 0]), vec([1, 1])));
    expect(Number.isFinite(v)).toBe(true);
    // both rows are maximally wrong: each costs about −ln(1e-7) ≈ 16.1 (float32 rounds 1 − 1e-7)
    expect(v).toBeGreaterThan(15.5);
    expect(v).toBeLessThan(16.2);
  });

  it('a masked row contributes nothing', () => {
    const masked = value(binaryCrossEntropy(col([0.7, 0.01]), vec([1, 1]), vec([1, 0])));
    expect(masked).toBeCloseTo(0.356675, 5);
  });

  it('a batch with no labelled row gives 0, not NaN', () => {
    expect(value(binaryCrossEntropy(col([0.3, 0.6]), vec([0, 1]), vec([0, 0])))).toBe(0);
  });
});

describe('sparse categorical cross-entropy', () => {
  it('is −ln of the true class probability, averaged over labelled rows', () => {
    const p = tf.tensor2d([0.7, 0.2, 0.1, 0.1, 0.1, 0.8, 0.3, 0.3, 0.4], [3, 3]);
    expect(value(sparseCategoricalCrossEntropy(p, vec([0, 2, 1]), vec([1, 1, 0])))).toBeCloseTo(
      (-Math.log(0.7) - Math.log(0.8)) / 2,
      5,
    );
    expect(value(sparseCategoricalCrossEntropy(p, vec([2, 0, 1]), vec([1, 0, 0])))).toBeCloseTo(2.302585, 5);
  });
});

describe('mean squared error', () => {
  it('averages squared errors over labelled rows', () => {
    expect(value(meanSquaredError(col([1, 2, 100]), vec([0, 4, 0]), vec([1, 1, 0])))).toBeCloseTo(2.5, 6);
  });
});
