/**
 * The common part of the strategies whose weights are plain numbers set from outside the step
 * (Manual, Equal, DWA, PCGrad): one [T] variable, reassigned when the settings change, and the
 * weighted total as the objective.
 */
import * as tf from '@tensorflow/tfjs';
import type { WeightingConfig } from './strategies.ts';
import type { FusedWeighting, TaskSettings, TaskWeighting, WeightingContext } from './taskWeighting.ts';
import { weightedTotal } from './weightedTotal.ts';

export abstract class AssignedWeights implements TaskWeighting {
  abstract readonly setsOwnWeights: boolean;
  readonly learnedVariables: readonly tf.Variable[] = [];
  /** The same weights as plain numbers, for a fused engine (PCGrad, which also assigns weights, drops this). */
  readonly fused?: FusedWeighting = { kind: 'assigned', weights: () => [...this.assigned] };
  private readonly current: tf.Variable; // [T]
  private assigned: number[] = [];

  constructor(
    protected config: WeightingConfig,
    protected readonly context: WeightingContext,
    protected settings: TaskSettings,
  ) {
    this.current = tf.tidy(() => tf.variable(tf.zeros([context.kinds.length]), false));
    this.refresh();
  }

  /** The weights for the current settings, in task order (0 for a task that is off). */
  protected abstract plainWeights(): number[];

  setTaskSettings(settings: TaskSettings): void {
    this.settings = settings;
    this.refresh();
  }

  configure(config: WeightingConfig): void {
    this.config = config;
    this.refresh();
  }

  weights(): tf.Tensor1D {
    return tf.clone(this.current) as tf.Tensor1D;
  }

  objective(losses: tf.Tensor1D, weights: tf.Tensor1D): tf.Scalar {
    return weightedTotal(losses, weights);
  }

  dispose(): void {
    this.current.dispose();
  }

  /** Pushes {@link plainWeights} to the device. */
  protected refresh(): void {
    this.assigned = this.plainWeights();
    tf.tidy(() => this.current.assign(tf.tensor1d(this.assigned)));
  }
}

/** Per task: 1 if on, else 0. */
export function onMask(settings: TaskSettings, count: number): number[] {
  return Array.from({ length: count }, (_, k) => ((settings.enabled[k] ?? true) ? 1 : 0));
}
