/** A data split uploaded to the compute backend once, so batches are gathered on the device. */
import * as tf from '@tensorflow/tfjs';
import type { PreparedSplit } from '../data/prepareDataset.ts';

export interface DeviceSplit {
  rows: number;
  /** The model's inputs in order: dense features [rows, inputSize] if any, then ids [rows, 1] per embedding. */
  inputs: tf.Tensor2D[];
  /** Per task: target with missing values replaced by 0. */
  targets: tf.Tensor1D[]; // each [rows]
  /**
   * Per task: each row's weight in that task's loss: 0 where the target is missing, else 1, or
   * the class's weight when classes are balanced. Null when every row counts once.
   */
  masks: (tf.Tensor1D | null)[]; // each [rows]
}

/** The model's input tensors for a split. Caller owns them. */
export function uploadInputs(split: PreparedSplit, inputSize: number): tf.Tensor2D[] {
  const dense = inputSize > 0 ? [tf.tensor2d(split.x, [split.rows, inputSize])] : [];
  return [...dense, ...split.embeddingIds.map((ids) => tf.tensor2d(ids, [split.rows, 1]))];
}

/** Uploads a prepared split. Caller owns the returned tensors (see {@link disposeDeviceSplit}). */
export function uploadSplit(
  split: PreparedSplit,
  inputSize: number,
  classWeights: (number[] | null)[] = [],
): DeviceSplit {
  const masks = split.targets.map((t, k) => {
    const weights = classWeights[k];
    if (!weights && !t.some(Number.isNaN)) return null;
    return tf.tensor1d(t.map((v) => (Number.isNaN(v) ? 0 : weights ? (weights[v] ?? 1) : 1)));
  });
  const targets = split.targets.map((t) => tf.tensor1d(t.map((v) => (Number.isNaN(v) ? 0 : v))));
  return { rows: split.rows, inputs: uploadInputs(split, inputSize), targets, masks };
}

/** Frees a split's tensors. */
export function disposeDeviceSplit(split: DeviceSplit): void {
  tf.dispose([...split.inputs, ...split.targets, ...split.masks.filter((m): m is tf.Tensor1D => m !== null)]);
}
