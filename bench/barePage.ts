/**
 * The benchmark's baseline: the same model on the same data and backend, trained the way a bare
 * TF.js script would, with `model.fit`, on the page's own thread, nothing else on the page.
 */
import * as tf from '@tensorflow/tfjs';
import { buildMultiTaskModel } from '../src/core/model/buildMultiTaskModel.ts';
import '../src/worker/registerBackends.ts';
import { makeReferenceData, REFERENCE_CLASSES, REFERENCE_INPUTS } from './referenceData.ts';

export interface FitBenchOptions {
  backend: string;
  rows: number;
  trunkUnits: number[];
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
      headHidden: [0, 0, 0],
      tasks: [
        { name: 'y_bin', kind: 'binary', numClasses: 2, classLabels: ['0', '1'] },
        { name: 'y_reg', kind: 'regression', numClasses: 1, classLabels: [] },
        { name: 'y_cls', kind: 'multiclass', numClasses: REFERENCE_CLASSES, classLabels: [] },
      ],
    },
    1,
  );
  model.compile({ optimizer: tf.train.adam(o.learningRate), loss: ['binaryCrossentropy', 'meanSquaredError', 'sparseCategoricalCrossentropy'] });
  const xs = tf.tensor2d(data.x, [o.rows, REFERENCE_INPUTS]);
  const ys = [tf.tensor2d(data.yBin, [o.rows, 1]), tf.tensor2d(data.yReg, [o.rows, 1]), tf.tensor2d(data.yCls, [o.rows, 1])];
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
  return { backend: o.backend, stepsPerSecond: steps / elapsedS, samplesPerSecond: (steps * o.batchSize) / elapsedS, measuredSteps: steps };
}

Object.assign(window, { runFitBench });
document.body.dataset.ready = 'true';
