/**
 * Per-task losses, each a masked mean over the batch: rows whose target is missing (mask 0)
 * contribute nothing to that task, and a batch with no labelled row gives 0, never NaN. The same
 * losses in plain JavaScript, for evaluation, are in plainTaskLosses.ts (a test keeps them equal).
 */
import * as tf from '@tensorflow/tfjs';
import type { TaskKind } from '../types.ts';

/** Probabilities are clipped to [EPSILON, 1 − EPSILON] before the log, as Keras does. */
export const EPSILON = 1e-7;

/**
 * Weighted mean of `perRow` with the mask as weights (0 = missing). perRow, mask: [batch].
 * A null mask means every row counts once (no missing target, no class weights): a plain mean,
 * two fewer ops per task and step. Caller owns the result.
 */
function maskedMean(perRow: tf.Tensor1D, mask: tf.Tensor1D | null): tf.Scalar {
  if (!mask) return tf.mean(perRow) as tf.Scalar;
  return tf.tidy(() => tf.div(tf.sum(tf.mul(perRow, mask)), tf.maximum(tf.sum(mask), 1)) as tf.Scalar);
}

/** Binary cross-entropy of probabilities p: [batch, 1] against labels y ∈ {0,1}: [batch]. Caller owns the result. */
export function binaryCrossEntropy(p: tf.Tensor, y: tf.Tensor1D, mask: tf.Tensor1D | null): tf.Scalar {
  return tf.tidy(() => {
    const pc = tf.clipByValue(tf.reshape(p, [-1]), EPSILON, 1 - EPSILON);
    const perRow = tf.neg(tf.add(tf.mul(y, tf.log(pc)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, pc))))) as tf.Tensor1D;
    return maskedMean(perRow, mask);
  });
}

/** Sparse categorical cross-entropy of class probabilities p: [batch, k] against class indices y: [batch]. Caller owns the result. */
export function sparseCategoricalCrossEntropy(p: tf.Tensor, y: tf.Tensor1D, mask: tf.Tensor1D | null): tf.Scalar {
  return tf.tidy(() => {
    const k = p.shape[1] as number;
    const oneHot = tf.oneHot(tf.cast(y, 'int32'), k);
    const perRow = tf.neg(tf.sum(tf.mul(oneHot, tf.log(tf.clipByValue(p, EPSILON, 1))), 1)) as tf.Tensor1D;
    return maskedMean(perRow, mask);
  });
}

/** Mean squared error of predictions p: [batch, 1] against targets y: [batch]. Caller owns the result. */
export function meanSquaredError(p: tf.Tensor, y: tf.Tensor1D, mask: tf.Tensor1D | null): tf.Scalar {
  return tf.tidy(() => maskedMean(tf.square(tf.sub(tf.reshape(p, [-1]), y)) as tf.Tensor1D, mask));
}

/** The loss that matches a head's type. */
export function lossForTask(kind: TaskKind): (p: tf.Tensor, y: tf.Tensor1D, mask: tf.Tensor1D | null) => tf.Scalar {
  if (kind === 'binary') return binaryCrossEntropy;
  if (kind === 'multiclass') return sparseCategoricalCrossEntropy;
  return meanSquaredError;
}
