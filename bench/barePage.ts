/**
 * The benchmark's baseline: the same model on the same data and backend, trained the way a bare
 * TF.js script would, with `model.fit`, on the page's own thread, nothing else on the page.
 */
import * as tf from '@tensorflow/tfjs';
import { parseCsvSync } from '../src/core/csv/parseCsv.ts';
import { SAMPLE_DATASETS } from '../src/core/data/sampleDatasets.ts';
import { prepareDataset } from '../src/core/data/prepareDataset.ts';
import { buildMultiTaskModel } from '../src/core/model/buildMultiTaskModel.ts';
import { MultiTaskTrainer } from '../src/core/train/multiTaskTrainer.ts';
import { TrainingRunner } from '../src/core/train/trainingRunner.ts';
import { createEventLoopYielder } from '../src/core/train/yieldToEventLoop.ts';
import type { WeightingStrategy } from '../src/core/weighting/strategies.ts';
import '../src/worker/registerBackends.ts';
import { makeReferenceData, REFERENCE_CLASSES, REFERENCE_INPUTS } from './referenceData.ts';

export interface FitBenchOptions {
  backend: string;
  rows: number;
  trunkUnits: number[];
  /** MMoE experts (1 = one shared trunk). */
  experts: number;
  batchSize: number;
  learningRate: number;
  /** Batches to run before timing starts (shader compilation, first allocations). */
  warmupSteps: number;
  measureSteps: number;
}

export interface FitBenchResult {
  backend: string;
  stepsPerSecond: number;
  samplesPerSecond: number;
  measuredSteps: number;
}

async function runFitBench(o: FitBenchOptions): Promise<FitBenchResult> {
  if (!(await tf.setBackend(o.backend))) throw new Error(`backend ${o.backend} did not start`);
  await tf.ready();
  const data = makeReferenceData(o.rows);
  const model = buildMultiTaskModel(
    {
      inputSize: REFERENCE_INPUTS,
      embeddings: [],
      trunk: o.trunkUnits.map((units) => ({ units, activation: 'relu' as const, dropout: 0 })),
      experts: o.experts,
      headHidden: [0, 0, 0],
      tasks: [
        { name: 'y_bin', kind: 'binary', numClasses: 2, classLabels: ['0', '1'] },
        { name: 'y_reg', kind: 'regression', numClasses: 1, classLabels: [] },
        { name: 'y_cls', kind: 'multiclass', numClasses: REFERENCE_CLASSES, classLabels: [] },
      ],
    },
    1,
  );
  model.compile({
    optimizer: tf.train.adam(o.learningRate),
    loss: ['binaryCrossentropy', 'meanSquaredError', 'sparseCategoricalCrossentropy'],
  });
  const xs = tf.tensor2d(data.x, [o.rows, REFERENCE_INPUTS]);
  const ys = [
    tf.tensor2d(data.yBin, [o.rows, 1]),
    tf.tensor2d(data.yReg, [o.rows, 1]),
    tf.tensor2d(data.yCls, [o.rows, 1]),
  ];
  const times: number[] = [];
  const total = o.warmupSteps + o.measureSteps;
  const stepsPerEpoch = Math.ceil(o.rows / o.batchSize);
  await model.fit(xs, ys, {
    batchSize: o.batchSize,
    epochs: Math.ceil((total + 1) / stepsPerEpoch),
    shuffle: true,
    verbose: 0,
    callbacks: {
      onBatchEnd: async () => {
        times.push(performance.now());
        if (times.length > total) model.stopTraining = true;
      },
    },
  });
  const measured = times.slice(o.warmupSteps);
  const elapsedS = ((measured[measured.length - 1] as number) - (measured[0] as number)) / 1000;
  const steps = measured.length - 1;
  tf.dispose([xs, ...ys]);
  model.dispose();
  return {
    backend: o.backend,
    stepsPerSecond: steps / elapsedS,
    samplesPerSecond: (steps * o.batchSize) / elapsedS,
    measuredSteps: steps,
  };
}

/**
 * The same run on the weather sample under each weighting strategy: validation metrics after the
 * same epochs, and the mean time of a training step relative to Equal (one page, one backend).
 */
async function compareStrategies(o: { backend: string; epochs: number; strategies: WeightingStrategy[] }) {
  if (!(await tf.setBackend(o.backend))) throw new Error(`backend ${o.backend} did not start`);
  const sample = SAMPLE_DATASETS.find((d) => d.id === 'weather');
  if (!sample || sample.source.kind !== 'file') throw new Error('weather sample missing');
  const table = parseCsvSync(await (await fetch(`/${sample.source.path}`)).text()).table;
  const data = prepareDataset(
    table,
    { roles: sample.roles, positiveClasses: sample.positiveClasses ?? {} },
    { seed: 42 },
  );
  const yieldToEventLoop = createEventLoopYielder();
  const results = [];
  for (const strategy of o.strategies) {
    const trainer = new MultiTaskTrainer(data, {
      trunk: [64, 64].map((units) => ({ units, activation: 'relu' as const, dropout: 0 })),
      headHidden: data.tasks.map(() => 0),
      batchSize: 64,
      learningRate: 0.005,
      seed: 42,
      weights: data.tasks.map(() => 1),
      weighting: { strategy, dwaTemperature: 2, gradNormAlpha: 1.5 },
    });
    const runner = new TrainingRunner(trainer, { onLosses: () => {}, onEpoch: () => {} }, yieldToEventLoop);
    await runner.runUntil(1, () => false); // warm-up epoch, not timed
    const start = performance.now();
    const stepsBefore = trainer.globalStep;
    await runner.runUntil(o.epochs, () => false);
    const msPerStep = (performance.now() - start) / (trainer.globalStep - stepsBefore);
    const val = await trainer.evaluate('val');
    results.push({ strategy, msPerStep, tasks: data.tasks.map((t, k) => ({ task: t.name, kind: t.kind, ...val[k] })) });
    runner.dispose();
    trainer.dispose();
  }
  return results;
}

Object.assign(window, { runFitBench, compareStrategies });
document.body.dataset.ready = 'true';
