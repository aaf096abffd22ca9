/**
 * Builds the shared-trunk, multi-head network as one functional `tf.LayersModel`, with handles on
 * the variables each part of training needs (so nothing downstream finds them by layer name).
 */
import * as tf from '@tensorflow/tfjs';
import type { Activation, ModelSpec, TaskKind } from '../types.ts';
import { headPrefix, outputUnits, trunkLayerName } from './outputUnits.ts';

export { headPrefix, outputUnits, trunkLayerName } from './outputUnits.ts';

type Layer = tf.LayersModel['layers'][number];

/** The network's trainable variables by role, each list in the model's layer order. */
export interface NetworkVariables {
  /** Shared by every task: embedding tables and the trunk's dense layers (every expert's under MMoE). */
  trunk: tf.Variable[];
  /** Per task, in task order: its gate (MMoE only), optional hidden layer and output layer. */
  heads: tf.Variable[][];
  /** Every dense layer's kernel, trunk and heads (the L1 / L2 penalties apply to these; not biases or embeddings). */
  kernels: tf.Variable[];
  /** The last shared dense layer's kernel, one per expert under MMoE; empty without a trunk layer. */
  lastSharedKernels: tf.Variable[];
}

/** A built network: the model (owns every weight; dispose it), handles on its variables and the MMoE gates. */
export interface MultiTaskNetwork {
  model: tf.LayersModel;
  variables: NetworkVariables;
  /** Under MMoE, per task: its gate's softmax output [batch, experts]; empty for one shared trunk. */
  gates: tf.SymbolicTensor[];
}

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
  return buildMultiTaskNetwork(spec, seed).model;
}

/** {@link buildMultiTaskModel}, with handles on the variables by role. Caller owns `model` (dispose it). */
export function buildMultiTaskNetwork(spec: ModelSpec, seed = 1): MultiTaskNetwork {
  const trunkLayers: Layer[] = [];
  const headLayers: Layer[][] = spec.tasks.map(() => []);
  const denseLayers: Layer[] = [];
  const lastShared: Layer[] = [];
  const gates: tf.SymbolicTensor[] = [];
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
    const embedding = tf.layers.embedding({
      inputDim: e.vocabSize,
      outputDim: e.dim,
      embeddingsInitializer: tf.initializers.randomUniform({
        minval: -0.05,
        maxval: 0.05,
        seed: seed * 1000 + 500 + i,
      }),
      name: `trunk_embed${i}`,
    });
    trunkLayers.push(embedding);
    const vectors = embedding.apply(ids) as tf.SymbolicTensor;
    parts.push(tf.layers.flatten({ name: `trunk_embed${i}_flat` }).apply(vectors) as tf.SymbolicTensor);
  });
  if (parts.length === 0) throw new Error('The model needs at least one input.');
  const joined: tf.SymbolicTensor =
    parts.length === 1
      ? (parts[0] as tf.SymbolicTensor)
      : (tf.layers.concatenate({ name: 'trunk_concat' }).apply(parts) as tf.SymbolicTensor);
  const experts = spec.experts ?? 1;
  // Names: `trunk_…` (shared) or the head's prefix (gates belong to their task); the handles below are by role.
  const tower = (expert: number | null, dropoutSeed: number): tf.SymbolicTensor => {
    let h = joined;
    spec.trunk.forEach((layer, i) => {
      const name = trunkLayerName(i + 1, expert);
      h = dense(h, layer.units, layer.activation, init(layerIndex++), name, [trunkLayers, denseLayers]);
      if (layer.dropout > 0)
        h = tf.layers
          .dropout({
            rate: layer.dropout,
            seed: seed * 1000 + dropoutSeed + i,
            name: `${expert === null ? 'trunk_' : `trunk_expert${expert}_`}dropout${i + 1}`,
          })
          .apply(h) as tf.SymbolicTensor;
    });
    const last = denseLayers[denseLayers.length - 1]; // this tower's last dense layer, when it has one
    if (spec.trunk.length > 0 && last) lastShared.push(last);
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
      const gateLayer = tf.layers.dense({
        units: experts,
        activation: 'softmax',
        kernelInitializer: init(layerIndex++),
        name: `${headPrefix(k)}gate`,
      });
      headLayers[k]?.push(gateLayer);
      denseLayers.push(gateLayer);
      const gate = gateLayer.apply(joined) as tf.SymbolicTensor;
      gates.push(gate);
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
    const own = [headLayers[k] as Layer[], denseLayers];
    if (hidden > 0) h = dense(h, hidden, headActivation, init(layerIndex++), `${headPrefix(k)}hidden`, own);
    return dense(
      h,
      outputUnits(task.kind, task.numClasses),
      OUTPUT_ACTIVATION[task.kind],
      init(layerIndex++),
      `${headPrefix(k)}output`,
      own,
    );
  });
  // A chained task (ESMM) outputs p(condition) · p(task | condition); the product has no weights of its own.
  const chained = outputs.map((own, k) => {
    const c = spec.tasks[k]?.chainedTo;
    const condition = c === undefined ? undefined : outputs[c];
    if (c === undefined) return own;
    if (!condition || spec.tasks[c]?.chainedTo !== undefined)
      throw new Error(`Task ${k} is chained to task ${c}, which is not an unchained task of the model.`);
    return tf.layers.multiply({ name: `${headPrefix(k)}chained` }).apply([condition, own]) as tf.SymbolicTensor;
  });
  const model = tf.model({ inputs, outputs: chained, name: 'multi_task_net' });
  // In the model's layer order, as optimisers and gradient sums have always seen them (runs reproduce).
  const variablesOf = (layers: Layer[]) =>
    model.layers
      .filter((l) => layers.includes(l))
      .flatMap((l) => l.trainableWeights.map((w) => w.read() as tf.Variable));
  const kernelOf = (l: Layer) => l.trainableWeights[0]?.read() as tf.Variable;
  return {
    model,
    variables: {
      trunk: variablesOf(trunkLayers),
      heads: headLayers.map(variablesOf),
      kernels: model.layers.filter((l) => denseLayers.includes(l)).map(kernelOf),
      lastSharedKernels: lastShared.map(kernelOf),
    },
    gates,
  };
}

/**
 * A dense layer, recorded in each of `into`; leaky ReLU (no activation string in TF.js) is a layer
 * of its own after a linear dense.
 */
function dense(
  input: tf.SymbolicTensor,
  units: number,
  activation: Activation | 'softmax',
  kernelInitializer: ReturnType<typeof tf.initializers.glorotUniform>,
  name: string,
  into: Layer[][],
): tf.SymbolicTensor {
  const layer = tf.layers.dense({
    units,
    activation: activation === 'leakyRelu' ? 'linear' : activation,
    kernelInitializer,
    name,
  });
  into.forEach((list) => list.push(layer));
  const out = layer.apply(input) as tf.SymbolicTensor;
  return activation === 'leakyRelu'
    ? (tf.layers.leakyReLU({ alpha: 0.2, name: `${name}_leaky` }).apply(out) as tf.SymbolicTensor)
    : out;
}
