/**
 * Tensor arithmetic on gradient lists (one tensor per variable), all on the device, no read-back:
 * per-variable gradients of a loss, dot products and global-norm clipping. Callers run these inside tf.tidy.
 */
import * as tf from '@tensorflow/tfjs';

/** The gradient of `loss` with respect to each variable, in the variables' order. Caller owns them. */
export function gradientsOf(loss: () => tf.Scalar, variables: tf.Variable[]): tf.Tensor[] {
  const { grads } = tf.variableGrads(loss, variables);
  return variables.map((v) => grads[v.name] as tf.Tensor);
}

/** Σ over variables of Σ a·b. Caller owns the result. */
export function dotAll(a: tf.Tensor[], b: tf.Tensor[]): tf.Scalar {
  return tf.addN(a.map((x, i) => tf.sum(tf.mul(x, b[i] as tf.Tensor)))) as tf.Scalar;
}

/** √(Σ over variables of Σ g²). Caller owns the result. */
export function globalNorm(grads: tf.Tensor[]): tf.Scalar {
  return tf.sqrt(dotAll(grads, grads));
}

/** Scales every gradient by min(1, maxNorm / globalNorm), as tf.clip_by_global_norm does. Caller owns the results. */
export function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number): tf.Tensor[] {
  const scale = tf.minimum(1, tf.div(maxNorm, tf.maximum(globalNorm(grads), 1e-12)));
  return grads.map((g) => tf.mul(g, scale));
}
