/**
 * One training step against a reference computed independently: a hand-written forward pass on
 * the model's own weight values (matMul + bias, relu / tanh, sigmoid / softmax / linear heads),
 * hand-written masked losses, and tf.grads. With plain SGD every parameter must move by −η·∇(Σ wᵢLᵢ).
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { PreparedDataset } from '../data/prepareDataset.ts';
import { toyDataset } from '../testing/toyData.ts';
import { MultiTaskTrainer, type TrainerOptions } from './multiTaskTrainer.ts';

/** The toy tasks (binary, 3-class, regression) with some targets missing and class weights on the binary task. */
function maskedData(): PreparedDataset {
  const data = toyDataset(120);
  const targets = data.train.targets.map((t, k) => t.map((v, i) => (i % (5 + k) === 2 ? NaN : v)));
  return { ...data, train: { ...data.train, targets }, classWeights: [[0.7, 1.6], null, null] };
}

const LAYERS = ['trunk_dense1', 'trunk_dense2', 'head0_output', 'head1_hidden', 'head1_output', 'head2_output'];
const η = 0.5;

function options(data: PreparedDataset, weights: number[]): TrainerOptions {
  return {
    trunk: [
      { units: 6, activation: 'relu', dropout: 0 },
      { units: 4, activation: 'tanh', dropout: 0 },
    ],
    headHidden: [0, 3, 0],
    batchSize: data.train.rows, // one full batch: its row order does not change a mean
    learningRate: η,
    optimizer: 'sgd',
    seed: 3,
    weights,
  };
}

/** Every layer's [kernel, bias] values, flattened, in LAYERS order. */
function parameters(trainer: MultiTaskTrainer): Float32Array[] {
  return LAYERS.flatMap((name) =>
    trainer.model
      .getLayer(name)
      .getWeights()
      .map((w) => w.dataSync<'float32'>().slice()),
  );
}

/** Σ wᵢ·Lᵢ on the training split, written out by hand; params in LAYERS order: [W, b] per layer. */
function referenceTotal(data: PreparedDataset, weights: number[], params: tf.Tensor[]): tf.Scalar {
  const [W1, b1, W2, b2, V0, c0, H1, h1, V1, c1, V2, c2] = params as tf.Tensor2D[];
  const dense = (x: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor) => tf.add(tf.matMul(x, W), b) as tf.Tensor2D;
  const x = tf.tensor2d(data.train.x, [data.train.rows, data.inputSize]);
  const trunk = tf.tanh(dense(tf.relu(dense(x, W1!, b1!)), W2!, b2!)) as tf.Tensor2D;
  const outputs = [
    tf.sigmoid(dense(trunk, V0!, c0!)),
    tf.softmax(dense(tf.tanh(dense(trunk, H1!, h1!)) as tf.Tensor2D, V1!, c1!)),
    dense(trunk, V2!, c2!),
  ];
  const losses = data.tasks.map((task, k) => {
    const raw = data.train.targets[k] as Float32Array;
    const y = tf.tensor1d(raw.map((v) => (Number.isNaN(v) ? 0 : v)));
    const classWeight = data.classWeights[k];
    const r = tf.tensor1d(raw.map((v) => (Number.isNaN(v) ? 0 : classWeight ? (classWeight[v] as number) : 1)));
    const out = outputs[k] as tf.Tensor2D;
    let perRow: tf.Tensor;
    if (task.kind === 'binary') {
      const p = tf.reshape(out, [-1]);
      perRow = tf.neg(tf.add(tf.mul(y, tf.log(p)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p)))));
    } else if (task.kind === 'multiclass') {
      perRow = tf.neg(tf.sum(tf.mul(tf.oneHot(tf.cast(y, 'int32'), task.numClasses), tf.log(out)), 1));
    } else perRow = tf.square(tf.sub(tf.reshape(out, [-1]), y));
    return tf.div(tf.sum(tf.mul(perRow, r)), tf.sum(r));
  });
  return tf.addN(losses.map((l, k) => tf.mul(l, weights[k] as number))) as tf.Scalar;
}

/** Each parameter's change over one trainer step, and the reference −η·∇(Σ wᵢLᵢ). */
function oneStep(data: PreparedDataset, weights: number[]) {
  const trainer = new MultiTaskTrainer(data, options(data, weights));
  const before = parameters(trainer);
  const expected = tf.tidy(() => {
    const values = before.map((v, i) => {
      const [layer, part] = [LAYERS[Math.floor(i / 2)] as string, i % 2];
      return tf.tensor(v, trainer.model.getLayer(layer).getWeights()[part]?.shape);
    });
    const grads = tf.grads((...ps: tf.Tensor[]) => referenceTotal(data, weights, ps))(values);
    return grads.map((g) => tf.mul(g, -η).dataSync<'float32'>().slice());
  });
  trainer.trainStep().dispose();
  const delta = parameters(trainer).map((after, i) => after.map((v, j) => v - (before[i]?.[j] as number)));
  trainer.dispose();
  return { delta, expected };
}

const maxAbs = (xs: Float32Array) => Math.max(...xs.map(Math.abs));

describe('one SGD step on the weighted task losses', () => {
  it('moves every trunk and head parameter by exactly −η·∇(Σ wᵢLᵢ), masks and class weights included', () => {
    const data = maskedData();
    expect(data.embeddings).toHaveLength(0);
    expect(data.tasks.map((t) => t.kind)).toEqual(['binary', 'multiclass', 'regression']);
    for (const weights of [
      [1, 1, 1],
      [2, 0.5, 1.5],
    ]) {
      const { delta, expected } = oneStep(data, weights);
      delta.forEach((d, i) => {
        expect(maxAbs(d)).toBeGreaterThan(1e-4); // every parameter tensor moves
        const e = expected[i] as Float32Array;
        d.forEach((v, j) =>
          expect(Math.abs(v - (e[j] as number))).toBeLessThan(2e-6 + 1e-4 * Math.abs(e[j] as number)),
        );
      });
    }
  });

  it("scales a task's pull on the trunk with its weight, and leaves a head at weight 0 untouched", () => {
    const data = maskedData();
    const trunkParams = 4; // W, b of trunk_dense1 and trunk_dense2
    const [d1, d3, d0] = [
      [1, 1, 1],
      [3, 1, 1],
      [0, 1, 1],
    ].map((w) => oneStep(data, w).delta);
    // Linear in w₀: Δ(3) − Δ(1) = 2·(Δ(1) − Δ(0)) on every trunk parameter.
    for (let i = 0; i < trunkParams; i++) {
      const [a, b, c] = [d1, d3, d0].map((d) => d?.[i] as Float32Array);
      expect(maxAbs(a!.map((v, j) => (b![j] as number) - v))).toBeGreaterThan(1e-4);
      a!.forEach((v, j) => expect((b![j] as number) - v).toBeCloseTo(2 * (v - (c![j] as number)), 5));
    }
    // w₀ = 0: head 0 (params 4, 5) does not move; the other heads do.
    const head0 = [4, 5].map((i) => d0?.[i] as Float32Array);
    head0.forEach((d) => expect(maxAbs(d)).toBe(0));
    for (let i = 6; i < LAYERS.length * 2; i++) expect(maxAbs(d0?.[i] as Float32Array)).toBeGreaterThan(1e-4);
  });
});
