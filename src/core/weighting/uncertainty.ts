/**
 * Uncertainty weighting (Kendall, Gal & Cipolla, CVPR 2018, eq. 7 and 10), with s_i = log σ_i²
 * learned with the network: a regression task contributes ½·exp(−s)·L + ½·s, a classification
 * task exp(−s)·L + ½·s. The effective weight of L_i is the factor in front of it.
 */
import * as tf from '@tensorflow/tfjs';
import type { TaskKind } from '../types.ts';
import { onMask } from './assignedWeights.ts';
import type { WeightingConfig } from './strategies.ts';
import type { FusedWeighting, TaskSettings, TaskWeighting, WeightingContext } from './taskWeighting.ts';
import { weightedTotal } from './weightedTotal.ts';

/** Per task: ½ for regression, 1 for classification. */
export function uncertaintyFactors(kinds: readonly TaskKind[]): number[] {
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
  return tf.tidy(() =>
    uncertaintyObjective(losses, uncertaintyWeights(logVariances, factors, mask), logVariances, mask),
  );
}

/** Σ wᵢ·Lᵢ + ½·Σ maskᵢ·sᵢ, for weights w from {@link uncertaintyWeights}. Caller owns the result. */
function uncertaintyObjective(
  losses: tf.Tensor1D,
  weights: tf.Tensor1D,
  logVariances: tf.Tensor1D,
  mask: tf.Tensor1D,
): tf.Scalar {
  return tf.tidy(() => tf.add(weightedTotal(losses, weights), tf.sum(tf.mul(tf.mul(logVariances, 0.5), mask))));
}

/** The strategy: s starts at 0 (weights c·e⁰) and learns through the objective, stepped by the strategy optimiser. */
export class UncertaintyWeighting implements TaskWeighting {
  readonly setsOwnWeights = true;
  readonly learnedVariables: readonly tf.Variable[];
  /** A fused engine keeps its own log-variances (starting at 0, as here) and takes the on/off mask per step. */
  readonly fused: FusedWeighting;
  private on: number[];
  private readonly factors: tf.Tensor1D; // [T] c_i
  private readonly mask: tf.Variable; // [T] 1 = on
  private readonly logVariances: tf.Variable; // [T] s_i

  constructor(_config: WeightingConfig, context: WeightingContext, settings: TaskSettings) {
    const T = context.kinds.length;
    [this.factors, this.mask, this.logVariances] = tf.tidy(() => [
      tf.tensor1d(uncertaintyFactors(context.kinds)),
      tf.variable(tf.tensor1d(onMask(settings, T)), false),
      tf.variable(tf.zeros([T]), true),
    ]);
    this.learnedVariables = [this.logVariances];
    this.on = onMask(settings, T);
    this.fused = { kind: 'uncertainty', onMask: () => [...this.on], logVariances: this.logVariances };
  }

  setTaskSettings(settings: TaskSettings): void {
    this.on = onMask(settings, this.factors.size);
    tf.tidy(() => this.mask.assign(tf.tensor1d(onMask(settings, this.factors.size))));
  }

  configure(): void {}

  weights(): tf.Tensor1D {
    return uncertaintyWeights(this.logVariances as tf.Tensor1D, this.factors, this.mask as tf.Tensor1D);
  }

  objective(losses: tf.Tensor1D, weights: tf.Tensor1D): tf.Scalar {
    return uncertaintyObjective(losses, weights, this.logVariances as tf.Tensor1D, this.mask as tf.Tensor1D);
  }

  dispose(): void {
    tf.dispose([this.factors, this.mask, this.logVariances]);
  }
}
