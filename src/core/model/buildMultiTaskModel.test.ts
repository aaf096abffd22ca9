import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../types.ts';
import { buildMultiTaskModel, buildMultiTaskNetwork, trunkLayerName } from './buildMultiTaskModel.ts';
import { countParameters } from './parameterCounts.ts';

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

  it('counts parameters from the spec exactly as the built model does, shared trunk or experts', () => {
    const variants: ModelSpec[] = [
      spec,
      { ...spec, headHidden: [3, 0, 2], embeddings: [{ name: 'user', vocabSize: 10, dim: 3 }] },
      { ...spec, experts: 3 },
      { ...spec, experts: 4, headHidden: [0, 5, 0], embeddings: [{ name: 'user', vocabSize: 7, dim: 2 }] },
    ];
    for (const v of variants) {
      const model = buildMultiTaskModel(v);
      expect(countParameters(v).total).toBe(model.countParams());
      model.dispose();
    }
    // 3 experts × 84 trunk parameters; each head adds a gate of 5·3+3 = 18
    expect(countParameters({ ...spec, experts: 3 }).total).toBe(3 * 84 + 25 + 3 * 18);
  });

  it('mixes experts with a softmax gate per task: identical experts give the shared-trunk network', () => {
    const shared = buildMultiTaskModel(spec, 5);
    const mmoe = buildMultiTaskModel({ ...spec, experts: 3 }, 5);
    // Copy the shared trunk into every expert and the heads across; leave the gates random.
    const weightsOf = (m: tf.LayersModel, name: string) => m.getLayer(name).getWeights();
    for (let e = 1; e <= 3; e++)
      for (const i of [1, 2])
        mmoe.getLayer(`trunk_expert${e}_dense${i}`).setWeights(weightsOf(shared, `trunk_dense${i}`));
    for (let k = 0; k < 3; k++) mmoe.getLayer(`head${k}_output`).setWeights(weightsOf(shared, `head${k}_output`));
    const x = tf.randomNormal([4, 5], 0, 2, 'float32', 9);
    const a = shared.predict(x) as tf.Tensor[];
    const b = mmoe.predict(x) as tf.Tensor[];
    a.forEach((t, k) => {
      const diff = tf.max(tf.abs(tf.sub(t, b[k] as tf.Tensor))).dataSync()[0] as number;
      expect(diff).toBeLessThan(1e-5);
    });
    // Different experts: the output is the gate-weighted average of what each expert alone gives.
    mmoe.getLayer('trunk_expert2_dense2').setWeights(weightsOf(mmoe, 'trunk_expert2_dense2').map((w) => tf.mul(w, 2)));
    const gateOf = tf.model({ inputs: mmoe.inputs, outputs: mmoe.getLayer('head2_gate').output as tf.SymbolicTensor });
    const g = (gateOf.predict(x) as tf.Tensor).arraySync() as number[][];
    const expert = (e: number) =>
      tf
        .model({ inputs: mmoe.inputs, outputs: mmoe.getLayer(`trunk_expert${e}_dense2`).output as tf.SymbolicTensor })
        .predict(x) as tf.Tensor;
    const h = [1, 2, 3].map((e) => expert(e).arraySync() as number[][]);
    const mixed = tf
      .model({ inputs: mmoe.inputs, outputs: mmoe.getLayer('head2_mixed').output as tf.SymbolicTensor })
      .predict(x) as tf.Tensor;
    const m = mixed.arraySync() as number[][];
    for (let r = 0; r < 4; r++) {
      const gates = g[r] as number[];
      expect(gates.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
      for (let u = 0; u < 4; u++)
        expect(m[r]?.[u]).toBeCloseTo(
          gates.reduce((s, w, e) => s + w * ((h[e] as number[][])[r]?.[u] as number), 0),
          5,
        );
    }
    tf.dispose([x, ...a, ...b, mixed]);
    shared.dispose();
    mmoe.dispose();
  });

  it("names each expert's layers so the trainer can find every expert's last kernel (leaky ReLU and dropout too)", () => {
    const trunk = [
      { units: 6, activation: 'leakyRelu' as const, dropout: 0.2 },
      { units: 4, activation: 'leakyRelu' as const, dropout: 0.2 },
    ];
    const model = buildMultiTaskModel({ ...spec, trunk, experts: 2 });
    for (const e of [1, 2]) expect(model.getLayer(trunkLayerName(2, e)).getWeights()[0]?.shape).toEqual([6, 4]);
    expect(() => model.getLayer(trunkLayerName(2, null))).toThrow();
    model.dispose();
    const shared = buildMultiTaskModel({ ...spec, trunk });
    expect(shared.getLayer(trunkLayerName(2, null)).getWeights()[0]?.shape).toEqual([6, 4]);
    shared.dispose();
  });

  it('hands out every trainable variable once, by role: trunk, each head (gate included), kernels, last shared kernels', () => {
    const variants: ModelSpec[] = [
      { ...spec, headHidden: [3, 0, 2], embeddings: [{ name: 'user', vocabSize: 10, dim: 3 }] },
      { ...spec, experts: 2, headHidden: [0, 2, 0], trunk: spec.trunk.map((l) => ({ ...l, activation: 'leakyRelu' })) },
    ];
    for (const v of variants) {
      const { model, variables, gates } = buildMultiTaskNetwork(v, 4);
      const layerOf = (variable: tf.Variable) =>
        model.layers.find((l) => l.trainableWeights.some((w) => w.read() === variable))?.name ?? '?';
      const all = model.trainableWeights.map((w) => w.read());
      const handed = [...variables.trunk, ...variables.heads.flat()];
      expect(new Set(handed).size).toBe(all.length);
      expect(new Set([...handed, ...all]).size).toBe(all.length);
      expect(variables.trunk.map(layerOf).every((n) => n.startsWith('trunk_'))).toBe(true);
      variables.heads.forEach((h, k) => expect(h.map(layerOf).every((n) => n.startsWith(`head${k}_`))).toBe(true));
      const dense = model.layers.filter((l) => l.getClassName() === 'Dense');
      expect(variables.kernels).toEqual(dense.map((l) => l.trainableWeights[0]?.read()));
      const experts = v.experts ?? 1;
      expect(variables.lastSharedKernels.map(layerOf)).toEqual(
        experts > 1 ? [1, 2].map((e) => trunkLayerName(2, e)) : [trunkLayerName(2, null)],
      );
      expect(gates).toHaveLength(experts > 1 ? 3 : 0);
      // The same weights as the plain builder with the same seed (runs reproduce).
      const plain = buildMultiTaskModel(v, 4);
      plain.getWeights().forEach((w, i) => expect(w.dataSync()).toEqual(model.getWeights()[i]?.dataSync()));
      plain.dispose();
      model.dispose();
    }
    const noTrunk = buildMultiTaskNetwork({ ...spec, trunk: [] });
    expect(noTrunk.variables.lastSharedKernels).toEqual([]);
    noTrunk.model.dispose();
  });

  it('refuses experts without a trunk layer', () => {
    expect(() => buildMultiTaskModel({ ...spec, trunk: [], experts: 2 })).toThrow(/at least one trunk layer/);
  });
});
