import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.ts';
import type { TaskKind } from '../types.ts';
import { plainTaskLoss } from './plainTaskLosses.ts';
import { lossForTask } from './taskLosses.ts';

/** Random outputs of a head of `kind` (probabilities away from the clip), targets with NaN gaps, row weights. */
function randomCase(kind: TaskKind, rows: number, seed: number) {
  const rng = createRng(seed);
  const width = kind === 'multiclass' ? 4 : 1;
  const outputs = new Float32Array(rows * width);
  const targets = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    if (kind === 'multiclass') {
      const logits = Array.from({ length: width }, () => rng() * 4 - 2);
      const sum = logits.reduce((s, v) => s + Math.exp(v), 0);
      logits.forEach((v, c) => (outputs[i * width + c] = Math.exp(v) / sum));
    } else outputs[i] = kind === 'binary' ? 0.02 + 0.96 * rng() : rng() * 6 - 3;
    targets[i] =
      kind === 'binary' ? (rng() < 0.4 ? 1 : 0) : kind === 'multiclass' ? Math.floor(rng() * width) : rng() * 4 - 2;
    if (rng() < 0.15) targets[i] = NaN;
  }
  // Class weights for classification (0.5 or 2 by class), arbitrary row weights for regression.
  const rowWeights = Float32Array.from(targets, (y) => (kind === 'regression' ? 0.25 + rng() * 2 : y === 1 ? 2 : 0.5));
  return { outputs, targets, rowWeights, width };
}

/** The TF.js training loss on the same rows: NaN targets → 0 with mask 0, the mask carrying the row weights. */
function tfLoss(kind: TaskKind, c: ReturnType<typeof randomCase>, weighted: boolean): number {
  return tf.tidy(() => {
    const rows = c.targets.length;
    const y = tf.tensor1d(c.targets.map((v) => (Number.isNaN(v) ? 0 : v)));
    const mask = tf.tensor1d(
      c.targets.map((v, i) => (Number.isNaN(v) ? 0 : weighted ? (c.rowWeights[i] as number) : 1)),
    );
    return lossForTask(kind)(tf.tensor2d(c.outputs, [rows, c.width]), y, mask).dataSync()[0] as number;
  });
}

describe('plain-JS task losses (evaluation) and TF.js task losses (training)', () => {
  for (const kind of ['binary', 'multiclass', 'regression'] as const) {
    it(`agree to 1e-6 for ${kind}, with missing targets, with and without row weights`, () => {
      for (const seed of [1, 2, 3]) {
        const c = randomCase(kind, 80, seed);
        expect(c.targets.some(Number.isNaN)).toBe(true);
        const unweighted = plainTaskLoss(kind, c.outputs, c.targets, c.width);
        const weighted = plainTaskLoss(kind, c.outputs, c.targets, c.width, c.rowWeights);
        expect(Math.abs(weighted - unweighted)).toBeGreaterThan(1e-3); // the row weights matter here
        expect(Math.abs(unweighted - tfLoss(kind, c, false))).toBeLessThan(1e-6 * Math.max(1, unweighted));
        expect(Math.abs(weighted - tfLoss(kind, c, true))).toBeLessThan(1e-6 * Math.max(1, weighted));
      }
    });
  }

  it('gives 0, not NaN, when no row has a target', () => {
    expect(plainTaskLoss('binary', Float32Array.of(0.3, 0.6), Float32Array.of(NaN, NaN), 1)).toBe(0);
  });
});
