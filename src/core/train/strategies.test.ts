import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { parseCsvSync } from '../csv/parseCsv.ts';
import { prepareDataset } from '../data/prepareDataset.ts';
import { createRng } from '../rng.ts';
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

  it('GradNorm leaves a task that is off out from the first step on', async () => {
    const { trainer, runner, steps } = await run(
      { ...base, enabled: [true, false, true], weighting: weighting('gradnorm') },
      1,
    );
    expect(steps.every((s) => s.weights[1] === 0)).toBe(true);
    expect(steps[0]?.weights).toEqual([1, 0, 1]);
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

  it("PCGrad projects conflicting trunk gradients off each other (the paper's rule), and leaves agreeing ones", () => {
    // Two tasks on the same inputs: opposite labels (their trunk gradients conflict) or the same labels.
    const rng = createRng(3);
    const lines = ['x1,x2,a,b,c'];
    for (let i = 0; i < 120; i++) {
      const [x1, x2] = [rng() * 2 - 1, rng() * 2 - 1];
      const y = x1 + 0.5 * x2 > 0 ? 1 : 0;
      lines.push(`${x1},${x2},${y},${1 - y},${y}`);
    }
    const table = parseCsvSync(lines.join('\n')).table;
    const roles = { x1: 'input', x2: 'input', a: 'binary', b: 'binary', c: 'binary' } as const;
    const positiveClasses = { a: '1', b: '1', c: '1' };
    const pairs = { conflicting: ['a', 'b'], agreeing: ['a', 'c'] } as const;
    for (const [pair, [first, second]] of Object.entries(pairs)) {
      const data = prepareDataset(
        table,
        { roles: { ...roles, [pair === 'conflicting' ? 'c' : 'b']: 'ignore' }, positiveClasses },
        { seed: 1 },
      );
      expect(data.tasks.map((t) => t.name)).toEqual([first, second]);
      const sgd: TrainerOptions = {
        trunk: [{ units: 6, activation: 'tanh', dropout: 0 }],
        headHidden: [0, 0],
        batchSize: data.train.rows,
        learningRate: 0.5,
        optimizer: 'sgd',
        seed: 2,
        weights: [1, 1],
      };
      // The trunk's and the heads' change over one step (trunk first, as flat arrays).
      const delta = (strategy: WeightingStrategy, weights: number[]) => {
        const trainer = new MultiTaskTrainer(data, { ...sgd, weights, weighting: weighting(strategy) });
        // The same head for both tasks: only the labels differ, so opposite labels conflict.
        trainer.model.getLayer('head1_output').setWeights(trainer.model.getLayer('head0_output').getWeights());
        const read = () =>
          ['trunk_dense1', 'head0_output', 'head1_output'].map((n) =>
            trainer.model
              .getLayer(n)
              .getWeights()
              .flatMap((w) => [...w.dataSync()]),
          );
        const before = read();
        trainer.trainStep().dispose();
        const after = read().map((xs, i) => xs.map((v, j) => v - (before[i]?.[j] as number)));
        trainer.dispose();
        return after;
      };
      // SGD: a trunk delta is −η·g, so the rule can be applied to the deltas of each task alone.
      const [d1, d2] = [delta('manual', [1, 0])[0], delta('manual', [0, 1])[0]] as number[][];
      const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * (b[i] as number), 0);
      const project = (a: number[], b: number[]) => {
        const c = Math.min(dot(a, b), 0) / dot(b, b);
        return a.map((v, i) => v - c * (b[i] as number));
      };
      const expected = project(d1!, d2!).map((v, i) => v + (project(d2!, d1!)[i] as number));
      const [pcTrunk, ...pcHeads] = delta('pcgrad', [1, 1]);
      const [sumTrunk, ...sumHeads] = delta('manual', [1, 1]);
      pcTrunk!.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 5));
      pcHeads.forEach((h, k) => h.forEach((v, i) => expect(v).toBeCloseTo(sumHeads[k]?.[i] as number, 6)));
      const gap = Math.max(...pcTrunk!.map((v, i) => Math.abs(v - (sumTrunk![i] as number))));
      if (pair === 'conflicting') {
        expect(dot(d1!, d2!)).toBeLessThan(0);
        expect(gap).toBeGreaterThan(1e-3); // projected: not the weighted sum's update
      } else {
        expect(dot(d1!, d2!)).toBeGreaterThan(0);
        expect(gap).toBeLessThan(1e-6); // nothing to project
      }
    }
  });

  it('switches strategy mid-run, and keeps the tensor count flat for every strategy', async () => {
    const start = tf.memory().numTensors;
    const trainer = new MultiTaskTrainer(toyDataset(300), base);
    const runner = new TrainingRunner(trainer, { onLosses: () => {}, onEpoch: () => {} }, immediate);
    await runner.runUntil(1, () => false);
    const counts: number[] = [];
    for (const [i, s] of (['uncertainty', 'dwa', 'gradnorm', 'pcgrad', 'equal', 'manual'] as const).entries()) {
      trainer.setWeighting(weighting(s));
      await runner.runUntil(2 + 2 * i, () => false);
      const before = tf.memory().numTensors;
      await runner.runUntil(3 + 2 * i, () => false);
      counts.push(tf.memory().numTensors - before);
    }
    expect(counts).toEqual([0, 0, 0, 0, 0, 0]);
    runner.dispose();
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('under every strategy: a flat tensor count over epochs, and back to the start after dispose', async () => {
    for (const s of ['manual', 'equal', 'uncertainty', 'dwa', 'gradnorm', 'pcgrad'] as const) {
      const start = tf.memory().numTensors;
      const { trainer, runner } = await run({ ...base, weighting: weighting(s) }, 1);
      const afterEpoch1 = tf.memory().numTensors;
      await runner.runUntil(3, () => false);
      expect([s, tf.memory().numTensors]).toEqual([s, afterEpoch1]);
      runner.dispose();
      trainer.dispose();
      expect([s, tf.memory().numTensors]).toEqual([s, start]);
    }
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
