/** Builds the shared-trunk, multi-head network as one functional `tf.LayersModel`. */
import * as tf from '@tensorflow/tfjs';
import type { Activation, ModelSpec, TaskKind } from '../types.ts';
import { headPrefix, outputUnits, trunkLayerName } from './outputUnits.ts';

export { headPrefix, outputUnits, trunkLayerName } from './outputUnits.ts';

const OUTPUT_ACTIVATION: Record<TaskKind, 'sigmoid' | 'softmax' | 'linear'> = {
  binary: 'sigmoid',
  multiclass: 'softmax',
  regression: 'linear',
};

/**
 * Model inputs, in order: the dense features [batch, inputSize] (when inputSize > 0), then one
 * [batch, 1] id input per embedded column. Embeddings are part of the shared trunk.
 * → concat → trunk Dense×n → per task (optional Dense hidden) → output. With `experts` ≥ 2 the trunk
 * is n parallel experts mixed per task by a softmax gate (MMoE).
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
      .embedding({
        inputDim: e.vocabSize,
        outputDim: e.dim,
        embeddingsInitializer: tf.initializers.randomUniform({
          minval: -0.05,
          maxval: 0.05,
          seed: seed * 1000 + 500 + i,
        }),
        name: `trunk_embed${i}`,
      })
      .apply(ids) as tf.SymbolicTensor;
    parts.push(tf.layers.flatten({ name: `trunk_embed${i}_flat` }).apply(vectors) as tf.SymbolicTensor);
  });
  if (parts.length === 0) throw new Error('The model needs at least one input.');
  const joined: tf.SymbolicTensor =
    parts.length === 1
      ? (parts[0] as tf.SymbolicTensor)
      : (tf.layers.concatenate({ name: 'trunk_concat' }).apply(parts) as tf.SymbolicTensor);
  const experts = spec.experts ?? 1;
  // Layer names start with `trunk_` (shared, one optimiser) or the head's prefix (gates belong to their task).
  const tower = (expert: number | null, dropoutSeed: number): tf.SymbolicTensor => {
    let h = joined;
    spec.trunk.forEach((layer, i) => {
      const name = trunkLayerName(i + 1, expert);
      h = dense(h, layer.units, layer.activation, init(layerIndex++), name);
      if (layer.dropout > 0)
        h = tf.layers
          .dropout({
            rate: layer.dropout,
            seed: seed * 1000 + dropoutSeed + i,
            name: `${expert === null ? 'trunk_' : `trunk_expert${expert}_`}dropout${i + 1}`,
          })
          .apply(h) as tf.SymbolicTensor;
    });
    return h;
  };
  let taskInputs: tf.SymbolicTensor[];
  if (experts <= 1) {
    const shared = tower(null, 900);
    taskInputs = spec.tasks.map(() => shared);
  } else {
    const width = spec.trunk[spec.trunk.length - 1]?.units;
    if (width === undefined)
      throw new Error('Experts need at least one trunk layer: each expert is a copy of the trunk.');
    // Each expert's output as a [1, width] row, stacked into [experts, width].
    const rows = Array.from(
      { length: experts },
      (_, e) =>
        tf.layers
          .reshape({ targetShape: [1, width], name: `trunk_expert${e + 1}_row` })
          .apply(tower(e + 1, 900 + 20 * e)) as tf.SymbolicTensor,
    );
    const stacked = tf.layers.concatenate({ axis: 1, name: 'trunk_experts' }).apply(rows) as tf.SymbolicTensor;
    taskInputs = spec.tasks.map((_, k) => {
      // The gate sees the inputs, as in the paper: softmax over experts, then a weighted sum of their rows.
      const gate = tf.layers
        .dense({
          units: experts,
          activation: 'softmax',
          kernelInitializer: init(layerIndex++),
          name: `${headPrefix(k)}gate`,
        })
        .apply(joined) as tf.SymbolicTensor;
      const gateRow = tf.layers
        .reshape({ targetShape: [1, experts], name: `${headPrefix(k)}gate_row` })
        .apply(gate) as tf.SymbolicTensor;
      const mixed = tf.layers
        .dot({ axes: [2, 1], name: `${headPrefix(k)}mix` })
        .apply([gateRow, stacked]) as tf.SymbolicTensor;
      return tf.layers.flatten({ name: `${headPrefix(k)}mixed` }).apply(mixed) as tf.SymbolicTensor;
    });
  }
  const headActivation = spec.trunk[spec.trunk.length - 1]?.activation ?? 'relu';
  const outputs = spec.tasks.map((task, k) => {
    let h = taskInputs[k] as tf.SymbolicTensor;
    const hidden = spec.headHidden[k] ?? 0;
    if (hidden > 0) h = dense(h, hidden, headActivation, init(layerIndex++), `${headPrefix(k)}hidden`);
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

/** A dense layer; leaky ReLU (no activation string in TF.js) is a layer of its own after a linear dense. */
function dense(
  input: tf.SymbolicTensor,
  units: number,
  activation: Activation,
  kernelInitializer: ReturnType<typeof tf.initializers.glorotUniform>,
  name: string,
): tf.SymbolicTensor {
  const out = tf.layers
    .dense({ units, activation: activation === 'leakyRelu' ? 'linear' : activation, kernelInitializer, name })
    .apply(input) as tf.SymbolicTensor;
  return activation === 'leakyRelu'
    ? (tf.layers.leakyReLU({ alpha: 0.2, name: `${name}_leaky` }).apply(out) as tf.SymbolicTensor)
    : out;
}
