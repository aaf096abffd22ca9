/**
 * A trainer with the WASM engine attached, against the same run on TF.js alone: a 20-epoch run,
 * hand-overs when the strategy needs TF.js's step, checkpoints, an engine that stops mid-run.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { FusedEngine } from '../fused/fusedEngine.ts';
import { coveredPlanForTrainer } from '../fused/trainerPlan.ts';
import { fusedTrainingData } from '../fused/trainingData.ts';
import { createWasmEngine } from '../fused/wasm/wasmEngine.ts';
import type { PreparedDataset } from '../data/prepareDataset.ts';
import { runRecorded } from '../testing/runRecorded.ts';
import { toyDataset } from '../testing/toyData.ts';
import { EngineLostError } from './fusedStepper.ts';
import { MultiTaskTrainer, type TrainerOptions } from './multiTaskTrainer.ts';
import { TrainingRunner, type EpochReport } from './trainingRunner.ts';

const options: TrainerOptions = {
  trunk: [16, 16].map((units) => ({ units, activation: 'relu' as const, dropout: 0 })),
  headHidden: [0, 0, 0],
  batchSize: 32,
  learningRate: 0.01,
  seed: 3,
  weights: [1, 1, 1],
};
/** Steps each engine took (so a test knows the engine, not TF.js, trained). */
const engineSteps = new Map<FusedEngine, number>();
const immediate = () => new Promise<void>((r) => setImmediate(r));

async function engineFor(trainer: MultiTaskTrainer, lost?: Promise<string>): Promise<FusedEngine> {
  const plan = coveredPlanForTrainer(trainer);
  const engine = await createWasmEngine(plan, fusedTrainingData(trainer.data.train, trainer.data.classWeights));
  if (lost) Object.defineProperty(engine, 'lost', { value: lost }); // a WASM engine never stops by itself
  const step = engine.step.bind(engine);
  engine.step = (request) => {
    engineSteps.set(engine, (engineSteps.get(engine) ?? 0) + 1);
    return step(request);
  };
  trainer.attachEngine(engine, plan);
  return engine;
}

async function run(data: PreparedDataset, epochs: number, fused: boolean, extra: Partial<TrainerOptions> = {}) {
  const trainer = new MultiTaskTrainer(data, { ...options, ...extra });
  if (fused) await engineFor(trainer);
  const reports: EpochReport[] = [];
  const runner = new TrainingRunner(trainer, { onLosses: () => {}, onEpoch: (r) => void reports.push(r) }, immediate);
  await runner.runUntil(epochs, () => false);
  return { trainer, runner, reports };
}

const weightsOf = async (trainer: MultiTaskTrainer) =>
  Promise.all(trainer.model.getWeights().map(async (w) => Array.from((await w.data()) as Float32Array)));

function maxRelative(a: number[][], b: number[][]): number {
  let worst = 0;
  a.forEach((row, i) =>
    row.forEach((v, j) => {
      const r = (b[i] as number[])[j] as number;
      worst = Math.max(worst, Math.abs(v - r) / Math.max(Math.abs(r), 1e-2));
    }),
  );
  return worst;
}

