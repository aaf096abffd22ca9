/**
 * The training batches: a seeded permutation of the training rows drawn at the start of each
 * epoch, and each step's rows gathered from the device-resident split by it (no upload per step).
 */
import * as tf from '@tensorflow/tfjs';
import { shuffleInPlace } from '../rng.ts';
import type { DeviceSplit } from './deviceSplit.ts';

/** Rows of a split on the device, as the model and the losses take them. */
export interface Batch {
  /** The model's inputs: dense features [rows, inputSize] if any, then ids [rows, 1] per embedding. */
  inputs: tf.Tensor[];
  /** Per task: target [rows] (missing ones replaced by 0). */
  targets: tf.Tensor1D[];
  /** Per task: each row's weight in the loss [rows], or null when every row counts once. */
  masks: (tf.Tensor1D | null)[];
}

export class EpochBatcher {
  readonly stepsPerEpoch: number;
  private permutation: tf.Tensor1D | null = null; // [rows] int32, this epoch's row order
  private order: Int32Array = new Int32Array(0); // the same order, here (the fused engines gather by it)

  /** rng: the run's seeded random numbers (the batcher draws from it at each epoch's first step). */
  constructor(
    private readonly split: DeviceSplit,
    private readonly batchSize: number,
    private readonly rng: () => number,
  ) {
    this.stepsPerEpoch = Math.ceil(split.rows / batchSize);
  }

  /** Rows in the batch at step `stepInEpoch` of an epoch (the last batch may be short). */
  rows(stepInEpoch: number): number {
    return Math.min(this.batchSize, this.split.rows - stepInEpoch * this.batchSize);
  }

  /**
   * The batch of step `stepInEpoch`; step 0 draws the epoch's permutation first. Caller owns the
   * returned tensors (call it inside tf.tidy).
   */
  batch(stepInEpoch: number): Batch {
    if (stepInEpoch === 0) this.shuffle();
    const rows = (this.permutation as tf.Tensor1D).slice(stepInEpoch * this.batchSize, this.rows(stepInEpoch));
    return {
      inputs: this.split.inputs.map((input) => tf.gather(input, rows)),
      targets: this.split.targets.map((t) => tf.gather(t, rows)),
      masks: this.split.masks.map((m) => (m ? tf.gather(m, rows) : null)),
    };
  }

  /**
   * The row indices of step `stepInEpoch`'s batch, for an engine that keeps the split itself; step 0
   * draws the epoch's permutation first, as {@link batch} does (the two draw the same order).
   */
  batchIndices(stepInEpoch: number): Int32Array {
    if (stepInEpoch === 0) this.shuffle();
    const start = stepInEpoch * this.batchSize;
    return this.order.subarray(start, start + this.rows(stepInEpoch));
  }

  dispose(): void {
    this.permutation?.dispose();
    this.permutation = null;
  }

  private shuffle(): void {
    const order = shuffleInPlace(
      Int32Array.from({ length: this.split.rows }, (_, i) => i),
      this.rng,
    );
    this.order = order;
    this.permutation?.dispose();
    this.permutation = tf.keep(tf.tensor1d(order, 'int32')); // outlives the step's tidy
  }
}

/** The first `rows` rows of a split (the probes' fixed sample). Caller owns the returned tensors. */
export function leadingRows(split: DeviceSplit, rows: number): Batch {
  return {
    inputs: split.inputs.map((input) => input.slice([0, 0], [rows, -1])),
    targets: split.targets.map((t) => t.slice(0, rows)),
    masks: split.masks.map((m) => (m ? m.slice(0, rows) : null)),
  };
}
