/**
 * The WASM engine's state moves and its memory: parameters and optimiser state read back exactly
 * and written into a fresh engine take the very next step the first would have, resets return to
 * a fresh engine's step, and nothing grows step after step.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { OptimizerKind } from '../../train/optimizerKinds.ts';
import type { FusedEngine, FusedStepRequest } from '../fusedEngine.ts';
import { planFusedStep } from '../fusedPlan.ts';
import { fusedTrainingData } from '../trainingData.ts';
import { assigned, BASE_OPTIONS, makeRig, type Rig } from './engineRig.ts';
import { createWasmEngine } from './wasmEngine.ts';
import { wasmMemoryBytes, wasmPlanProblem, WASM_MEMORY_LIMIT } from './wasmLayout.ts';

const UNCERTAIN: Omit<FusedStepRequest, 'batch' | 'step'> = {
  weighting: 'uncertainty',
  taskWeights: Float32Array.from([1, 1, 1]),
  headTrains: Uint8Array.from([1, 1, 1]),
  learningRate: 0.02,
  strategyLearningRate: 0.02,
};

/** A fresh engine on the rig's plan and data. */
function sibling(rig: Rig): Promise<FusedEngine> {
  const data = rig.trainer.data;
  return createWasmEngine(rig.plan, fusedTrainingData(data.train, data.classWeights));
}

/** The engine's step on the rig's batch for `step`, its loss vector and parameters after it. */
async function take(engine: FusedEngine, rig: Rig, step: number, request = UNCERTAIN) {
  const batch = rig.batcher.batchIndices(step % rig.trainer.stepsPerEpoch).slice();
  const vector = await engine.step({ ...request, batch, step }).read();
  return { vector, params: await engine.readParameters() };
}

