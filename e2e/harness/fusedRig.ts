/**
 * The side-by-side rig of the WebGPU engine's browser test: a seeded synthetic dataset, a
 * MultiTaskTrainer on it (TF.js, the reference) and a WebGPU engine with the trainer's initial
 * weights, the same training rows and the step settings the trainer's weighting implies.
 */
/// <reference types="@webgpu/types" />
import type { PreparedDataset, PreparedSplit } from '../../src/core/data/prepareDataset.ts';
import type { FusedEngine, FusedStepRequest, FusedTrainingData } from '../../src/core/fused/fusedEngine.ts';
import type { FusedPlan } from '../../src/core/fused/fusedPlan.ts';
import { coveredPlanForTrainer } from '../../src/core/fused/trainerPlan.ts';
import { readModelParameters } from '../../src/core/fused/modelParameters.ts';
import { fusedTrainingData } from '../../src/core/fused/trainingData.ts';
import { createWebGpuEngine, type WebGpuEngineOptions } from '../../src/core/fused/webgpu/webGpuEngine.ts';
import { createRng } from '../../src/core/rng.ts';
import { EpochBatcher } from '../../src/core/train/batcher.ts';
import { MultiTaskTrainer, type TrainerOptions } from '../../src/core/train/multiTaskTrainer.ts';
import type { OptimizerKind } from '../../src/core/train/optimizerKinds.ts';
import type { DenseLayerSpec, TaskKind, TaskSpec } from '../../src/core/types.ts';

export interface CaseConfig {
  rows: number;
  inputs: number;
  tasks: { kind: TaskKind; classes?: number }[];
  /** Some targets missing and class weights on the classification tasks. */
  masked?: boolean;
  trunk: DenseLayerSpec[];
  headHidden: number[];
  batchSize: number;
  optimizer: OptimizerKind;
  learningRate: number;
  steps: number;
  weighting?: 'manual' | 'uncertainty';
  weights?: number[];
  enabled?: boolean[];
  l1?: number;
  l2?: number;
  clipNorm?: number;
  seed?: number;
}

/** Standard-normal inputs and targets that depend on them, as a prepared dataset (train split only matters). */
export function syntheticDataset(c: CaseConfig): PreparedDataset {
  const rng = createRng(c.seed ?? 3);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const tasks: TaskSpec[] = c.tasks.map((t, k) => {
    const classes = t.kind === 'binary' ? 2 : t.kind === 'multiclass' ? (t.classes ?? 3) : 1;
    const labels = t.kind === 'regression' ? [] : Array.from({ length: classes }, (_, i) => `c${i}`);
    return { name: `y${k}`, kind: t.kind, numClasses: classes, classLabels: labels };
  });
  const split = (rows: number): PreparedSplit => {
    const x = Float32Array.from({ length: rows * c.inputs }, normal);
    const targets = tasks.map((t, k) =>
      Float32Array.from({ length: rows }, (_, r) => {
        if (c.masked && r % (3 + k) === 1) return NaN;
        const s = x.subarray(r * c.inputs, (r + 1) * c.inputs).reduce((a, v, i) => a + v * Math.sin(i + 2 * k + 1), 0);
        if (t.kind === 'regression') return s / Math.sqrt(c.inputs) + 0.1 * normal();
        if (t.kind === 'binary') return s + 0.3 * normal() > 0 ? 1 : 0;
        return Math.min(t.numClasses - 1, Math.floor(rng() * 0.5 * t.numClasses + (s > 0 ? 0.5 * t.numClasses : 0)));
      }),
    );
    return { rows, tableRows: Int32Array.from({ length: rows }, (_, i) => i), x, embeddingIds: [], targets };
  };
  const featureNames = Array.from({ length: c.inputs }, (_, i) => `x${i + 1}`);
  const targetScales = tasks.map(() => ({ mean: 0, std: 1 }));
  return {
    inputSize: c.inputs,
    featureNames,
    embeddings: [],
    tasks,
    targetScales,
    classWeights: tasks.map((t) =>
      c.masked && t.kind !== 'regression' ? Array.from({ length: t.numClasses }, (_, i) => 0.6 + 0.5 * i) : null,
    ),
    train: split(c.rows),
    val: split(8),
    test: split(8),
    preprocessing: { inputs: [], featureNames, embeddings: [], tasks, targetScales },
  };
}

