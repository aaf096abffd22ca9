/**
 * GradNorm (Chen et al., ICML 2018, section 3.2), one update of the task weights w, on the device.
 * With g_i = ‖∇_W L_i‖ at the last shared layer W, G_i = w_i·g_i, Ḡ = mean_i G_i,
 * L̃_i = L_i(t)/L_i(0), r_i = L̃_i / mean_j L̃_j, and targets Ḡ·r_i^α held constant:
 *   L_grad = Σ_i |G_i − Ḡ·r_i^α|,   ∂L_grad/∂w_i = sign(G_i − Ḡ·r_i^α)·g_i.
 * Returns that gradient. mask: 1 for tasks that are on. Caller owns the result.
 */
import * as tf from '@tensorflow/tfjs';
import { globalNorm, gradientsOf } from '../train/gradientMath.ts';
import { onMask } from './assignedWeights.ts';
import type { WeightingConfig } from './strategies.ts';
import type { StepGradients, TaskSettings, TaskWeighting, WeightingContext } from './taskWeighting.ts';
import { weightedTotal } from './weightedTotal.ts';

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

/**
 * The strategy: weights start at 1 (0 for a task that is off), and after each step's backward pass
 * take one Adam step on L_grad, then are renormalised. L(0) is the first step's losses.
 */
export class GradNormWeighting implements TaskWeighting {
  readonly setsOwnWeights = true;
  readonly learnedVariables: readonly tf.Variable[] = [];
  private readonly w: tf.Variable; // [T]
  private readonly mask: tf.Variable; // [T] 1 = on
  private initialLosses: tf.Tensor1D | null = null; // [T] L(0)

  constructor(
    private config: WeightingConfig,
    private readonly context: WeightingContext,
    settings: TaskSettings,
  ) {
    const T = context.kinds.length;
    // w starts at 1 for every task, as it always has; the mask keeps off tasks out (renormalising zeroes their w).
    [this.w, this.mask] = tf.tidy(() => [
      tf.variable(tf.ones([T]), false),
      tf.variable(tf.tensor1d(onMask(settings, T)), false),
    ]);
  }

  setTaskSettings(settings: TaskSettings): void {
    tf.tidy(() => this.mask.assign(tf.tensor1d(onMask(settings, this.context.kinds.length))));
  }

  configure(config: WeightingConfig): void {
    this.config = config;
  }

  /** w, masked: a task switched off stops counting at once, not only after the next renormalisation. */
  weights(): tf.Tensor1D {
    return tf.mul(this.w, this.mask) as tf.Tensor1D;
  }

  objective(losses: tf.Tensor1D, weights: tf.Tensor1D): tf.Scalar {
    return weightedTotal(losses, weights);
  }

  /** Measures each task's gradient norm at the last shared kernels and updates w (the network's gradients stay). */
  adjustGradients(step: StepGradients): void {
    const { kinds, lastSharedKernels, trunk } = this.context;
    // Without a trunk layer, the first shared variable (an embedding table) stands in.
    const at = lastSharedKernels.length > 0 ? [...lastSharedKernels] : trunk.slice(0, 1);
    const norms = tf.stack(
      kinds.map((_, k) => globalNorm(gradientsOf(() => step.taskLosses().gather([k]).reshape([]) as tf.Scalar, at))),
    ) as tf.Tensor1D;
    if (!this.initialLosses) this.initialLosses = tf.keep(tf.clone(step.losses));
    const mask = this.mask as tf.Tensor1D;
    const wGrad = gradNormWeightGradient(
      this.w as tf.Tensor1D,
      norms,
      step.losses,
      this.initialLosses,
      mask,
      this.config.gradNormAlpha,
    );
    this.context.stepOwn({ [this.w.name]: wGrad }, [this.w]);
    this.w.assign(renormalizeWeights(this.w as tf.Tensor1D, mask));
  }

  dispose(): void {
    tf.dispose([this.w, this.mask]);
    this.initialLosses?.dispose();
  }
}
