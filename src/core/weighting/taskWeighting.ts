/**
 * The one interface every task-weighting strategy implements. The trainer calls it and never asks
 * which strategy runs: a strategy owns its variables, gives each step's weights and the objective
 * to differentiate, may operate on the step's gradients, and may update itself once per epoch.
 */
import type * as tf from '@tensorflow/tfjs';
import type { TaskKind } from '../types.ts';
import type { WeightingConfig } from './strategies.ts';

/** The person's manual weights and on/off switches, in task order. */
export interface TaskSettings {
  readonly weights: readonly number[];
  readonly enabled: readonly boolean[];
}

/** What a strategy may use of the run it weights; fixed for the trainer's life. */
export interface WeightingContext {
  readonly kinds: readonly TaskKind[];
  /** The shared trunk's variables (PCGrad projects their gradients). */
  readonly trunk: readonly tf.Variable[];
  /** The last shared dense kernel, one per expert (GradNorm measures gradient norms there); empty without a trunk layer. */
  readonly lastSharedKernels: readonly tf.Variable[];
  /** The run's seeded random numbers, shared with the batch order (PCGrad's projection order). */
  readonly rng: () => number;
  /** Mean training losses of the last few epochs, oldest first (the trainer appends; DWA reads). */
  readonly epochLosses: readonly (readonly number[])[];
  /** Updates variables of the strategy with the strategy's optimiser (Adam, fresh whenever the strategy changes). */
  stepOwn(grads: tf.NamedTensorMap, variables: tf.Variable[]): void;
}

/** One step's gradients as a strategy's surgery sees them; everything lives in the step's tf.tidy. */
export interface StepGradients {
  /** The step's losses [T] and the weights [T] the gradient was taken with. */
  readonly losses: tf.Tensor1D;
  readonly weights: tf.Tensor1D;
  /** Runs the forward pass on the step's batch again, same dropout masks: [T] losses. */
  taskLosses(): tf.Tensor1D;
  /** The objective's gradients by variable name; surgery may replace entries. */
  readonly grads: tf.NamedTensorMap;
}

/**
 * How a fused engine runs a strategy (src/core/fused/): weights assigned from outside the step, or
 * Uncertainty's learned log-variances kept in the engine. Absent: the strategy needs TF.js's step.
 */
export type FusedWeighting =
  { kind: 'assigned'; weights(): number[] } | { kind: 'uncertainty'; onMask(): number[]; logVariances: tf.Variable };

export interface TaskWeighting {
  /** How a fused engine runs this strategy; absent for GradNorm and PCGrad (several backward passes per step). */
  readonly fused?: FusedWeighting;
  /** Whether it sets the weights itself (the sliders only show them; early stopping watches the plain sum). */
  readonly setsOwnWeights: boolean;
  /** Variables learned through {@link objective} together with the network (Uncertainty's log-variances). */
  readonly learnedVariables: readonly tf.Variable[];
  /** The manual weights or on/off switches changed. */
  setTaskSettings(settings: TaskSettings): void;
  /** The same strategy with new settings (DWA's temperature, GradNorm's α); its state is kept. */
  configure(config: WeightingConfig): void;
  /** This step's weights [T], 0 for a task that is off. Caller owns the result (runs inside the step's tape). */
  weights(): tf.Tensor1D;
  /** What the network's gradient is taken of, from the losses [T] and {@link weights}. Caller owns the result. */
  objective(losses: tf.Tensor1D, weights: tf.Tensor1D): tf.Scalar;
  /** Gradient surgery after the backward pass, before penalties and clipping (PCGrad, GradNorm). */
  adjustGradients?(step: StepGradients): void;
  /** A new entry in the context's epoch losses (DWA recomputes its weights). */
  onEpochEnd?(): void;
  /** Frees the strategy's tensors. */
  dispose(): void;
}
