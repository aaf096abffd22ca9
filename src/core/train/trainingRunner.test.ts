import { describe, expect, it } from 'vitest';
import { toyDataset } from '../testing/toyData.ts';
import type { StepLosses } from './lossReader.ts';
import { MultiTaskTrainer } from './multiTaskTrainer.ts';
import { TrainingRunner, type EpochReport } from './trainingRunner.ts';
import { DEFAULT_WEIGHTING, type WeightingStrategy } from '../weighting/strategies.ts';

const immediate = () => new Promise<void>((r) => setImmediate(r));
const options = {
  trunk: [{ units: 8, activation: 'relu' as const, dropout: 0 }],
  headHidden: [0, 0, 0],
  batchSize: 50,
  learningRate: 0.01,
  seed: 1,
  weights: [1, 1, 1],
};

describe('TrainingRunner', () => {
  it('reads back every step once, in order, and reports each epoch with its mean training loss', async () => {
    const trainer = new MultiTaskTrainer(toyDataset(200), options); // 140 train rows → 3 steps per epoch
    const steps: StepLosses[] = [];
    const epochs: EpochReport[] = [];
    const runner = new TrainingRunner(
      trainer,
      { onLosses: (s) => steps.push(...s), onEpoch: (e) => epochs.push(e) },
      immediate,
      { readbackIntervalMs: 0 },
    );
    expect(await runner.runUntil(2, () => false)).toEqual({ kind: 'done' });
    expect(steps.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(steps.map((s) => s.epoch)).toEqual([1, 1, 1, 2, 2, 2]);
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2]);
    const mean = (k: number, epoch: number) =>
      steps.filter((s) => s.epoch === epoch).reduce((a, s) => a + (s.perTask[k] as number), 0) / 3;
    expect(epochs[1]?.trainLoss[2]).toBeCloseTo(mean(2, 2), 6);
    expect(epochs[0]?.val).toHaveLength(3);
    runner.dispose();
    trainer.dispose();
  });

  it('stops between steps when asked, and resumes where it stopped', async () => {
    const trainer = new MultiTaskTrainer(toyDataset(200), options);
    const steps: number[] = [];
    const runner = new TrainingRunner(
      trainer,
      { onLosses: (s) => steps.push(...s.map((x) => x.step)), onEpoch: () => {} },
      immediate,
    );
    let calls = 0;
    expect(await runner.runUntil(5, () => ++calls > 4)).toEqual({ kind: 'stopped' });
    expect(trainer.globalStep).toBe(4);
    expect(steps).toEqual([1, 2, 3, 4]);
    expect(await runner.runUntil(2, () => false)).toEqual({ kind: 'done' });
    expect(trainer.globalStep).toBe(6);
    runner.dispose();
    trainer.dispose();
  });

  it('puts back the best epoch seen by early stopping when the run ends before patience runs out', async () => {
    const trainer = new MultiTaskTrainer(toyDataset(200), { ...options, learningRate: 0.3 });
    const epochs: EpochReport[] = [];
    const runner = new TrainingRunner(trainer, { onLosses: () => {}, onEpoch: (e) => epochs.push(e) }, immediate);
    runner.setEarlyStopping({ enabled: true, monitor: 'total', patience: 1000 });
    expect(await runner.runUntil(6, () => false)).toEqual({ kind: 'done' });
    const totals = epochs.map((e) => e.val.reduce((a, m) => a + m.loss, 0));
    const bestEpoch = totals.indexOf(Math.min(...totals)) + 1;
    const restored = runner.restoreBestWeights();
    expect(restored).toBe(bestEpoch === 6 ? null : bestEpoch);
    const now = (await trainer.evaluate('val')).reduce((a, m) => a + m.loss, 0);
    expect(now).toBeCloseTo(totals[bestEpoch - 1] as number, 5);
    runner.dispose();
    trainer.dispose();
  });

  it("early stopping's total weighs the validation losses by the manual weights, or plainly under a self-weighting strategy", async () => {
    // Scripted validation losses: the plain sum is best at epoch 1 (3.0 < 3.8), the sum weighted
    // by (3, 1, 1) at epoch 2 (4.6 < 5.0), and by (1, 0, 1) — task 1 off — at epoch 2 (1.8 < 2.0).
    const script = [
      [1, 1, 1],
      [0.4, 2, 1.4],
      [2, 2, 2],
      [2, 2, 2],
    ];
    const cases: [WeightingStrategy, number[], boolean[], number][] = [
      ['manual', [3, 1, 1], [true, true, true], 2],
      ['pcgrad', [3, 1, 1], [true, true, true], 2],
      ['manual', [1, 1, 1], [true, false, true], 2],
      ['equal', [3, 1, 1], [true, true, true], 1],
      ['uncertainty', [3, 1, 1], [true, true, true], 1],
      ['dwa', [3, 1, 1], [true, true, true], 1],
      ['gradnorm', [3, 1, 1], [true, true, true], 1],
    ];
    for (const [strategy, weights, enabled, bestEpoch] of cases) {
      const trainer = new MultiTaskTrainer(toyDataset(200), {
        ...options,
        weights,
        enabled,
        weighting: { ...DEFAULT_WEIGHTING, strategy },
      });
      const scripted = async () => ({
        metrics: (script[trainer.epochsCompleted - 1] as number[]).map((loss) => ({ loss, count: 60 })),
        diagnostics: [],
      });
      trainer.evaluateWithDiagnostics = scripted;
      const runner = new TrainingRunner(trainer, { onLosses: () => {}, onEpoch: () => {} }, immediate);
      runner.setEarlyStopping({ enabled: true, monitor: 'total', patience: 1000 });
      await runner.runUntil(4, () => false);
      expect([strategy, enabled, runner.restoreBestWeights()]).toEqual([strategy, enabled, bestEpoch]);
      runner.dispose();
      trainer.dispose();
    }
  });
});
