/** A data split uploaded to the compute backend once, so batches are gathered on the device. */
import * as tf from '@tensorflow/tfjs';
import type { PreparedSplit } from '../data/prepareDataset.ts';

export interface DeviceSplit {
  rows: number;
  x: tf.Tensor2D; // [rows, inputSize]
  /** Per task: target with missing values replaced by 0. */
  targets: tf.Tensor1D[]; // each [rows]
  /** Per task: 1 where the target is present, 0 where missing. */
  masks: tf.Tensor1D[]; // each [rows]
}

/** Uploads a prepared split. Caller owns the returned tensors (see {@link disposeDeviceSplit}). */
export function uploadSplit(split: PreparedSplit, inputSize: number): DeviceSplit {
  const masks = split.targets.map((t) => tf.tensor1d(t.map((v) => (Number.isNaN(v) ? 0 : 1))));
  const targets = split.targets.map((t) => tf.tensor1d(t.map((v) => (Number.isNaN(v) ? 0 : v))));
  return { rows: split.rows, x: tf.tensor2d(split.x, [split.rows, inputSize]), targets, masks };
}

/** Frees a split's tensors. */
export function disposeDeviceSplit(split: DeviceSplit): void {
  tf.dispose([split.x, ...split.targets, ...split.masks]);
}
