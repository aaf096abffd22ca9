import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { toyDataset } from '../testing/toyData.ts';
import { DropoutMasks } from './dropoutMasks.ts';
import { MultiTaskTrainer } from './multiTaskTrainer.ts';

function dropoutNet(): tf.LayersModel {
  const input = tf.input({ shape: [50] });
  const out = tf.layers.dropout({ rate: 0.5, seed: 7, name: 'drop' }).apply(input) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: out });
}

/** Which of the 50 units a training-mode pass dropped, for an all-ones input. */
function droppedUnits(model: tf.LayersModel): string {
  return tf.tidy(() =>
    [...(model.apply(tf.ones([1, 50]), { training: true }) as tf.Tensor).dataSync()]
      .map((v) => (v === 0 ? '0' : '1'))
      .join(''),
  );
}

describe('DropoutMasks', () => {
  it('why it exists: a seeded TF.js Dropout layer drops the same units on every call', () => {
    const model = dropoutNet();
    expect(droppedUnits(model)).toBe(droppedUnits(model));
    model.dispose();
  });

  it('gives each step a new mask, the same one again for the same step, and the same sequence for the same seeds', () => {
    const model = dropoutNet();
    const masks = new DropoutMasks(model);
    masks.forStep(0);
    const step0 = droppedUnits(model);
    expect(droppedUnits(model)).toBe(step0); // every pass within a step agrees
    masks.forStep(1);
    const step1 = droppedUnits(model);
    expect(step1).not.toBe(step0);
    expect(step1.split('').filter((c) => c === '0').length).toBeGreaterThan(10); // still about half dropped
    const again = dropoutNet();
    const againMasks = new DropoutMasks(again);
    againMasks.forStep(1);
    expect(droppedUnits(again)).toBe(step1);
    model.dispose();
    again.dispose();
  });

  it('the trainer re-seeds its dropout layers every step, and two runs with one Seed take identical steps', () => {
    const options = {
      trunk: [{ units: 16, activation: 'relu' as const, dropout: 0.5 }],
      headHidden: [0, 0, 0],
      batchSize: 32,
      learningRate: 0.01,
      seed: 3,
      weights: [1, 1, 1],
    };
    const losses = () => {
      const trainer = new MultiTaskTrainer(toyDataset(), options);
      const layer = trainer.model.layers.find((l) => l.getClassName() === 'Dropout') as unknown as { seed: number };
      const seeds: number[] = [];
      const values: number[] = [];
      for (let i = 0; i < 3; i++) {
        const v = trainer.trainStep();
        seeds.push(layer.seed);
        values.push(...v.dataSync());
        v.dispose();
      }
      trainer.dispose();
      return { seeds, values };
    };
    const a = losses();
    expect(new Set(a.seeds).size).toBe(3);
    expect(losses().values).toEqual(a.values);
  });
});
