import { describe, expect, it } from 'vitest';
import type { FusedEngineFactory } from '../core/fused/fusedEngine.ts';
import { createWasmEngine } from '../core/fused/wasm/wasmEngine.ts';
import { toyDataset } from '../core/testing/toyData.ts';
import { MultiTaskTrainer, type TrainerOptions } from '../core/train/multiTaskTrainer.ts';
import { attachEngine, type EngineFactories } from './selectEngine.ts';

const options: TrainerOptions = {
  trunk: [32, 32].map((units) => ({ units, activation: 'relu' as const, dropout: 0 })),
  headHidden: [0, 0, 0],
  batchSize: 32,
  learningRate: 0.01,
  seed: 3,
  weights: [1, 1, 1],
};
const failing: FusedEngineFactory = () => Promise.reject(new Error('no adapter'));
const factories: EngineFactories = { wasm: createWasmEngine, webgpu: failing };

describe('attachEngine', () => {
  it('TensorFlow.js chosen: nothing attached, and it says so', async () => {
    const trainer = new MultiTaskTrainer(toyDataset(), options);
    expect(await attachEngine(trainer, 'tfjs', 'wasm', factories)).toEqual({
      engine: null,
      reason: { key: 'messages.engine.chosenTfjs' },
    });
    expect(trainer.engine).toBeNull();
    trainer.dispose();
  });

  it('a network the engines do not cover (experts) stays on TF.js, with the reason', async () => {
    const trainer = new MultiTaskTrainer(toyDataset(), { ...options, experts: 2 });
    const selection = await attachEngine(trainer, 'fused', 'wasm', factories);
    expect(selection.engine).toBeNull();
    expect(selection.reason).toEqual({
      key: 'messages.engine.notCovered',
      params: { why: { key: 'messages.engine.unsupported.experts' } },
    });
    trainer.dispose();
  });

  it('Fused chosen: the engine of the backend attaches; one that cannot start leaves TF.js, saying why', async () => {
    const onWasm = new MultiTaskTrainer(toyDataset(), options);
    expect((await attachEngine(onWasm, 'fused', 'cpu', factories)).engine).toBe('wasm');
    expect(onWasm.engineInUse).toBe('wasm');
    onWasm.dispose();
    const onGpu = new MultiTaskTrainer(toyDataset(), options);
    const selection = await attachEngine(onGpu, 'fused', 'webgpu', factories);
    expect(selection.engine).toBeNull();
    expect(selection.reason.key).toBe('messages.engine.failed');
    expect(selection.reason.params?.error).toBe('no adapter');
    onGpu.dispose();
  });

  it('Auto times both and keeps the faster, with the ratio it measured', async () => {
    const trainer = new MultiTaskTrainer(toyDataset(), options);
    const before = await trainer.model.getWeights()[0]?.data();
    const selection = await attachEngine(trainer, 'auto', 'cpu', factories);
    // On TF.js's CPU backend a fused step of this small network is many times faster.
    expect(selection.engine).toBe('wasm');
    expect(selection.reason.key).toBe('messages.engine.autoFused');
    expect(Number(selection.reason.params?.ratio)).toBeGreaterThan(1);
    expect(Number(selection.reason.params?.steps)).toBeGreaterThanOrEqual(3);
    // Timing touched neither the run's weights nor its position.
    expect(Array.from((await trainer.model.getWeights()[0]?.data()) ?? [])).toEqual(Array.from(before ?? []));
    expect(trainer.globalStep).toBe(0);
    // ... and the engine's first step is the run's first step.
    const reference = new MultiTaskTrainer(toyDataset(), options);
    const first = reference.trainStep();
    const expected = await first.data();
    first.dispose();
    if (trainer.needsPreparation) await trainer.prepareStep();
    const got = await (trainer.step() as { read(): Promise<Float32Array> }).read();
    Array.from(expected).forEach((v, i) =>
      expect(Math.abs((got[i] as number) - v)).toBeLessThan(1e-5 * Math.max(1, Math.abs(v))),
    );
    trainer.dispose();
    reference.dispose();
  });
});
