import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { clipByGlobalNorm, globalNorm } from '../train/gradientMath.ts';
import { learningRateAt, DEFAULT_SCHEDULE } from '../train/schedules.ts';
import { dwaWeights } from './dwa.ts';
import { gradNormWeightGradient, renormalizeWeights } from './gradNorm.ts';
import { pcgradCombine } from './pcgrad.ts';
import { uncertaintyTotal, uncertaintyWeights } from './uncertainty.ts';

const values = (t: tf.Tensor) => Array.from(t.dataSync());

describe('DWA', () => {
  it("weights K·softmax(r/T) of the last two epochs' loss ratios", () => {
    // r = [0.5/1, 0.9/1] = [0.5, 0.9]; T = 2: exp(0.25), exp(0.45); K = 2
    const w = dwaWeights(
      [
        [1, 1],
        [0.5, 0.9],
      ],
      2,
      2,
    );
    const e1 = Math.exp(0.25);
    const e2 = Math.exp(0.45);
    expect(w[0]).toBeCloseTo((2 * e1) / (e1 + e2), 10);
    expect(w[1]).toBeCloseTo((2 * e2) / (e1 + e2), 10);
    expect(w[0]! + w[1]!).toBeCloseTo(2, 10);
  });
  it('is 1 for every task during the first two epochs, and 0 for a task that is off', () => {
    expect(dwaWeights([[1, 2, 3]], 3, 2)).toEqual([1, 1, 1]);
    const w = dwaWeights(
      [
        [1, 1, 1],
        [1, 0.5, 2],
      ],
      3,
      2,
      [true, false, true],
    );
    expect(w[1]).toBe(0);
    expect(w[0]! + w[2]!).toBeCloseTo(2, 10);
  });
});

describe('PCGrad', () => {
  it("projects two conflicting gradients off each other, as in the paper's Figure 1", () => {
    // g1 = (1, 0), g2 = (−1, 1): g1·g2 = −1 < 0.
    // g1' = g1 − (−1/2)·g2 = (0.5, 0.5); g2' = g2 − (−1/1)·g1 = (0, 1); sum = (0.5, 1.5)
    const g1 = [tf.tensor1d([1, 0])];
    const g2 = [tf.tensor1d([-1, 1])];
    const [sum] = pcgradCombine([g1, g2], [[1], [0]]);
    expect(values(sum as tf.Tensor)).toEqual([0.5, 1.5]);
  });
  it('leaves gradients that do not conflict as they are', () => {
    const [sum] = pcgradCombine([[tf.tensor1d([1, 0])], [tf.tensor1d([1, 1])]], [[1], [0]]);
    expect(values(sum as tf.Tensor)).toEqual([2, 1]);
  });
  it('works across several variables (dot products over the whole parameter vector)', () => {
    // g1 = [(1), (0)], g2 = [(−1), (1)]: same numbers as above, split over two variables.
    const [a, b] = pcgradCombine(
      [
        [tf.tensor1d([1]), tf.tensor1d([0])],
        [tf.tensor1d([-1]), tf.tensor1d([1])],
      ],
      [[1], [0]],
    );
    expect([...values(a as tf.Tensor), ...values(b as tf.Tensor)]).toEqual([0.5, 1.5]);
  });
});

describe('GradNorm', () => {
  it('gives ∂L_grad/∂w = sign(G − Ḡ·r^α)·g, with G = w·g and r the relative inverse training rate', () => {
    const w = tf.tensor1d([1, 1]);
    const g = tf.tensor1d([2, 4]); // G = (2, 4), Ḡ = 3
    const L = tf.tensor1d([0.5, 1]);
    const L0 = tf.tensor1d([1, 1]); // L̃ = (0.5, 1), mean 0.75 → r = (2/3, 4/3)
    const grad = gradNormWeightGradient(w, g, L, L0, tf.tensor1d([1, 1]), 1.5);
    // targets: 3·(2/3)^1.5 = 1.633, 3·(4/3)^1.5 = 4.619 → G − target = (+0.37, −0.62) → (+2, −4)
    expect(values(grad)).toEqual([2, -4]);
  });
  it('renormalises the weights of the tasks that are on to sum to their count', () => {
    expect(values(renormalizeWeights(tf.tensor1d([1, 3, 5]), tf.tensor1d([1, 1, 0])))).toEqual([0.5, 1.5, 0]);
  });
});