describe('WASM engine state', () => {
  it('reads back exactly the parameters written', async () => {
    const rig = await makeRig(BASE_OPTIONS);
    const values = Float32Array.from({ length: rig.plan.parameterCount }, (_, i) =>
      Math.fround(Math.sin(i) * 1e3 + 1e-30 * i),
    );
    rig.engine.writeParameters(values);
    expect(await rig.engine.readParameters()).toEqual(values);
    expect(() => rig.engine.writeParameters(values.subarray(1))).toThrow(RangeError);
    rig.dispose();
  });

  it.each<OptimizerKind>(['adam', 'rmsprop', 'momentum'])(
    '%s: state written into a fresh engine takes the very next step the first would have',
    async (optimizer) => {
      const rig = await makeRig({ ...BASE_OPTIONS, optimizer });
      const { engine } = rig;
      await take(engine, rig, 0);
      await take(engine, rig, 1);
      const state = await engine.readOptimizerState();
      const params = await engine.readParameters();
      const copy = await sibling(rig);
      copy.writeParameters(params);
      copy.writeOptimizerState(state);
      expect(await copy.readOptimizerState()).toEqual(state);
      const batch = rig.batcher.batchIndices(2).slice();
      const next = (e: FusedEngine) => e.step({ ...UNCERTAIN, batch, step: 2 }).read();
      const [a, b] = [await next(engine), await next(copy)];
      expect(b).toEqual(a);
      expect(await copy.readParameters()).toEqual(await engine.readParameters());
      expect(await copy.readOptimizerState()).toEqual(await engine.readOptimizerState());

      // Without the state the step differs (the state matters, so the comparison above can fail).
      const bare = await sibling(rig);
      bare.writeParameters(params);
      await next(bare);
      expect(await bare.readParameters()).not.toEqual(await engine.readParameters());
      [copy, bare].forEach((e) => e.dispose());
      rig.dispose();
    },
  );

  it('resetOptimizer gives a fresh engine’s step, resetStrategy a fresh strategy’s', async () => {
    const rig = await makeRig({ ...BASE_OPTIONS, optimizer: 'adam' });
    const { engine } = rig;
    await take(engine, rig, 0);
    await take(engine, rig, 1);
    const params = await engine.readParameters();
    const strategy = (await engine.readOptimizerState()).strategy;
    expect(Math.abs(strategy.values[0] as number)).toBeGreaterThan(0.01);
    engine.resetOptimizer();
    const kept = (await engine.readOptimizerState()).strategy;
    expect(kept).toEqual(strategy); // the strategy's state is not the network's
    engine.resetStrategy();
    const fresh = await sibling(rig);
    fresh.writeParameters(params);
    const batch = rig.batcher.batchIndices(2).slice();
    const [a, b] = [
      await engine.step({ ...UNCERTAIN, batch, step: 2 }).read(),
      await fresh.step({ ...UNCERTAIN, batch, step: 2 }).read(),
    ];
    expect(a).toEqual(b);
    expect(Array.from(a.subarray(4))).toEqual([1, 1, 0.5]); // s back to 0: wₖ = cₖ
    expect(await engine.readParameters()).toEqual(await fresh.readParameters());
    expect(await engine.readOptimizerState()).toEqual(await fresh.readOptimizerState());
    fresh.dispose();
    rig.dispose();
  });

  it('holds the same memory over 10 epochs, and makes no TF.js tensors', async () => {
    const rig = await makeRig({
      ...BASE_OPTIONS,
      optimizer: 'adam',
      trunk: [{ units: 16, activation: 'relu', dropout: 0.2 }],
    });
    const bytes = rig.engine.memoryBytes();
    expect(bytes).toBeGreaterThan(0);
    const request = { ...UNCERTAIN, weighting: 'assigned' as const };
    await take(rig.engine, rig, 0, request); // the rig's batcher keeps its permutation as a tensor from here
    const tensors = tf.memory().numTensors;
    const steps = 10 * rig.trainer.stepsPerEpoch;
    let last: Float32Array = new Float32Array(0);
    for (let s = 1; s < steps; s++) {
      last = (await take(rig.engine, rig, s, request)).vector;
      expect(rig.engine.memoryBytes()).toBe(bytes);
    }
    expect(tf.memory().numTensors).toBe(tensors);
    expect(last.every(Number.isFinite)).toBe(true);
    rig.dispose();
  });

  it('counts iterations per partition: an off head’s stays, and so does its state', async () => {
    const rig = await makeRig({ ...BASE_OPTIONS, optimizer: 'adam' });
    for (let s = 0; s < 3; s++)
      await take(rig.engine, rig, s, { ...UNCERTAIN, ...assigned([1, 0, 1]), learningRate: 0.01 });
    const state = await rig.engine.readOptimizerState();
    expect(state.iterations).toEqual([3, 3, 0, 3]);
    expect(state.strategy.iterations).toBe(0); // assigned weights: the strategy's Adam does not step
    const [start, end] = [rig.plan.partitions[2]?.start, rig.plan.partitions[2]?.end];
    expect((state.slots[0] as Float32Array).subarray(start, end).every((v) => v === 0)).toBe(true);
    rig.dispose();
  });

  it('refuses what it cannot take: a bad split, a batch too large or off the split, a disposed engine', async () => {
    const rig = await makeRig(BASE_OPTIONS);
    const data = fusedTrainingData(rig.trainer.data.train, rig.trainer.data.classWeights);
    await expect(createWasmEngine(rig.plan, { ...data, x: data.x.subarray(1) })).rejects.toThrow(/features/);
    await expect(createWasmEngine(rig.plan, { ...data, targets: data.targets.slice(1) })).rejects.toThrow(/targets/);
    const classes = data.targets.map((t, k) => (k === 1 ? t.map((y, i) => (i === 5 ? 3 : y)) : t)); // task 1 has 3 classes
    await expect(createWasmEngine(rig.plan, { ...data, targets: classes })).rejects.toThrow(/class indices/);
    const request = { ...UNCERTAIN, step: 0 };
    expect(() => rig.engine.step({ ...request, batch: new Int32Array(BASE_OPTIONS.batchSize + 1) })).toThrow(
      RangeError,
    );
    expect(() => rig.engine.step({ ...request, batch: Int32Array.from([0, data.rows]) })).toThrow(RangeError);
    expect(() => rig.engine.step({ ...request, batch: new Int32Array(0) })).toThrow(RangeError);
    rig.engine.dispose();
    expect(() => rig.engine.memoryBytes()).toThrow(/disposed/);
    await expect(rig.engine.readParameters()).rejects.toThrow(/disposed/);
    rig.dispose();
  });

  it('says when a plan and split would not fit in WebAssembly memory', async () => {
    const rig = await makeRig(BASE_OPTIONS);
    const spec = rig.trainer.spec;
    rig.dispose();
    const planned = planFusedStep({
      spec,
      batchSize: 256,
      optimizer: 'adam',
      l1: 0,
      l2: 0,
      clipNorm: 0,
      epsilon: 1e-7,
      seed: 1,
    });
    if ('problem' in planned) throw new Error('expected a plan');
    expect(wasmPlanProblem(planned.plan, 10_000)).toBeNull();
    const rows = Math.ceil(WASM_MEMORY_LIMIT / 4 / spec.inputSize);
    expect(wasmMemoryBytes(planned.plan, rows)).toBeGreaterThan(WASM_MEMORY_LIMIT);
    expect(wasmPlanProblem(planned.plan, rows)).toMatch(/MiB/);
    expect(wasmPlanProblem({ ...planned.plan, batchSize: 0 }, 100)).toMatch(/Batch size/);
  });
});
