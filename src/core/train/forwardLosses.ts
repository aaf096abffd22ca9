/** The network's training-mode forward pass on a batch, and each task's loss on it. */
import * as tf from '@tensorflow/tfjs';
import type { TaskSpec } from '../types.ts';
import type { Batch } from './batcher.ts';
import { lossForTask } from './taskLosses.ts';

/** Each head's output on the inputs, with dropout on: per task [rows, width]. Caller owns them. */
export function trainingOutputs(model: tf.LayersModel, inputs: tf.Tensor[]): tf.Tensor[] {
  const out = model.apply(inputs, { training: true }) as tf.Tensor | tf.Tensor[];
  return Array.isArray(out) ? out : [out];
}

/** Task k's loss on a batch. Caller owns the result. */
export function taskLossOn(model: tf.LayersModel, tasks: readonly TaskSpec[], batch: Batch, k: number): tf.Scalar {
  const task = tasks[k] as TaskSpec;
  return lossForTask(task.kind)(
    trainingOutputs(model, batch.inputs)[k] as tf.Tensor,
    batch.targets[k] as tf.Tensor1D,
    batch.masks[k] ?? null,
  );
}

/** Every task's loss on a batch from one forward pass: [T]. Caller owns the result. */
export function taskLossesOn(model: tf.LayersModel, tasks: readonly TaskSpec[], batch: Batch): tf.Tensor1D {
  return tf.tidy(() => {
    const outputs = trainingOutputs(model, batch.inputs);
    return tf.stack(
      tasks.map((task, k) =>
        lossForTask(task.kind)(outputs[k] as tf.Tensor, batch.targets[k] as tf.Tensor1D, batch.masks[k] ?? null),
      ),
    ) as tf.Tensor1D;
  });
}
