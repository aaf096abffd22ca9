import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../types.ts';
import { buildMultiTaskModel } from './buildMultiTaskModel.ts';

const spec: ModelSpec = {
  inputSize: 5,
  trunk: [
    { units: 8, activation: 'relu', dropout: 0 },
    { units: 4, activation: 'relu', dropout: 0 },
  ],
  headHidden: [0, 0, 0],
  embeddings: [],
  tasks: [
    { name: 'b', kind: 'binary', numClasses: 2, classLabels: ['n', 'y'] },
    { name: 'm', kind: 'multiclass', numClasses: 3, classLabels: ['a', 'b', 'c'] },
    { name: 'r', kind: 'regression', numClasses: 1, classLabels: [] },
  ],
};

describe('buildMultiTaskModel', () => {
  it('gives one output per task with the shape and range of its type', () => {
    const model = buildMultiTaskModel(spec);
    const x = tf.randomNormal([6, 5], 0, 3, 'float32', 1);
    const [b, m, r] = model.predict(x) as tf.Tensor[];
    expect(b?.shape).toEqual([6, 1]);
    expect(m?.shape).toEqual([6, 3]);
    expect(r?.shape).toEqual([6, 1]);
    const probs = b?.dataSync() as Float32Array;
    expect([...probs].every((p) => p > 0 && p < 1)).toBe(true);
    const rowSums = tf.sum(m as tf.Tensor, 1).dataSync();
    for (const s of rowSums) expect(s).toBeCloseTo(1, 5);
    tf.dispose([x, b as tf.Tensor, m as tf.Tensor, r as tf.Tensor]);
    model.dispose();
  });

  it('has the trunk then one head per task, and counts parameters as a dense network should', () => {
    const model = buildMultiTaskModel(spec);
    // trunk 5·8+8 + 8·4+4 = 84; heads 4·1+1 + 4·3+3 + 4·1+1 = 25
    expect(model.countParams()).toBe(84 + 25);
    expect(model.outputs).toHaveLength(3);
    model.dispose();
  });

  it('adds an optional hidden layer to each head', () => {
    const model = buildMultiTaskModel({ ...spec, headHidden: [2, 2, 2] });
    // trunk 84; per head hidden 4·2+2 = 10; outputs 2·1+1 + 2·3+3 + 2·1+1 = 15
    expect(model.countParams()).toBe(84 + 3 * 10 + 15);
    model.dispose();
  });

  it('feeds embedded categorical ids into the shared trunk', () => {
    const model = buildMultiTaskModel({ ...spec, embeddings: [{ name: 'user', vocabSize: 10, dim: 3 }] });
    expect(model.inputs.map((i) => i.shape)).toEqual([
      [null, 5],
      [null, 1],
    ]);
    // embedding 10·3 = 30; trunk now sees 5 + 3 inputs: 8·8+8 + 8·4+4 = 108; heads 25
    expect(model.countParams()).toBe(30 + 108 + 25);
    const out = model.predict([tf.zeros([2, 5]), tf.tensor2d([[0], [9]])]) as tf.Tensor[];
    expect(out[1]?.shape).toEqual([2, 3]);
    tf.dispose(out);
    model.dispose();
  });
});
