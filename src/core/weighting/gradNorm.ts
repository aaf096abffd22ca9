/**
 * GradNorm (Chen et al., ICML 2018, section 3.2), one update of the task weights w, on the device.
 * With g_i = ‖∇_W L_i‖ at the last shared layer W, G_i = w_i·g_i, Ḡ = mean_i G_i,
 * L̃_i = L_i(t)/L_i(0), r_i = L̃_i / mean_j L̃_j, and targets Ḡ·r_i^α held constant:
 *   L_grad = Σ_i |G_i − Ḡ·r_i^α|,   ∂L_grad/∂w_i = sign(G_i − Ḡ·r_i^α)·g_i.
 * Returns that gradient. mask: 1 for tasks that are on. Caller owns the result.
 */
import * as tf from '@tensorflow/tfjs';

export function gradNormWeightGradient(
  w: tf.Tensor1D,
  g: tf.Tensor1D,
  losses: tf.Tensor1D,
  initialLosses: tf.Tensor1D,
  mask: tf.Tensor1D,
  alpha: number,
): tf.Tensor1D {
  return tf.tidy(() => {
    const count = tf.maximum(tf.sum(mask), 1);
    const maskedMean = (t: tf.Tensor) => tf.div(tf.sum(tf.mul(t, mask)), count);
    const G = tf.mul(w, g);
    const lossRatio = tf.div(losses, tf.maximum(initialLosses, 1e-12));
    const inverseRate = tf.div(lossRatio, tf.maximum(maskedMean(lossRatio), 1e-12));
    const target = tf.mul(maskedMean(G), tf.pow(inverseRate, alpha));
    return tf.mul(tf.mul(tf.sign(tf.sub(G, target)), g), mask) as tf.Tensor1D;
  });
}

/** w ← max(w, 0), rescaled so the weights of the tasks that are on sum to their count. Caller owns the result. */
export function renormalizeWeights(w: tf.Tensor1D, mask: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const positive = tf.mul(tf.relu(w), mask);
    return tf.div(tf.mul(positive, tf.sum(mask)), tf.maximum(tf.sum(positive), 1e-12)) as tf.Tensor1D;
  });
}
