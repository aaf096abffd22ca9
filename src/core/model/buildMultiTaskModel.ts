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
 * Model inputs, in order: the dense features [batch, inputSize] (when inputSize > 0), then one
 * [batch, 1] id input per embedded column. Embeddings are part of the shared trunk.
 * → concat → trunk Dense×n → per task (optional Dense hidden) → output.
 * One output per task, in `spec.tasks` order, so it saves in the standard layers format.
 * Caller owns the returned model (dispose it).
 */
export function buildMultiTaskModel(spec: ModelSpec, seed = 1): tf.LayersModel {
  const init = (i: number) => tf.initializers.glorotUniform({ seed: seed * 1000 + i });
  let layerIndex = 0;
  const inputs: tf.SymbolicTensor[] = [];
  const parts: tf.SymbolicTensor[] = [];
  if (spec.inputSize > 0) {
    const features = tf.input({ shape: [spec.inputSize], name: 'features' });
    inputs.push(features);
    parts.push(features);
  }
  spec.embeddings.forEach((e, i) => {
    const ids = tf.input({ shape: [1], name: `embed${i}_ids` });
    inputs.push(ids);
    const vectors = tf.layers
      .embedding({ inputDim: e.vocabSize, outputDim: e.dim, embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed: seed * 1000 + 500 + i }), name: `trunk_embed${i}` })
      .apply(ids) as tf.SymbolicTensor;
    parts.push(tf.layers.flatten({ name: `trunk_embed${i}_flat` }).apply(vectors) as tf.SymbolicTensor);
  });
  if (parts.length === 0) throw new Error('The model needs at least one input.');
  let shared: tf.SymbolicTensor = parts.length === 1 ? (parts[0] as tf.SymbolicTensor) : (tf.layers.concatenate({ name: 'trunk_concat' }).apply(parts) as tf.SymbolicTensor);
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
  return tf.model({ inputs, outputs, name: 'multi_task_net' });
}
