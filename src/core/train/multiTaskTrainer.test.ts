import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { toyDataset } from '../testing/toyData.ts';
import { MultiTaskTrainer, type TrainerOptions } from './multiTaskTrainer.ts';
import { TrainingRunner } from './trainingRunner.ts';

const options: TrainerOptions = {
  trunk: [16, 16].map((units) => ({ units, activation: 'relu' as const, dropout: 0 })),
  headHidden: [0, 0, 0],
  batchSize: 32,
  learningRate: 0.01,
  seed: 3,
  weights: [1, 1, 1],
};
const immediate = () => new Promise<void>((r) => setImmediate(r));

function headSnapshot(trainer: MultiTaskTrainer, k: number): Float32Array[] {
  return trainer.model.layers
    .filter((l) => l.name.startsWith(`head${k}_`))
    .flatMap((l) => l.getWeights().map((w) => (w.dataSync() as Float32Array).slice()));
}

const maxAbsDiff = (a: Float32Array[], b: Float32Array[]) =>
  Math.max(...a.map((arr, i) => Math.max(...arr.map((v, j) => Math.abs(v - ((b[i] as Float32Array)[j] as number))))));

describe('MultiTaskTrainer', () => {
  it('returns per-task losses and their weighted sum for the step', () => {
    const trainer = new MultiTaskTrainer(toyDataset(), { ...options, weights: [2, 0.5, 1] });
    const v = trainer.trainStep();
    const [a, b, c, total] = v.dataSync();
    expect(total).toBeCloseTo(2 * (a as number) + 0.5 * (b as number) + (c as number), 4);
    v.dispose();
    trainer.dispose();
  });

  it('leaves a head at weight 0 untouched after a step while the other heads move (Adam: by ≈ lr)', () => {
    const trainer = new MultiTaskTrainer(toyDataset(), { ...options, weights: [1, 0, 1] });
    const before = [0, 1, 2].map((k) => headSnapshot(trainer, k));
    trainer.trainStep().dispose();
    const after = [0, 1, 2].map((k) => headSnapshot(trainer, k));
    expect(maxAbsDiff(before[1] as Float32Array[], after[1] as Float32Array[])).toBe(0);
    // Adam's first step moves each parameter by lr·g/(|g|+ε) ≈ lr
    expect(maxAbsDiff(before[0] as Float32Array[], after[0] as Float32Array[])).toBeCloseTo(options.learningRate, 4);
    expect(maxAbsDiff(before[2] as Float32Array[], after[2] as Float32Array[])).toBeCloseTo(options.learningRate, 4);
    trainer.dispose();
  });

  it('freezes a head switched off mid-run despite Adam momentum, and trains it again when switched back on', () => {
    const trainer = new MultiTaskTrainer(toyDataset(), options);
    for (let i = 0; i < 3; i++) trainer.trainStep().dispose();
    trainer.setTaskWeights([1, 0, 1]); // the middle head: its optimiser must not shift the others'
    const frozen = headSnapshot(trainer, 1);
    for (let i = 0; i < 3; i++) trainer.trainStep().dispose();
    expect(maxAbsDiff(frozen, headSnapshot(trainer, 1))).toBe(0);
    trainer.setTaskWeights([1, 1, 1]);
    trainer.trainStep().dispose();
    expect(maxAbsDiff(frozen, headSnapshot(trainer, 1))).toBeGreaterThan(0);
    trainer.dispose();
  });

  it('applies a weight change from the next step on', () => {
    const trainer = new MultiTaskTrainer(toyDataset(), options);
    trainer.trainStep().dispose();
    trainer.setTaskWeights([0, 3, 0]);
    const v = trainer.trainStep();
    const [, b, , total] = v.dataSync();
    expect(total).toBeCloseTo(3 * (b as number), 5);
    v.dispose();
    trainer.dispose();
  });

  it('keeps the tensor count flat across epochs and returns to the start after dispose', async () => {
    const start = tf.memory().numTensors;
    const trainer = new MultiTaskTrainer(toyDataset(), options);
    const runner = new TrainingRunner(trainer, { onLosses: () => {}, onEpoch: () => {} }, immediate);
    await runner.runUntil(1, () => false);
    const afterEpoch1 = tf.memory().numTensors;
    await runner.runUntil(3, () => false);
    expect(tf.memory().numTensors).toBe(afterEpoch1);
    runner.dispose();
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it("learns: every task's validation loss falls over training", async () => {
    const trainer = new MultiTaskTrainer(toyDataset(400), options);
    const before = await trainer.evaluate('val');
    const runner = new TrainingRunner(trainer, { onLosses: () => {}, onEpoch: () => {} }, immediate);
    await runner.runUntil(15, () => false);
    const after = await trainer.evaluate('val');
    after.forEach((m, k) => expect(m.loss).toBeLessThan((before[k] as { loss: number }).loss * 0.6));
    expect(after[0]?.accuracy).toBeGreaterThan(0.85);
    expect(after[2]?.r2).toBeGreaterThan(0.8);
    runner.dispose();
    trainer.dispose();
  });

  describe('with experts (MMoE)', () => {
    const mmoe: TrainerOptions = { ...options, experts: 3 };
    const layerSnapshot = (trainer: MultiTaskTrainer, prefix: string) =>
      trainer.model.layers
        .filter((l) => l.name.startsWith(prefix))
        .flatMap((l) => l.getWeights().map((w) => (w.dataSync() as Float32Array).slice()));

    it('trains every expert, and the gate of a task at weight 0 or switched off stays frozen with its head', () => {
      const cases: TrainerOptions[] = [
        { ...mmoe, weights: [1, 0, 1] },
        // Uncertainty sets its own weights: only the switch keeps task 1 out.
        {
          ...mmoe,
          enabled: [true, false, true],
          weighting: { strategy: 'uncertainty', dwaTemperature: 2, gradNormAlpha: 1.5 },
        },
      ];
      for (const c of cases) {
        const trainer = new MultiTaskTrainer(toyDataset(), c);
        const experts = [1, 2, 3].map((e) => layerSnapshot(trainer, `trunk_expert${e}_`));
        const gates = [0, 1, 2].map((k) => layerSnapshot(trainer, `head${k}_gate`));
        for (let i = 0; i < 2; i++) trainer.trainStep().dispose();
        [1, 2, 3].forEach((e, i) =>
          expect(maxAbsDiff(experts[i] as Float32Array[], layerSnapshot(trainer, `trunk_expert${e}_`))).toBeGreaterThan(
            0,
          ),
        );
        expect(maxAbsDiff(gates[0] as Float32Array[], layerSnapshot(trainer, 'head0_gate'))).toBeGreaterThan(0);
        expect(maxAbsDiff(gates[1] as Float32Array[], layerSnapshot(trainer, 'head1_gate'))).toBe(0);
        expect(maxAbsDiff(gates[2] as Float32Array[], layerSnapshot(trainer, 'head2_gate'))).toBeGreaterThan(0);
        trainer.dispose();
      }
    });

    it('runs GradNorm on the experts and PCGrad on their shared parameters, with a flat tensor count', async () => {
      for (const strategy of ['gradnorm', 'pcgrad'] as const) {
        const start = tf.memory().numTensors;
        const trainer = new MultiTaskTrainer(toyDataset(), {
          ...mmoe,
          weighting: { strategy, dwaTemperature: 2, gradNormAlpha: 1.5 },
        });
        const runner = new TrainingRunner(trainer, { onLosses: () => {}, onEpoch: () => {} }, immediate);
        await runner.runUntil(1, () => false);
        const afterEpoch1 = tf.memory().numTensors;
        await runner.runUntil(2, () => false);
        expect(tf.memory().numTensors).toBe(afterEpoch1);
        const v = trainer.trainStep();
        expect([...v.dataSync()].every(Number.isFinite)).toBe(true);
        v.dispose();
        runner.dispose();
        trainer.dispose();
        expect(tf.memory().numTensors).toBe(start);
      }
    });

    it("reports each task's mean gate weight per expert (rows sum to 1), and nothing for one shared trunk", async () => {
      const trainer = new MultiTaskTrainer(toyDataset(), mmoe);
      const usage = await trainer.expertUsage();
      expect(usage).toHaveLength(3);
      for (const row of usage ?? []) {
        expect(row).toHaveLength(3);
        expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
      }
      // Zero gate kernels and a bias favouring expert 2 for task 1: its usage is the bias's softmax.
      const gate = trainer.model.getLayer('head1_gate');
      const kernel = gate.getWeights()[0] as tf.Tensor; // the variable itself, not a copy
      tf.tidy(() => gate.setWeights([tf.zerosLike(kernel), tf.tensor1d([0, Math.log(2), 0])]));
      const skewed = await trainer.expertUsage();
      expect(skewed?.[1]?.[0]).toBeCloseTo(0.25, 5);
      expect(skewed?.[1]?.[1]).toBeCloseTo(0.5, 5);
      trainer.dispose();
      const shared = new MultiTaskTrainer(toyDataset(), options);
      expect(await shared.expertUsage()).toBeNull();
      shared.dispose();
    });

    it('learns every task', async () => {
      const trainer = new MultiTaskTrainer(toyDataset(400), mmoe);
      const before = await trainer.evaluate('val');
      const runner = new TrainingRunner(trainer, { onLosses: () => {}, onEpoch: () => {} }, immediate);
      await runner.runUntil(15, () => false);
      const after = await trainer.evaluate('val');
      after.forEach((m, k) => expect(m.loss).toBeLessThan((before[k] as { loss: number }).loss * 0.6));
      runner.dispose();
      trainer.dispose();
    });
  });
});
