/**
 * Test support for the WASM engine (no vitest here): a MultiTaskTrainer as the TF.js reference and
 * an engine holding the same weights, rows and settings, stepped side by side on the same batches.
 */
import type { PreparedDataset } from '../../data/prepareDataset.ts';
import { toyDataset } from '../../testing/toyData.ts';
import { createRng } from '../../rng.ts';
import { EpochBatcher } from '../../train/batcher.ts';
import { MultiTaskTrainer, type TrainerOptions } from '../../train/multiTaskTrainer.ts';
import type { FusedEngine, FusedStepRequest } from '../fusedEngine.ts';
import type { FusedPlan } from '../fusedPlan.ts';
import { coveredPlanForTrainer } from '../trainerPlan.ts';
import { readModelParameters } from '../modelParameters.ts';
import { fusedTrainingData } from '../trainingData.ts';
import { createWasmEngine } from './wasmEngine.ts';

export interface Rig {
  trainer: MultiTaskTrainer;
  engine: FusedEngine;
  plan: FusedPlan;
  /** The trainer's batch order, drawn again from the same seed (the trainer's rng is createRng(seed + 7919)). */
  batcher: EpochBatcher;
  dispose(): void;
}

/** The toy tasks (binary, 3-class, regression); with `masked`, some targets missing and class weights on the binary task. */
export function rigData(rows = 96, masked = false): PreparedDataset {
  const data = toyDataset(rows);
  if (!masked) return data;
  const targets = data.train.targets.map((t, k) => t.map((v, i) => (i % (4 + k) === 1 ? NaN : v)));
  return { ...data, train: { ...data.train, targets }, classWeights: [[0.7, 1.6], null, null] };
}

export const BASE_OPTIONS: TrainerOptions = {
  trunk: [
    { units: 12, activation: 'relu', dropout: 0 },
    { units: 9, activation: 'tanh', dropout: 0 },
  ],
  headHidden: [0, 5, 0],
  batchSize: 32,
  learningRate: 0.05,
  optimizer: 'sgd',
  seed: 5,
  weights: [1, 1, 1],
};

/** A trainer and an engine with the trainer's initial weights. */
export async function makeRig(options: TrainerOptions, data: PreparedDataset = rigData()): Promise<Rig> {
  const trainer = new MultiTaskTrainer(data, options);
  const plan = coveredPlanForTrainer(trainer);
  const engine = await createWasmEngine(plan, fusedTrainingData(data.train, data.classWeights));
  engine.writeParameters(await readModelParameters(trainer.model, plan));
  const split = { rows: data.train.rows, inputs: [], targets: [], masks: [] };
  const batcher = new EpochBatcher(split, options.batchSize, createRng(options.seed + 7919));
  return {
    trainer,
    engine,
    plan,
    batcher,
    dispose: () => {
      engine.dispose();
      batcher.dispose();
      trainer.dispose();
    },
  };
}

/** What a step of the engine needs beyond the batch, the step number and the learning rate. */
export type StepSettings = Pick<FusedStepRequest, 'weighting' | 'taskWeights' | 'headTrains' | 'strategyLearningRate'>;

export function assigned(weights: number[], headTrains = weights.map((w) => (w > 0 ? 1 : 0))): StepSettings {
  return {
    weighting: 'assigned',
    taskWeights: Float32Array.from(weights),
    headTrains: Uint8Array.from(headTrains),
    strategyLearningRate: 0,
  };
}

export interface SideBySide {
  /** Loss vectors [L₁…L_T, total, w₁…w_T] of the step, TF.js's and the engine's. */
  tfjs: Float32Array;
  wasm: Float32Array;
  /** Flat parameters before the step (both sides equal) and after it, each side's. */
  before: Float32Array;
  tfjsAfter: Float32Array;
  wasmAfter: Float32Array;
}

/** One trainer step and one engine step on the same batch. */
export async function stepBoth(rig: Rig, settings: StepSettings): Promise<SideBySide> {
  const { trainer, engine, plan } = rig;
  const before = await readModelParameters(trainer.model, plan);
  const batch = rig.batcher.batchIndices(trainer.stepInEpoch).slice();
  const step = trainer.globalStep;
  const vector = trainer.trainStep();
  const tfjs = (await vector.data()) as Float32Array;
  vector.dispose();
  const pending = engine.step({ ...settings, batch, step, learningRate: trainer.learningRate });
  return {
    tfjs,
    wasm: await pending.read(),
    before,
    tfjsAfter: await readModelParameters(trainer.model, plan),
    wasmAfter: await engine.readParameters(),
  };
}

/** max |a − b| / (atol + |b|): below 1 when every entry agrees to within atol + rtol·|b| with rtol = 1 / the result's scale. */
export function worstError(a: ArrayLike<number>, b: ArrayLike<number>, rtol: number, atol: number): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs((a[i] as number) - (b[i] as number));
    const bound = atol + rtol * Math.abs(b[i] as number);
    const e = Number.isNaN(d) ? Infinity : d / bound;
    if (e > worst) worst = e;
  }
  return worst;
}

/** after − before, entry by entry (a step's change). */
export function delta(after: Float32Array, before: Float32Array): Float32Array {
  return after.map((v, i) => v - (before[i] as number));
}

/** max |x| over [start, end). */
export function maxAbs(x: Float32Array, start = 0, end = x.length): number {
  let m = 0;
  for (let i = start; i < end; i++) m = Math.max(m, Math.abs(x[i] as number));
  return m;
}
