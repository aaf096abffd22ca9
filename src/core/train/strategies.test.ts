import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { toyDataset } from '../testing/toyData.ts';
import type { WeightingStrategy } from '../weighting/strategies.ts';
import type { StepLosses } from './lossReader.ts';
import { MultiTaskTrainer, type TrainerOptions } from './multiTaskTrainer.ts';
import { TrainingRunner } from './trainingRunner.ts';

const immediate = () => new Promise<void>((r) => setImmediate(r));
const base: TrainerOptions = {
  trunk: [{ units: 12, activation: 'relu', dropout: 0 }],
  headHidden: [0, 0, 0],
  batchSize: 32,
  learningRate: 0.01,
  seed: 5,
  weights: [1, 1, 1],
};
const weighting = (strategy: WeightingStrategy) => ({ strategy, dwaTemperature: 2, gradNormAlpha: 1.5 });

async function run(options: TrainerOptions, epochs: number) {
  const trainer = new MultiTaskTrainer(toyDataset(300), options);
  const steps: StepLosses[] = [];
  const runner = new TrainingRunner(trainer, { onLosses: (s) => steps.push(...s), onEpoch: () => {} }, immediate, {
    readbackIntervalMs: 0,
  });
  const outcome = await runner.runUntil(epochs, () => false);
  return { trainer, runner, steps, outcome };
}

describe('weighting strategies in training', () => {
  it('Equal uses weight 1 for every task that is on', async () => {
    const { trainer, runner, steps } = await run(
      { ...base, weights: [3, 0, 2], enabled: [true, true, false], weighting: weighting('equal') },
      1,
    );
    expect(steps[0]?.weights).toEqual([1, 1, 0]);
    runner.dispose();
    trainer.dispose();
  });

  it('Uncertainty learns its weights (they move from the start c·e⁰) and reports them', async () => {
    const { trainer, runner, steps } = await run({ ...base, weighting: weighting('uncertainty') }, 3);
    expect(steps[0]?.weights.map((w) => +w.toFixed(4))).toEqual([1, 1, 0.5]);
    const last = steps.at(-1)?.weights ?? [];
    expect(last.some((w, k) => Math.abs(w - ([1, 1, 0.5][k] as number)) > 0.01)).toBe(true);
    expect(steps.at(-1)?.total).toBeCloseTo(
      last.reduce((s, w, k) => s + w * (steps.at(-1)?.perTask[k] ?? 0), 0),
      4,
    );
    runner.dispose();
    trainer.dispose();
  });

  it('DWA keeps weight 1 for two epochs, then weights summing to the task count', async () => {
    const { trainer, runner, steps } = await run({ ...base, weighting: weighting('dwa') }, 4);
    expect(steps.filter((s) => s.epoch <= 2).every((s) => s.weights.every((w) => w === 1))).toBe(true);
    const later = steps.find((s) => s.epoch === 3)?.weights ?? [];
    expect(later.reduce((a, b) => a + b, 0)).toBeCloseTo(3, 4);
    expect(later.some((w) => Math.abs(w - 1) > 1e-4)).toBe(true);
    runner.dispose();
    trainer.dispose();
  });

  it('GradNorm moves the weights and keeps their sum at the task count', async () => {
    const { trainer, runner, steps } = await run({ ...base, weighting: weighting('gradnorm') }, 3);
    const last = steps.at(-1)?.weights ?? [];
    expect(last.reduce((a, b) => a + b, 0)).toBeCloseTo(3, 3);
    expect(last.some((w) => Math.abs(w - 1) > 0.01)).toBe(true);
    runner.dispose();
    trainer.dispose();
  });

  it('PCGrad trains every task (losses fall) with the manual weights', async () => {
    const { trainer, runner, steps } = await run({ ...base, weighting: weighting('pcgrad') }, 6);
    const first = steps[0]?.perTask ?? [];
    const lastEpoch = steps.filter((s) => s.epoch === 6);
    lastEpoch[0]?.perTask.forEach((_, k) => {
      const mean = lastEpoch.reduce((a, s) => a + (s.perTask[k] as number), 0) / lastEpoch.length;
      expect(mean).toBeLessThan(first[k] as number);
    });
    runner.dispose();
    trainer.dispose();
  });

  it('switches strategy mid-run, and keeps the tensor count flat for every strategy', async () => {
    const trainer = new MultiTaskTrainer(toyDataset(300), base);
    const runner = new TrainingRunner(trainer, { onLosses: () => {}, onEpoch: () => {} }, immediate);
    await runner.runUntil(1, () => false);
    const counts: number[] = [];
    for (const [i, s] of (['uncertainty', 'dwa', 'gradnorm', 'pcgrad', 'manual'] as const).entries()) {
      trainer.setWeighting(weighting(s));
      await runner.runUntil(2 + 2 * i, () => false);
      const before = tf.memory().numTensors;
      await runner.runUntil(3 + 2 * i, () => false);
      counts.push(tf.memory().numTensors - before);
    }
    expect(counts).toEqual([0, 0, 0, 0, 0]);
    runner.dispose();
    trainer.dispose();
  });
});

describe('divergence and early stopping', () => {
  it('stops by itself when a loss becomes NaN or infinite, names the task and step, and restores finite weights', async () => {
    const { trainer, runner, outcome } = await run({ ...base, learningRate: 1e6, optimizer: 'sgd' }, 50);
    expect(outcome.kind).toBe('diverged');
    if (outcome.kind !== 'diverged') return;
    expect(outcome.divergence.step).toBeGreaterThan(0);
    expect(outcome.divergence.restoredStep).toBeLessThan(outcome.divergence.step);
    const weights = trainer.model.getWeights().flatMap((w) => Array.from(w.dataSync()));
    expect(weights.every(Number.isFinite)).toBe(true);
    runner.dispose();
    trainer.dispose();
  });

  it("stops early when the monitored validation loss stops improving, restoring the best epoch's weights", async () => {
    const trainer = new MultiTaskTrainer(toyDataset(300), { ...base, learningRate: 0.05 });
    const vals: number[] = [];
    const runner = new TrainingRunner(
      trainer,
      { onLosses: () => {}, onEpoch: (e) => vals.push(e.val[2]?.loss ?? NaN) },
      immediate,
    );
    runner.setEarlyStopping({ enabled: true, monitor: 2, patience: 2 });
    const outcome = await runner.runUntil(200, () => false);
    expect(outcome.kind).toBe('stoppedEarly');
    if (outcome.kind !== 'stoppedEarly') return;
    const best = Math.min(...vals);
    expect(vals[outcome.bestEpoch - 1]).toBe(best);
    expect(vals.length).toBe(outcome.bestEpoch + 2);
    const restored = await trainer.evaluate('val');
    expect(restored[2]?.loss).toBeCloseTo(best, 5);
    runner.dispose();
    trainer.dispose();
  });
});
