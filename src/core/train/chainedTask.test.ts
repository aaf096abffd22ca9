import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { thrownInEnglish } from '../../i18n/inEnglish.ts';
import type { Table } from '../csv/table.ts';
import { categorical, numeric } from '../data/ecommerceSample.ts';
import { PrepareError, prepareDataset, type ColumnSettings } from '../data/prepareDataset.ts';
import { selectTasks } from '../data/selectTasks.ts';
import { buildMultiTaskModel } from '../model/buildMultiTaskModel.ts';
import { createRng } from '../rng.ts';
import type { ModelSpec } from '../types.ts';
import { taskLossesOn } from './forwardLosses.ts';
import { MultiTaskTrainer } from './multiTaskTrainer.ts';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** A click → purchase funnel: purchased is missing where clicked is "no". */
function funnelTable(rows: number): Table {
  const rng = createRng(5);
  const x = new Float64Array(rows);
  const clicked: string[] = [];
  const purchased: (string | null)[] = [];
  for (let i = 0; i < rows; i++) {
    x[i] = rng() * 4 - 2;
    const click = rng() < sigmoid(2 * (x[i] as number));
    clicked.push(click ? 'yes' : 'no');
    purchased.push(click ? (rng() < sigmoid(3 * (x[i] as number) - 2) ? 'yes' : 'no') : null);
  }
  return {
    rowCount: rows,
    columns: [numeric('x', x), categorical('clicked', clicked), categorical('purchased', purchased)],
  };
}

const SETTINGS: ColumnSettings = {
  roles: { x: 'input', clicked: 'binary', purchased: 'binary' },
  positiveClasses: { clicked: 'yes', purchased: 'yes' },
  chainedTo: { purchased: 'clicked' },
};

/** One input, no trunk: head k's output is sigmoid(kernel·x + bias), set by hand. */
function handModel(): tf.LayersModel {
  const spec: ModelSpec = {
    inputSize: 1,
    embeddings: [],
    trunk: [],
    headHidden: [0, 0],
    tasks: [
      { name: 'clicked', kind: 'binary', numClasses: 2, classLabels: ['no', 'yes'] },
      { name: 'purchased', kind: 'binary', numClasses: 2, classLabels: ['no', 'yes'], chainedTo: 0 },
    ],
  };
  const model = buildMultiTaskModel(spec, 1);
  const set = (name: string, w: number, b: number) =>
    model.getLayer(name).setWeights([tf.tensor2d([[w]]), tf.tensor1d([b])]);
  set('head0_output', 1, 0); // p(click | x) = σ(x)
  set('head1_output', 2, -1); // p(purchase | click, x) = σ(2x − 1)
  return model;
}

describe('chained task (ESMM)', () => {
  it('outputs p(condition) · p(task | condition): the hand-computed product', () => {
    const model = handModel();
    const [click, purchase] = tf.tidy(() =>
      (model.predict(tf.tensor2d([[0.5], [-1], [2]])) as tf.Tensor[]).map((t) => [...t.dataSync()]),
    ) as [number[], number[]];
    // σ(0.5) = 0.622459, σ(0) = 0.5; σ(−1) = 0.268941, σ(−3) = 0.047426; σ(2) = 0.880797, σ(3) = 0.952574
    expect(click[0]).toBeCloseTo(0.622459, 5);
    expect(purchase[0]).toBeCloseTo(0.622459 * 0.5, 5);
    expect(purchase[1]).toBeCloseTo(0.268941 * 0.047426, 6);
    expect(purchase[2]).toBeCloseTo(0.880797 * 0.952574, 5);
    expect(model.countParams()).toBe(4); // the product adds no weights
    model.dispose();
  });

  it('fills the chained target with 0 where the condition is negative and keeps it missing nowhere else', () => {
    const table = funnelTable(300);
    const plain = prepareDataset(table, { ...SETTINGS, chainedTo: {} }, { seed: 1 });
    const data = prepareDataset(table, SETTINGS, { seed: 1 });
    expect(data.tasks[1]?.chainedTo).toBe(0);
    expect(plain.tasks[1]?.chainedTo).toBeUndefined();
    const [click, buy] = data.train.targets as [Float32Array, Float32Array];
    const plainBuy = plain.train.targets[1] as Float32Array;
    for (let i = 0; i < data.train.rows; i++) {
      if (click[i] === 0) {
        expect(Number.isNaN(plainBuy[i] as number)).toBe(true);
        expect(buy[i]).toBe(0);
      } else expect(buy[i]).toBe(plainBuy[i]);
    }
    expect(() => prepareDataset(table, { ...SETTINGS, chainedTo: { purchased: 'x' } }, { seed: 1 })).toThrow(
      PrepareError,
    );
    expect(
      thrownInEnglish(() => prepareDataset(table, { ...SETTINGS, chainedTo: { purchased: 'x' } }, { seed: 1 })),
    ).toBe(
      '"purchased" can only be chained to another binary target; "x" is not one. Make both Binary targets, or unchain "purchased".',
    );
    // A single-task baseline of the chained task predicts it directly (its condition is not there).
    expect(selectTasks(data, [1]).tasks[0]?.chainedTo).toBeUndefined();
    expect(selectTasks(data, [0, 1]).tasks[1]?.chainedTo).toBe(0);
  });

  it('counts the loss of a row whose condition is negative as the product’s: −log(1 − p(click)·p(purchase | click))', () => {
    const model = handModel();
    const tasks = [
      { name: 'clicked', kind: 'binary' as const, numClasses: 2, classLabels: ['no', 'yes'] },
      { name: 'purchased', kind: 'binary' as const, numClasses: 2, classLabels: ['no', 'yes'], chainedTo: 0 },
    ];
    // One row, x = 0.5, not clicked (so not purchased: target 0 for both).
    const losses = tf.tidy(() =>
      taskLossesOn(model, tasks, {
        inputs: [tf.tensor2d([[0.5]])],
        targets: [tf.tensor1d([0]), tf.tensor1d([0])],
        masks: [null, null],
      }).dataSync(),
    );
    expect(losses[0]).toBeCloseTo(-Math.log(1 - 0.622459), 5);
    expect(losses[1]).toBeCloseTo(-Math.log(1 - 0.622459 * 0.5), 5);
    model.dispose();
  });

  it('trains on every row: the chained loss falls and p(purchase) ranks the purchases', async () => {
    const data = prepareDataset(funnelTable(600), SETTINGS, { seed: 2 });
    const trainer = new MultiTaskTrainer(data, {
      trunk: [{ units: 8, activation: 'relu', dropout: 0 }],
      headHidden: [0, 0],
      batchSize: 32,
      learningRate: 0.02,
      seed: 4,
      weights: [1, 1],
    });
    const before = (await trainer.evaluate('train'))[1];
    for (let i = 0; i < 120; i++) trainer.trainStep().dispose();
    const after = (await trainer.evaluate('train'))[1];
    expect(after?.count).toBe(data.train.rows); // measured on every row, not only the clicked ones
    expect(after?.loss as number).toBeLessThan((before?.loss as number) * 0.8);
    expect(after?.auc as number).toBeGreaterThan(0.85);
    trainer.dispose();
  });
});
