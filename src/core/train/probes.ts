/**
 * What the trainer reports about the network besides losses and metrics, measured on the first
 * rows of the training split: how much the tasks' gradients on the shared trunk conflict, and,
 * under MMoE, how much each task draws on each expert.
 */
import type * as tf from '@tensorflow/tfjs';
import type { TaskSpec } from '../types.ts';
import { leadingRows } from './batcher.ts';
import type { DeviceSplit } from './deviceSplit.ts';
import { ExpertGates } from './expertGates.ts';
import { taskLossOn } from './forwardLosses.ts';
import { measureGradientConflict } from './gradientConflict.ts';

export class TrainingProbes {
  private readonly expertGates: ExpertGates | null; // MMoE only

  /** gates: per task, its MMoE gate's output in `model` (none for one shared trunk). Owns nothing. */
  constructor(
    private readonly model: tf.LayersModel,
    private readonly tasks: readonly TaskSpec[],
    private readonly train: DeviceSplit,
    private readonly trunk: tf.Variable[],
    gates: tf.SymbolicTensor[],
  ) {
    this.expertGates = gates.length > 0 ? new ExpertGates(model, gates) : null;
  }

  /**
   * Cosine similarity between each pair of tasks' gradients on the shared trunk, on the first
   * `rows` training rows (without dropout's randomness mattering much). Read back asynchronously.
   */
  async gradientConflict(rows = 512): Promise<number[][]> {
    const n = Math.min(rows, this.train.rows);
    return measureGradientConflict(() => {
      const batch = leadingRows(this.train, n);
      return this.tasks.map((_, k) => () => taskLossOn(this.model, this.tasks, batch, k));
    }, this.trunk);
  }

  /**
   * Under MMoE: each task's mean gate weight per expert on the first `rows` training rows,
   * [task][expert], each row summing to 1. Null for one shared trunk.
   */
  async expertUsage(rows = 512): Promise<number[][] | null> {
    return this.expertGates ? this.expertGates.meanUsage(this.train.inputs, Math.min(rows, this.train.rows)) : null;
  }
}
