/**
 * Dropout in the WASM engine: TF.js's Dropout layer draws its own masks, so the reference here is a
 * hand-written TF.js forward pass on the engine's own parameters that multiplies each trunk
 * layer's activation by dropoutFactor(rate, seed, step, layer, row, unit) (dropoutMask.ts), the
 * app's loss functions (taskLosses.ts), and tf.variableGrads. One SGD step at learning rate 1 then
 * moves each parameter by −g.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { binaryCrossEntropy, meanSquaredError, sparseCategoricalCrossEntropy } from '../../train/taskLosses.ts';
import type { TrainerOptions } from '../../train/multiTaskTrainer.ts';
import { dropoutFactor } from '../dropoutMask.ts';
import type { FusedLayer, FusedPlan } from '../fusedPlan.ts';
import { planLayers } from '../fusedPlan.ts';
import { fusedTrainingData } from '../trainingData.ts';
import { assigned, BASE_OPTIONS, delta, makeRig, maxAbs, rigData, worstError } from './engineRig.ts';

const OPTIONS: TrainerOptions = {
  ...BASE_OPTIONS,
  optimizer: 'sgd',
  learningRate: 1,
  trunk: [
    { units: 10, activation: 'relu', dropout: 0.3 },
    { units: 7, activation: 'selu', dropout: 0.25 },
  ],
  headHidden: [0, 4, 0],
};
const WEIGHTS = [1, 0.5, 2];
const STEP = 7;

const ACTIVATE: Record<FusedLayer['activation'], (x: tf.Tensor) => tf.Tensor> = {
  relu: tf.relu,
  leakyRelu: (x) => tf.leakyRelu(x, 0.2),
  elu: tf.elu,
  selu: tf.selu,
  tanh: tf.tanh,
  sigmoid: tf.sigmoid,
  linear: (x) => x,
  softmax: (x) => tf.softmax(x),
};

/** The hash mask of trunk layer `layer` for a batch of `rows`: [rows, units]. */
function maskOf(plan: FusedPlan, layer: number, rows: number, step: number): tf.Tensor2D {
  const { units, dropout } = plan.trunk[layer] as FusedLayer;
  const values = new Float32Array(rows * units);
  for (let r = 0; r < rows; r++)
    for (let u = 0; u < units; u++) values[r * units + u] = dropoutFactor(dropout, plan.seed, step, layer, r, u);
  return tf.tensor2d(values, [rows, units]);
}

/** The loss vector [L₁…L_T, total] and the gradient (flat, plan layout) of Σ wₖLₖ, by hand in TF.js. */
function reference(plan: FusedPlan, params: Float32Array, batch: Int32Array, step: number, dropout: boolean) {
  const prepared = rigData(96, true);
  const data = fusedTrainingData(prepared.train, prepared.classWeights);
  const layers = planLayers(plan);
  const variables = tf.tidy(() =>
    layers.flatMap((l) => [
      tf.variable(tf.tensor2d(params.slice(l.kernel, l.bias), [l.inputs, l.units])),
      tf.variable(tf.tensor1d(params.slice(l.bias, l.bias + l.units))),
    ]),
  );
  const rows = Array.from(batch);
  const pick = (values: Float32Array, width: number) =>
    tf.tensor2d(
      rows.flatMap((r) => Array.from(values.subarray(r * width, (r + 1) * width))),
      [rows.length, width],
    );
  let losses: number[] = [];
  const { grads, value } = tf.variableGrads(() => {
    const dense = (h: tf.Tensor, i: number) =>
      tf.add(tf.matMul(h as tf.Tensor2D, variables[2 * i] as tf.Tensor2D), variables[2 * i + 1] as tf.Tensor);
    let h: tf.Tensor = pick(data.x, plan.inputSize);
    plan.trunk.forEach((l, i) => {
      h = ACTIVATE[l.activation](dense(h, i));
      if (dropout) h = tf.mul(h, maskOf(plan, i, rows.length, step));
    });
    let index = plan.trunk.length;
    const taskLosses = plan.tasks.map((task, k) => {
      let out = h;
      for (const l of task.layers) out = ACTIVATE[l.activation](dense(out, index++));
      const y = tf.tensor1d(rows.map((r) => (data.targets[k] as Float32Array)[r] as number));
      const r = tf.tensor1d(rows.map((i) => (data.rowWeights[k] as Float32Array)[i] as number));
      const loss =
        task.kind === 'binary'
          ? binaryCrossEntropy
          : task.kind === 'multiclass'
            ? sparseCategoricalCrossEntropy
            : meanSquaredError;
      return loss(out, y, r);
    });
    const stacked = tf.stack(taskLosses) as tf.Tensor1D;
    losses = Array.from(stacked.dataSync());
    return tf.sum(tf.mul(stacked, tf.tensor1d(WEIGHTS))) as tf.Scalar;
  }, variables);
  const gradient = new Float32Array(plan.parameterCount);
  layers.forEach((l, i) => {
    gradient.set(grads[(variables[2 * i] as tf.Variable).name]?.dataSync() as Float32Array, l.kernel);
    gradient.set(grads[(variables[2 * i + 1] as tf.Variable).name]?.dataSync() as Float32Array, l.bias);
  });
  const vector = Float32Array.from([...losses, value.dataSync()[0] as number]);
  tf.dispose([value, ...Object.values(grads), ...variables]);
  return { vector, gradient };
}

describe('WASM engine dropout: the hash masks of dropoutMask.ts, inverted scaling', () => {
  it('takes the gradient of the loss with those masks applied (SGD, learning rate 1: Δw = −g)', async () => {
    const rig = await makeRig(OPTIONS, rigData(96, true));
    const { engine, plan } = rig;
    const before = await engine.readParameters();
    const batch = rig.batcher.batchIndices(0).slice();
    const tensors = tf.memory().numTensors;
    const expected = reference(plan, before, batch, STEP, true);
    expect(tf.memory().numTensors).toBe(tensors);
    const vector = await engine.step({ ...assigned(WEIGHTS), batch, step: STEP, learningRate: 1 }).read();
    const change = delta(await engine.readParameters(), before);

    expect(worstError(vector.subarray(0, 4), expected.vector, 1e-5, 1e-7)).toBeLessThan(1);
    const g = expected.gradient.map((v) => -v);
    const scale = maxAbs(g);
    expect(scale).toBeGreaterThan(1e-3);
    expect(worstError(change, g, 1e-4, 1e-6 + 1e-5 * scale + 2e-7 * maxAbs(before))).toBeLessThan(1);

    // The masks matter: without them (or with another step's) the reference differs from what the engine did.
    const plain = reference(plan, before, batch, STEP, false);
    expect(worstError(vector.subarray(0, 4), plain.vector, 1e-3, 0)).toBeGreaterThan(1);
    const other = reference(plan, before, batch, STEP + 1, true);
    expect(worstError(vector.subarray(0, 4), other.vector, 1e-3, 0)).toBeGreaterThan(1);
    rig.dispose();
  });
});
