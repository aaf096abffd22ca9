import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { parseCsvSync } from '../csv/parseCsv.ts';
import { prepareDataset } from '../data/prepareDataset.ts';
import { createRng } from '../rng.ts';
import { cosineMatrix } from './gradientConflict.ts';
import { MultiTaskTrainer } from './multiTaskTrainer.ts';

describe('gradient conflict', () => {
  it('cosine matrix of known gradients', () => {
    const m = cosineMatrix([[tf.tensor1d([1, 0])], [tf.tensor1d([1, 1])], [tf.tensor1d([-2, 0])]]).arraySync();
    expect(m[0]?.[1]).toBeCloseTo(Math.SQRT1_2, 5);
    expect(m[0]?.[2]).toBeCloseTo(-1, 5);
    expect(m[1]?.[1]).toBe(1);
  });

  it('is ~1 for two tasks with identical labels (and identical heads), ~−1 for opposite labels', async () => {
    const rng = createRng(3);
    const lines = ['x1,x2,same_a,same_b,opposite'];
    for (let i = 0; i < 200; i++) {
      const x1 = rng() * 2 - 1;
      const x2 = rng() * 2 - 1;
      const y = x1 + 0.5 * x2 > 0 ? 1 : 0;
      lines.push(`${x1},${x2},${y},${y},${1 - y}`);
    }
    const data = prepareDataset(
      parseCsvSync(lines.join('\n')).table,
      {
        roles: { x1: 'input', x2: 'input', same_a: 'binary', same_b: 'binary', opposite: 'binary' },
        positiveClasses: { same_a: '1', same_b: '1', opposite: '1' },
      },
      { seed: 1 },
    );
    const trainer = new MultiTaskTrainer(data, {
      trunk: [{ units: 8, activation: 'tanh', dropout: 0 }],
      headHidden: [0, 0, 0],
      batchSize: 32,
      learningRate: 0.01,
      seed: 2,
      weights: [1, 1, 1],
    });
    // Give every head the same starting weights, so only the labels differ between tasks.
    const head0 = trainer.model.getLayer('head0_output').getWeights();
    trainer.model.getLayer('head1_output').setWeights(head0);
    trainer.model.getLayer('head2_output').setWeights(head0);
    const cos = await trainer.gradientConflict();
    expect(cos[0]?.[1]).toBeCloseTo(1, 4);
    expect(cos[0]?.[2]).toBeLessThan(-0.9);
    trainer.dispose();
  });
});
