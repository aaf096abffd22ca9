/**
 * One optimiser step on a batch: the task losses, the weighting strategy's objective and gradient
 * surgery, the L1 / L2 penalties and clipping, then each optimiser's update. The strategy decides
 * what it does; this file never asks which strategy runs.
 */
import * as tf from '@tensorflow/tfjs';
import type { NetworkVariables } from '../model/buildMultiTaskModel.ts';
import type { TaskSpec } from '../types.ts';
import type { TaskWeighting } from '../weighting/taskWeighting.ts';
import { weightedTotal } from '../weighting/weightedTotal.ts';
import type { Batch } from './batcher.ts';
import { taskLossesOn } from './forwardLosses.ts';
import { clipByGlobalNorm } from './gradientMath.ts';
import type { PartitionedOptimizers } from './partitionedOptimizers.ts';

/** What a step works on; fixed for a run except the strategy, passed per step. */
export interface StepTarget {
  model: tf.LayersModel;
  tasks: readonly TaskSpec[];
  variables: NetworkVariables;
  optimizers: PartitionedOptimizers;
  /** L1 and L2 penalties on every kernel, and the global-norm clip (0 = none). */
  l1: number;
  l2: number;
  clipNorm: number;
}

/**
 * Takes one step on `batch` under `weighting`; heads whose `headTrains(k)` is false keep their
 * parameters and optimiser state. Returns [L₁…L_T, total, w₁…w_T] (total = Σ wᵢ·Lᵢ), still on the
 * device. Caller owns the returned tensor.
 */
export function optimizationStep(
  target: StepTarget,
  weighting: TaskWeighting,
  batch: Batch,
  headTrains: (k: number) => boolean,
): tf.Tensor1D {
  const { model, tasks, variables, optimizers } = target;
  const T = tasks.length;
  return tf.tidy(() => {
    const taskLosses = () => taskLossesOn(model, tasks, batch);
    let vector: tf.Tensor1D | null = null; // kept: the tape's own scope frees everything else made inside it
    const { grads } = tf.variableGrads(() => {
      const losses = taskLosses();
      const weights = weighting.weights();
      vector = tf.keep(tf.concat([losses, tf.reshape(weightedTotal(losses, weights), [1]), weights]) as tf.Tensor1D);
      return weighting.objective(losses, weights);
    }, [...variables.trunk, ...variables.heads.flat(), ...weighting.learnedVariables]);
    const kept = vector as unknown as tf.Tensor1D;
    weighting.adjustGradients?.({ losses: kept.slice(0, T), weights: kept.slice(T + 1, T), taskLosses, grads });
    addKernelPenalties(grads, variables.kernels, target.l1, target.l2);
    if (target.clipNorm > 0) clipInPlace(grads, target.clipNorm);
    optimizers.step(grads, variables.trunk, variables.heads, headTrains);
    if (weighting.learnedVariables.length > 0) optimizers.stepStrategy(grads, [...weighting.learnedVariables]);
    return kept;
  });
}

/** g ← g + l1·sign(W) + 2·l2·W for every kernel W that has a gradient. */
function addKernelPenalties(grads: tf.NamedTensorMap, kernels: tf.Variable[], l1: number, l2: number): void {
  if (l1 <= 0 && l2 <= 0) return;
  for (const k of kernels) {
    const g = grads[k.name];
    if (g) grads[k.name] = tf.add(g, tf.add(tf.mul(tf.sign(k), l1), tf.mul(k, 2 * l2)));
  }
}

/** Clips every gradient in the map (the strategy's learned variables' too) by their joint global norm. */
function clipInPlace(grads: tf.NamedTensorMap, clipNorm: number): void {
  const names = Object.keys(grads);
  const clipped = clipByGlobalNorm(
    names.map((n) => grads[n] as tf.Tensor),
    clipNorm,
  );
  names.forEach((n, i) => (grads[n] = clipped[i] as tf.Tensor));
}
