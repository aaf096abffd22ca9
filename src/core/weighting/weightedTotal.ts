/** The weighted total of the task losses, Σ wᵢ·Lᵢ: the one definition every strategy and the reported total use. */
import * as tf from '@tensorflow/tfjs';

/** Σ wᵢ·Lᵢ. losses, weights: [T]. Caller owns the result. */
export function weightedTotal(losses: tf.Tensor1D, weights: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.sum(tf.mul(weights, losses)) as tf.Scalar);
}
