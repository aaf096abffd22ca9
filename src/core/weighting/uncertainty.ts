/**
 * Uncertainty weighting (Kendall, Gal & Cipolla, CVPR 2018, eq. 7 and 10), with s_i = log σ_i²
 * learned with the network: a regression task contributes ½·exp(−s)·L + ½·s, a classification
 * task exp(−s)·L + ½·s. The effective weight of L_i is the factor in front of it.
 */
import * as tf from '@tensorflow/tfjs';
import type { TaskKind } from '../types.ts';

/** Per task: ½ for regression, 1 for classification. */
export function uncertaintyFactors(kinds: TaskKind[]): number[] {
  return kinds.map((k) => (k === 'regression' ? 0.5 : 1));
}

/** Effective weights c_i·exp(−s_i), masked. Caller owns the result. */
export function uncertaintyWeights(logVariances: tf.Tensor1D, factors: tf.Tensor1D, mask: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => tf.mul(tf.mul(factors, tf.exp(tf.neg(logVariances))), mask) as tf.Tensor1D);
}

/** Σ_i mask_i·(c_i·exp(−s_i)·L_i + ½·s_i). Caller owns the result. */
export function uncertaintyTotal(
  losses: tf.Tensor1D,
  logVariances: tf.Tensor1D,
  factors: tf.Tensor1D,
  mask: tf.Tensor1D,
): tf.Scalar {
  return tf.tidy(
    () =>
      tf.sum(
        tf.add(
          tf.mul(uncertaintyWeights(logVariances, factors, mask), losses),
          tf.mul(tf.mul(logVariances, 0.5), mask),
        ),
      ) as tf.Scalar,
  );
}
