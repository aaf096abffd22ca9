/**
 * PCGrad (Yu et al., NeurIPS 2020), with the manual weights: the trunk's gradient is the sum of
 * the tasks' own weighted gradients, each projected off the others' it conflicts with; the heads
 * keep the weighted total's gradient (each head sees one task only).
 */
import * as tf from '@tensorflow/tfjs';
import { shuffleInPlace } from '../rng.ts';
import { dotAll, gradientsOf } from '../train/gradientMath.ts';
import { ManualWeighting } from './manual.ts';
import type { StepGradients } from './taskWeighting.ts';

/**
 * PCGrad's Algorithm 1: each task's gradient g_i is projected, in the given order of the other
 * tasks, off every g_j it conflicts with (g_i·g_j < 0):
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

export class PcgradWeighting extends ManualWeighting {
  /** Its surgery needs a backward pass per task: TF.js's step, never a fused engine's. */
  override readonly fused = undefined;
  /** Replaces the trunk's gradients by the projected sum over the tasks that count (on, weight > 0). */
  adjustGradients(step: StepGradients): void {
    const { trunk, rng } = this.context;
    const { enabled, weights } = this.settings;
    const active = this.context.kinds.map((_, k) => k).filter((k) => (enabled[k] ?? true) && (weights[k] ?? 1) > 0);
    if (active.length < 2) return; // nothing to project against
    // Each task's own weighted gradient on the trunk: one more backward pass per task.
    const perTask = active.map((k) =>
      gradientsOf(
        () => tf.mul(step.taskLosses().gather([k]).reshape([]), step.weights.gather([k]).reshape([])) as tf.Scalar,
        [...trunk],
      ),
    );
    const orders = active.map((_, i) =>
      shuffleInPlace(
        active.map((__, j) => j).filter((j) => j !== i),
        rng,
      ),
    );
    const combined = pcgradCombine(perTask, orders);
    trunk.forEach((v, n) => (step.grads[v.name] = combined[n] as tf.Tensor));
  }
}