export interface Rig {
  trainer: MultiTaskTrainer;
  engine: FusedEngine;
  plan: FusedPlan;
  data: PreparedDataset;
  training: FusedTrainingData;
  /** The trainer's batch order, drawn again from its seed (the trainer's rng is createRng(seed + 7919)). */
  batcher: EpochBatcher;
  settings: Pick<FusedStepRequest, 'weighting' | 'taskWeights' | 'headTrains' | 'strategyLearningRate'>;
  /** A batch order of its own from `seed` (freed with the rig). */
  order(seed: number): EpochBatcher;
  /** Another engine on the rig's plan and rows (freed with the rig), its parameters zero. */
  engineLike(options?: WebGpuEngineOptions): Promise<FusedEngine>;
  dispose(): void;
}

export async function makeRig(c: CaseConfig, engineOptions: WebGpuEngineOptions = {}): Promise<Rig> {
  const data = syntheticDataset(c);
  const T = c.tasks.length;
  const weights = c.weights ?? c.tasks.map(() => 1);
  const enabled = c.enabled ?? c.tasks.map(() => true);
  const uncertainty = c.weighting === 'uncertainty';
  const seed = c.seed ?? 3;
  const options: TrainerOptions = {
    trunk: c.trunk,
    headHidden: c.headHidden,
    batchSize: c.batchSize,
    learningRate: c.learningRate,
    optimizer: c.optimizer,
    seed,
    weights,
    enabled,
    l1: c.l1 ?? 0,
    l2: c.l2 ?? 0,
    clipNorm: c.clipNorm ?? 0,
    weighting: { strategy: uncertainty ? 'uncertainty' : 'manual', dwaTemperature: 2, gradNormAlpha: 1.5 },
  };
  const trainer = new MultiTaskTrainer(data, options);
  const plan = coveredPlanForTrainer(trainer);
  const training = fusedTrainingData(data.train, data.classWeights);
  const engine = await createWebGpuEngine(plan, training, undefined, engineOptions);
  engine.writeParameters(await readModelParameters(trainer.model, plan));
  const owned: { dispose(): void }[] = [engine];
  const order = (from: number) => {
    const batcher = new EpochBatcher(
      { rows: data.train.rows, inputs: [], targets: [], masks: [] },
      c.batchSize,
      createRng(from),
    );
    owned.push(batcher);
    return batcher;
  };
  const settings = {
    weighting: uncertainty ? ('uncertainty' as const) : ('assigned' as const),
    taskWeights: Float32Array.from({ length: T }, (_, k) => (enabled[k] ? (uncertainty ? 1 : (weights[k] ?? 1)) : 0)),
    headTrains: Uint8Array.from({ length: T }, (_, k) =>
      enabled[k] && (uncertainty || (weights[k] ?? 1) > 0) ? 1 : 0,
    ),
    strategyLearningRate: c.learningRate,
  };
  return {
    trainer,
    engine,
    plan,
    data,
    training,
    batcher: order(seed + 7919),
    settings,
    order,
    engineLike: async (options) => {
      const other = await createWebGpuEngine(plan, training, undefined, options);
      owned.push(other);
      return other;
    },
    dispose: () => {
      owned.forEach((o) => o.dispose());
      trainer.dispose();
    },
  };
}

/**
 * Steps `from` … `from + steps − 1` on `engine` with a fresh `batcher`'s batches (epoch after
 * epoch), the losses read back whenever `readEvery` are pending, as the app reads them.
 */
export async function runSteps(
  rig: Rig,
  engine: FusedEngine,
  batcher: EpochBatcher,
  from: number,
  steps: number,
  readEvery: number,
  onRead: () => void = () => {},
): Promise<number[][]> {
  const stepsPerEpoch = Math.ceil(rig.data.train.rows / rig.plan.batchSize);
  const out: number[][] = [];
  let pending: ReturnType<FusedEngine['step']>[] = [];
  for (let i = 0; i < steps; i++) {
    const step = from + i;
    const batch = batcher.batchIndices(i % stepsPerEpoch).slice();
    pending.push(engine.step({ ...rig.settings, batch, step, learningRate: rig.trainer.options.learningRate }));
    if (pending.length >= readEvery || i === steps - 1) {
      for (const v of await Promise.all(pending.map((p) => p.read()))) out.push(Array.from(v));
      pending = [];
      onRead();
    }
  }
  return out;
}