describe('Uncertainty weighting', () => {
  it('is Σ c·exp(−s)·L + ½·s with c = ½ for regression, 1 for classification, and its gradient in s matches', () => {
    const L = tf.tensor1d([2, 3]);
    const c = tf.tensor1d([1, 0.5]);
    const mask = tf.tensor1d([1, 1]);
    const s = tf.variable(tf.tensor1d([0, Math.log(2)]));
    const total = uncertaintyTotal(L, s as tf.Tensor1D, c, mask);
    // 1·1·2 + 0 + 0.5·0.5·3 + 0.5·ln 2
    expect(total.dataSync()[0]).toBeCloseTo(2 + 0.75 + 0.5 * Math.log(2), 5);
    expect(values(uncertaintyWeights(s as tf.Tensor1D, c, mask))).toEqual([1, 0.25].map((v) => Math.fround(v)));
    const { grads } = tf.variableGrads(() => uncertaintyTotal(L, s as tf.Tensor1D, c, mask), [s]);
    // ∂/∂s = −c·exp(−s)·L + ½ → (−2 + 0.5, −0.75 + 0.5)
    const gs = values(grads[s.name] as tf.Tensor);
    expect(gs[0]).toBeCloseTo(-1.5, 5);
    expect(gs[1]).toBeCloseTo(-0.25, 5);
    s.dispose();
  });
});

describe('gradient clipping', () => {
  it('scales all gradients by maxNorm / globalNorm when above it, else leaves them', () => {
    const grads = [tf.tensor1d([3, 0]), tf.tensor1d([0, 4])]; // global norm 5
    expect(globalNorm(grads).dataSync()[0]).toBeCloseTo(5, 6);
    const clipped = clipByGlobalNorm(grads, 1);
    expect([...values(clipped[0]!), ...values(clipped[1]!)].map((v) => +v.toFixed(6))).toEqual([0.6, 0, 0, 0.8]);
    expect(values(clipByGlobalNorm(grads, 10)[1]!)).toEqual([0, 4]);
  });
});

describe('learning-rate schedules', () => {
  const base = 0.1;
  it('constant, step decay and exponential decay', () => {
    expect(learningRateAt(base, DEFAULT_SCHEDULE, 500, 10)).toBe(0.1);
    const step = { ...DEFAULT_SCHEDULE, kind: 'step' as const, everyEpochs: 2, factor: 0.5 };
    expect(learningRateAt(base, step, 19, 10)).toBeCloseTo(0.1, 12); // epoch 1.9
    expect(learningRateAt(base, step, 20, 10)).toBeCloseTo(0.05, 12); // epoch 2
    expect(learningRateAt(base, step, 45, 10)).toBeCloseTo(0.025, 12); // epoch 4.5
    const exp = { ...DEFAULT_SCHEDULE, kind: 'exponential' as const, decayRate: 0.9 };
    expect(learningRateAt(base, exp, 30, 10)).toBeCloseTo(0.1 * 0.9 ** 3, 12);
  });
  it('cosine with warm-up: linear ramp, then half a cosine down to the floor', () => {
    const cos = { ...DEFAULT_SCHEDULE, kind: 'cosine' as const, warmupEpochs: 1, totalEpochs: 11, minFraction: 0 };
    expect(learningRateAt(base, cos, 0, 10)).toBeCloseTo(0.01, 12); // first of 10 warm-up steps
    expect(learningRateAt(base, cos, 9, 10)).toBeCloseTo(0.1, 12);
    expect(learningRateAt(base, cos, 10, 10)).toBeCloseTo(0.1, 12); // warm-up done, cosine at 0
    expect(learningRateAt(base, cos, 60, 10)).toBeCloseTo(0.05, 12); // halfway: (1 + cos π/2)/2
    expect(learningRateAt(base, cos, 110, 10)).toBeCloseTo(0, 12);
  });
});