describe('MultiTaskTrainer with the fused WASM engine', () => {
  it('trains 20 epochs to the metrics TF.js reaches (within float noise), with no tensor or memory growth', async () => {
    const data = toyDataset(400);
    const tfjs = await run(data, 20, false);
    const fused = await run(data, 20, true);
    const engine = fused.trainer.engine as FusedEngine;
    expect(fused.trainer.engineInUse).toBe('wasm');
    expect(engineSteps.get(engine)).toBe(fused.trainer.globalStep);
    const last = (r: EpochReport[]) => r[r.length - 1] as EpochReport;
    // The same start, batches and arithmetic: the curves agree to float noise, while training moved them a lot.
    const first = tfjs.reports[0] as EpochReport;
    expect(last(tfjs.reports).trainTotal).toBeLessThan(0.5 * first.trainTotal);
    for (const [k, m] of last(tfjs.reports).val.entries()) {
      const f = last(fused.reports).val[k];
      if (process.env.FUSED_REPORT) console.log(`task ${k}: val loss TF.js ${m.loss}, fused ${f?.loss}`);
      expect(Math.abs((f?.loss ?? NaN) - m.loss)).toBeLessThan(1e-3 * m.loss);
    }
    tfjs.reports.forEach((r, e) => {
      const f = fused.reports[e] as EpochReport;
      expect(Math.abs(f.trainTotal - r.trainTotal)).toBeLessThan(1e-3 * r.trainTotal);
    });
    // 10 more epochs: neither the engine's memory nor TF.js's tensors grow.
    const bytes = engine.memoryBytes();
    const tensors = tf.memory().numTensors;
    await fused.runner.runUntil(30, () => false);
    expect(engine.memoryBytes()).toBe(bytes);
    expect(tf.memory().numTensors).toBe(tensors);
    for (const r of [tfjs, fused]) {
      r.runner.dispose();
      r.trainer.dispose();
    }
  }, 120_000);

  it('frees every tensor it made: checkpoints each epoch, hand-overs both ways, dispose', async () => {
    const data = toyDataset(200);
    const before = tf.memory().numTensors;
    const trainer = new MultiTaskTrainer(data, options);
    await engineFor(trainer);
    const runner = new TrainingRunner(
      trainer,
      { onLosses: () => {}, onEpoch: async () => void (await trainer.trainingState()) },
      immediate,
    );
    await runner.runUntil(3, () => false);
    const perEpoch = tf.memory().numTensors;
    await runner.runUntil(6, () => false);
    expect(tf.memory().numTensors).toBe(perEpoch); // a checkpoint leaves nothing behind
    trainer.setWeighting({ strategy: 'pcgrad', dwaTemperature: 2, gradNormAlpha: 1.5 });
    await runner.runUntil(7, () => false); // the state moves into TF.js's optimisers
    trainer.setWeighting({ strategy: 'manual', dwaTemperature: 2, gradNormAlpha: 1.5 });
    await runner.runUntil(8, () => false); // and back
    const afterOne = tf.memory().numTensors;
    trainer.setWeighting({ strategy: 'pcgrad', dwaTemperature: 2, gradNormAlpha: 1.5 });
    await runner.runUntil(9, () => false); // TF.js's optimisers, holding slots now, take the state again
    trainer.setWeighting({ strategy: 'manual', dwaTemperature: 2, gradNormAlpha: 1.5 });
    await runner.runUntil(10, () => false);
    expect(tf.memory().numTensors).toBe(afterOne);
    await trainer.trainingState();
    runner.dispose();
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('hands the run to TF.js for PCGrad and back, as if TF.js had taken every step', async () => {
    const data = toyDataset(200);
    const plain = new MultiTaskTrainer(data, options);
    const mixed = new MultiTaskTrainer(data, options);
    await engineFor(mixed);
    const phases = [
      { strategy: 'manual', steps: 5 },
      { strategy: 'pcgrad', steps: 3 },
      { strategy: 'equal', steps: 4 },
    ] as const;
    for (const { strategy, steps } of phases) {
      for (const t of [plain, mixed]) t.setWeighting({ strategy, dwaTemperature: 2, gradNormAlpha: 1.5 });
      expect(mixed.engineInUse).toBe(strategy === 'pcgrad' ? null : 'wasm');
      for (let i = 0; i < steps; i++) {
        plain.trainStep().dispose();
        if (mixed.needsPreparation) await mixed.prepareStep();
        const v = mixed.step();
        if (v instanceof tf.Tensor) v.dispose();
        else await v.read();
      }
    }
    await mixed.syncModel();
    expect(maxRelative(await weightsOf(mixed), await weightsOf(plain))).toBeLessThan(1e-4);
    // Adam's moments came along too: one more step each still agrees.
    plain.trainStep().dispose();
    await (mixed.step() as { read(): Promise<Float32Array> }).read();
    await mixed.syncModel();
    expect(maxRelative(await weightsOf(mixed), await weightsOf(plain))).toBeLessThan(1e-4);
    plain.dispose();
    mixed.dispose();
  });

  it("checkpoints the engine's optimiser state: a TF.js trainer resumed from it takes the same next step", async () => {
    const data = toyDataset(200);
    const fused = new MultiTaskTrainer(data, { ...options, optimizer: 'rmsprop' });
    await engineFor(fused);
    for (let i = 0; i < 7; i++) {
      if (fused.needsPreparation) await fused.prepareStep();
      await (fused.step() as { read(): Promise<Float32Array> }).read();
    }
    await fused.syncModel();
    const state = await fused.trainingState();
    // A TF.js-only trainer at the same place in the batch order, then given the checkpoint.
    const again = new MultiTaskTrainer(data, { ...options, optimizer: 'rmsprop' });
    for (let i = 0; i < 7; i++) again.trainStep().dispose();
    await again.restoreTrainingState(state);
    again.model.setWeights(fused.model.getWeights());
    const a = again.trainStep();
    const b = (await (fused.step() as { read(): Promise<Float32Array> }).read()).slice();
    expect(maxRelative([Array.from(await a.data())], [Array.from(b)])).toBeLessThan(1e-5);
    a.dispose();
    await fused.syncModel();
    expect(maxRelative(await weightsOf(again), await weightsOf(fused))).toBeLessThan(1e-4);
    for (const t of [fused, again]) t.dispose();
  });

  it('a read that fails as the engine stops (a lost device rejects its maps first) fails as a lost engine; another failure stays itself', async () => {
    const data = toyDataset(200);
    const lostTrainer = new MultiTaskTrainer(data, options);
    let stop: (reason: string) => void = () => {};
    const engine = await engineFor(lostTrainer, new Promise<string>((resolve) => (stop = resolve)));
    await lostTrainer.prepareStep();
    await (lostTrainer.step() as { read(): Promise<Float32Array> }).read();
    const abort = () =>
      Object.assign(new Error('The Device was lost before mapping was resolved.'), { name: 'AbortError' });
    engine.readParameters = () => {
      setTimeout(() => stop('device lost (test)'), 50); // `lost` settles after the map fails
      return Promise.reject(abort());
    };
    const lost = await lostTrainer.syncModel().catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(EngineLostError);
    expect((lost as EngineLostError).reason).toBe('device lost (test)');

    const failing = new MultiTaskTrainer(data, options);
    const kept = await engineFor(failing, new Promise<string>(() => {}));
    await failing.prepareStep();
    await (failing.step() as { read(): Promise<Float32Array> }).read();
    kept.readOptimizerState = () => Promise.reject(new RangeError('not a lost engine'));
    await expect(failing.trainingState()).rejects.toThrow(RangeError);
    for (const t of [lostTrainer, failing]) t.dispose();
  });

  it('goes on with TF.js from the last good weights when the engine stops mid-run, and says so', async () => {
    const data = toyDataset(400);
    const trainer = new MultiTaskTrainer(data, options);
    let stop: (reason: string) => void = () => {};
    await engineFor(trainer, new Promise<string>((resolve) => (stop = resolve)));
    const { reports, engineLost: said } = await runRecorded(
      trainer,
      5,
      (epoch) => {
        if (epoch === 2) stop('device lost (test)');
      },
      immediate,
    );
    expect(said).toHaveLength(1);
    expect(said[0]?.reason).toBe('device lost (test)');
    expect(trainer.engine).toBeNull();
    expect(reports.map((r) => r.epoch)).toEqual([1, 2, 3, 4, 5]);
    expect(reports.every((r) => r.val.every((m) => Number.isFinite(m.loss)))).toBe(true);
    trainer.dispose();
  });
});
