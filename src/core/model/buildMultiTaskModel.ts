/** Builds the shared-trunk, multi-head network as one functional `tf.LayersModel`. */
import * as tf from '@tensorflow/tfjs';
import type { ModelSpec, TaskKind } from '../types.ts';

const OUTPUT_ACTIVATION: Record<TaskKind, 'sigmoid' | 'softmax' | 'linear'> = {
  binary: 'sigmoid',
  multiclass: 'softmax',
  regression: 'linear',
};

/** Output width of a task's head: one probability, k class probabilities, or one value. */
export function outputUnits(kind: TaskKind, numClasses: number): number {
  return kind === 'multiclass' ? numClasses : 1;
}

/** Layer-name prefix of task k's head; the trainer uses it to find a head's variables. */
export function headPrefix(taskIndex: number): string {
  return `head${taskIndex}_`;
}

/**
 * inputs [batch, inputSize] → trunk Dense×n → per task (optional Dense hidden) → output.
 * One output per task, in `spec.tasks` order, so it saves in the standard layers format.
 * Caller owns the returned model (dispose it).
 */
export function buildMultiTaskModel(spec: ModelSpec, seed = 1): tf.LayersModel {
  const init = (i: number) => tf.initializers.glorotUniform({ seed: seed * 1000 + i });
  let layerIndex = 0;
  const input = tf.input({ shape: [spec.inputSize], name: 'features' });
  let shared: tf.SymbolicTensor = input;
  spec.trunkUnits.forEach((units, i) => {
    shared = tf.layers
      .dense({ units, activation: spec.activation, kernelInitializer: init(layerIndex++), name: `trunk_dense${i + 1}` })
      .apply(shared) as tf.SymbolicTensor;
  });
  const outputs = spec.tasks.map((task, k) => {
    let h = shared;
    if (spec.headHiddenUnits > 0) {
      h = tf.layers
        .dense({ units: spec.headHiddenUnits, activation: spec.activation, kernelInitializer: init(layerIndex++), name: `${headPrefix(k)}hidden` })
        .apply(h) as tf.SymbolicTensor;
    }
    return tf.layers
      .dense({
        units: outputUnits(task.kind, task.numClasses),
        activation: OUTPUT_ACTIVATION[task.kind],
        kernelInitializer: init(layerIndex++),
        name: `${headPrefix(k)}output`,
      })
      .apply(h) as tf.SymbolicTensor;
  });
  return tf.model({ inputs: input, outputs, name: 'multi_task_net' });
}
