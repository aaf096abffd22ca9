/**
 * Tensor arithmetic on gradient lists (one tensor per variable), all on the device, no read-back:
 * per-variable gradients of a loss, dot products, global-norm clipping and PCGrad's projection. Callers run these inside tf.tidy.
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

/**
 * PCGrad (Yu et al., NeurIPS 2020, Algorithm 1): each task's gradient g_i is projected, in the
 * given order of the other tasks, off every g_j it conflicts with (g_i·g_j < 0):
 *   g_i ← g_i − (g_i·g_j / ‖g_j‖²) g_j.
 * The projections use the original g_j. Returns Σ_i g_i (one tensor per variable). Caller owns it.
 */
export function pcgradCombine(taskGrads: tf.Tensor[][], orders: number[][]): tf.Tensor[] {
  const squaredNorms = taskGrads.map((g) => dotAll(g, g));
  const projected = taskGrads.map((gi, i) => {
    let current = gi;
    for (const j of orders[i] ?? []) {
      if (j === i) continue;
      const gj = taskGrads[j] as tf.Tensor[];
      const coefficient = tf.div(tf.minimum(dotAll(current, gj), 0), tf.maximum(squaredNorms[j] as tf.Scalar, 1e-20)); // 0 unless they conflict
      current = current.map((v, n) => tf.sub(v, tf.mul(coefficient, gj[n] as tf.Tensor)));
    }
    return current;
  });
  return (taskGrads[0] ?? []).map((_, n) => tf.addN(projected.map((g) => g[n] as tf.Tensor)));
}
