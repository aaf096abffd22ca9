/// <reference types="vite/client" />
/// <reference types="@webgpu/types" />
/**
 * The fused engines next to TF.js, in one page (loaded by bare.html): for a case, one
 * MultiTaskTrainer on the engine data, its TF.js steps timed (trainer.trainStep(), the loss vectors
 * stacked and read back every `readEvery` steps, as the app's LossReader does), then a fused engine
 * on the same model's initial weights and the same training rows, its steps timed the same way
 * (engine.step with each epoch's seeded permutation, losses read every `readEvery` steps). Also the
 * single-thread WASM SIMD multiply-add peak (simdPeak.ts) and TF Playground's own code at its size.
 * bench/engines.spec.ts drives it; everything is timed on the page's own thread.
 */
import * as tf from '@tensorflow/tfjs';
import type {
  FusedEngine,
  FusedEngineFactory,
  FusedTrainingData,
  PendingLosses,
} from '../src/core/fused/fusedEngine.ts';
import { planFusedStep, planLayers, type FusedPlan } from '../src/core/fused/fusedPlan.ts';
import { coveredPlanForTrainer } from '../src/core/fused/trainerPlan.ts';
import { readModelParameters } from '../src/core/fused/modelParameters.ts';
import { fusedTrainingData } from '../src/core/fused/trainingData.ts';
import { createWasmEngine } from '../src/core/fused/wasm/wasmEngine.ts';
import { webGpuEngineFactory } from '../src/core/fused/webgpu/webGpuEngine.ts';
import { createRng, shuffleInPlace } from '../src/core/rng.ts';
import { MultiTaskTrainer } from '../src/core/train/multiTaskTrainer.ts';
import type { Activation } from '../src/core/types.ts';
import '../src/worker/registerBackends.ts';
import { engineDataset, type EngineDataKind } from './engineData.ts';
import { measureSimdPeak, type SimdPeak } from './simdPeak.ts';
import { timePlayground, type PlaygroundResult } from './tfPlayground/playgroundBench.ts';

export interface EngineCaseOptions {
  backend: 'wasm' | 'webgpu';
  data: EngineDataKind;
  trunk: number[];
  activation: Activation;
  batchSize: number;
  trainRows: number;
  /** Steps before timing (compiles, first allocations), then the loop runs until `budgetMs` and `minSteps`. */
  warmupSteps: number;
  budgetMs: number;
  minSteps: number;
  /** Loss read-back every this many steps (the app reads a batch of them every few hundred ms). */
  readEvery: number;
  /** How long the engine may take to start (WebGPU on SwiftShader compiles its shaders slowly); default 300 s. */
  startLimitMs?: number;
}

export interface SideResult {
  steps: number;
  samples: number;
  seconds: number;
  stepsPerS: number;
  samplesPerS: number;
  gflops: number;
  /** The weighted total loss of the last step timed (a sanity check that it trains). */
  lastTotalLoss: number;
}

export interface EngineCaseResult {
  parameterCount: number;
  /** 6 × Σ(in × out) over the dense layers: forward 2, backward 4 flops per weight and sample. */
  flopsPerSample: number;
  flopsPerStep: number;
  tfjsBackend: string;
  tfjsWasmSimd?: boolean;
  tfjsWasmThreads?: boolean;
  crossOriginIsolated: boolean;
  /** From the factory's call to a ready engine (buffers, shader compiles, the split's upload). */
  engineStartMs?: number;
  tfjs: SideResult | { error: string };
  fused: SideResult | { error: string };
  simdPeak?: SimdPeak;
  playground?: PlaygroundResult;
}

type Side = {
  step(): { rows: number; pending: unknown };
  read(pending: unknown[]): Promise<Float32Array>;
};

const SEED = 1;
/** A hung engine (a GPU read that never settles) becomes an error in the results, not a stuck run. */
const START_LIMIT_MS = 300_000;
const READ_LIMIT_MS = 120_000;
const LEARNING_RATE = 0.001;

const FACTORIES: Record<'wasm' | 'webgpu', FusedEngineFactory> = {
  wasm: createWasmEngine,
  webgpu: webGpuEngineFactory,
};

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** Forward 2 + backward 4 flops per weight per sample, over every dense layer of the plan. */
export function flopsPerSample(plan: FusedPlan): number {
  return 6 * planLayers(plan).reduce((s, l) => s + l.inputs * l.units, 0);
}

interface Session {
  o: EngineCaseOptions;
  trainer: MultiTaskTrainer;
  plan: FusedPlan;
  data: FusedTrainingData;
  initial: Float32Array;
  engine: FusedEngine | null;
  engineError: string | null;
  tfjsSide: Side;
  fusedSide: Side | null;
  info: Omit<EngineCaseResult, 'tfjs' | 'fused'>;
}

let session: Session | null = null;

function tfjsSide(trainer: MultiTaskTrainer): Side {
  return {
    step() {
      const rows = trainer.batchRows(trainer.stepInEpoch);
      return { rows, pending: trainer.trainStep() };
    },
    async read(pending) {
      const vectors = pending as tf.Tensor1D[];
      const stacked = tf.tidy(() => tf.stack(vectors));
      tf.dispose(vectors);
      try {
        const values = (await stacked.data()) as Float32Array;
        const width = values.length / vectors.length;
        return values.slice(values.length - width);
      } finally {
        stacked.dispose();
      }
    },
  };
}

function fusedSide(engine: FusedEngine, rows: number, batchSize: number, tasks: number): Side {
  const rng = createRng(SEED + 7919);
  const stepsPerEpoch = Math.ceil(rows / batchSize);
  let order = new Int32Array(0);
  let step = 0;
  const taskWeights = new Float32Array(tasks).fill(1);
  const headTrains = new Uint8Array(tasks).fill(1);
  return {
    step() {
      const inEpoch = step % stepsPerEpoch;
      if (inEpoch === 0)
        order = shuffleInPlace(
          Int32Array.from({ length: rows }, (_, i) => i),
          rng,
        );
      const batch = order.subarray(inEpoch * batchSize, Math.min(rows, (inEpoch + 1) * batchSize));
      const pending = engine.step({
        batch,
        step,
        learningRate: LEARNING_RATE,
        weighting: 'assigned',
        taskWeights,
        headTrains,
        strategyLearningRate: LEARNING_RATE,
      });
      step++;
      return { rows: batch.length, pending };
    },
    async read(pending) {
      const all = await Promise.all((pending as PendingLosses[]).map((p) => p.read()));
      return all[all.length - 1] as Float32Array;
    },
  };
}

/** Builds the case's trainer and plan, and keeps the trainer's initial weights for the engine. */
async function prepare(o: EngineCaseOptions): Promise<Session['info']> {
  dispose();
  if (tf.getBackend() !== o.backend && !(await tf.setBackend(o.backend)))
    throw new Error(`TF.js backend ${o.backend} did not start`);
  await tf.ready();
  const data = engineDataset(o.data, o.trainRows);
  const trainer = new MultiTaskTrainer(data, {
    trunk: o.trunk.map((units) => ({ units, activation: o.activation, dropout: 0 })),
    headHidden: data.tasks.map(() => 0),
    batchSize: o.batchSize,
    learningRate: LEARNING_RATE,
    seed: SEED,
    weights: data.tasks.map(() => 1),
    optimizer: 'adam',
  });
  const plan = coveredPlanForTrainer(trainer);
  const perSample = flopsPerSample(plan);
  const info: Session['info'] = {
    parameterCount: plan.parameterCount,
    flopsPerSample: perSample,
    flopsPerStep: perSample * o.batchSize,
    tfjsBackend: tf.getBackend(),
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    ...(o.backend === 'wasm'
      ? {
          tfjsWasmSimd: Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')),
          tfjsWasmThreads: Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')),
        }
      : {}),
  };
  session = {
    o,
    trainer,
    plan,
    data: fusedTrainingData(data.train, data.classWeights),
    initial: await readModelParameters(trainer.model, plan),
    engine: null,
    engineError: null,
    tfjsSide: tfjsSide(trainer),
    fusedSide: null,
    info,
  };
  return info;
}

/** The fused engine on the trainer's initial weights, started when first timed (after TF.js, so a stuck GPU spares its figures). */
async function startEngine(s: Session): Promise<Side> {
  if (s.fusedSide) return s.fusedSide;
  if (s.engineError) throw new Error(s.engineError);
  const factory = FACTORIES[s.o.backend];
  try {
    const t0 = performance.now();
    const engine = await within(
      factory(s.plan, s.data),
      s.o.startLimitMs ?? START_LIMIT_MS,
      'the engine did not start',
    );
    s.engine = engine;
    engine.writeParameters(s.initial);
    s.info.engineStartMs = performance.now() - t0;
    s.fusedSide = fusedSide(engine, s.data.rows, s.o.batchSize, s.plan.tasks.length);
    return s.fusedSide;
  } catch (e) {
    s.engineError = e instanceof Error ? e.message : String(e);
    throw new Error(s.engineError, { cause: e });
  }
}

/** Times one side of the prepared case: warm-up steps, then steps until the budget, reading losses every readEvery. */
async function time(which: 'tfjs' | 'fused', override: Partial<EngineCaseOptions> = {}): Promise<SideResult> {
  if (!session) throw new Error('no case prepared');
  const o = { ...session.o, ...override };
  const side = which === 'tfjs' ? session.tfjsSide : await startEngine(session);
  let pending: unknown[] = [];
  for (let i = 0; i < o.warmupSteps; i++) pending.push(side.step().pending);
  if (pending.length) await within(side.read(pending), READ_LIMIT_MS, `${which}: warm-up losses did not come back`);
  pending = [];
  let steps = 0;
  let samples = 0;
  let last: Float32Array | undefined;
  const start = performance.now();
  for (;;) {
    const s = side.step();
    pending.push(s.pending);
    steps++;
    samples += s.rows;
    if (pending.length >= o.readEvery || (steps >= o.minSteps && performance.now() - start >= o.budgetMs)) {
      last = await within(side.read(pending), READ_LIMIT_MS, `${which}: losses did not come back`);
      pending = [];
      if (steps >= o.minSteps && performance.now() - start >= o.budgetMs) break;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const tasks = session.plan.tasks.length;
  return {
    steps,
    samples,
    seconds,
    stepsPerS: steps / seconds,
    samplesPerS: samples / seconds,
    gflops: (samples * session.info.flopsPerSample) / seconds / 1e9,
    lastTotalLoss: last?.[tasks] ?? NaN,
  };
}

function dispose(): void {
  if (!session) return;
  session.engine?.dispose();
  session.trainer.dispose();
  session = null;
}

/** Time TF.js, then the fused engine, on one case; optionally the SIMD peak and TF Playground in the same page. */
async function runCase(
  o: EngineCaseOptions & { simdPeakMs?: number; playgroundMs?: number },
): Promise<EngineCaseResult> {
  const simdPeak = o.simdPeakMs ? await measureSimdPeak(o.simdPeakMs) : undefined;
  await prepare(o);
  const attempt = async (which: 'tfjs' | 'fused') => {
    try {
      return await time(which);
    } catch (e) {
      return { error: (e instanceof Error ? e.message : String(e)).slice(0, 400) };
    }
  };
  const tfjs = await attempt('tfjs');
  const fused = await attempt('fused');
  const info = { ...(session as Session).info };
  dispose();
  const playground = o.playgroundMs ? timePlayground(o.playgroundMs) : undefined;
  return { ...info, tfjs, fused, ...(simdPeak ? { simdPeak } : {}), ...(playground ? { playground } : {}) };
}

/**
 * Diagnosis: the engine alone, no TF.js backend started and no trainer (the engine's own initial
 * weights): how long it takes to start, and its first steps. Milliseconds since the call, per stage.
 */
async function engineOnly(o: EngineCaseOptions): Promise<Record<string, number | string>> {
  const t0 = performance.now();
  const at = () => performance.now() - t0;
  const data = engineDataset(o.data, o.trainRows);
  const trunk = o.trunk.map((units) => ({ units, activation: o.activation, dropout: 0 }));
  const spec = { inputSize: data.inputSize, embeddings: [], trunk, experts: 1, headHidden: [], tasks: data.tasks };
  const planned = planFusedStep({
    spec,
    batchSize: o.batchSize,
    optimizer: 'adam',
    l1: 0,
    l2: 0,
    clipNorm: 0,
    epsilon: 1e-7,
    seed: SEED,
  });
  if (!('plan' in planned)) return { error: planned.problem.key };
  const factory = FACTORIES[o.backend];
  const engine = await within(
    factory(planned.plan, fusedTrainingData(data.train, data.classWeights)),
    o.startLimitMs ?? START_LIMIT_MS,
    'the engine did not start',
  );
  const out: Record<string, number | string> = { startedMs: at() };
  try {
    const side = fusedSide(engine, data.train.rows, o.batchSize, data.tasks.length);
    await within(side.read([side.step().pending]), READ_LIMIT_MS, 'the first losses did not come back');
    out.firstStepMs = at();
    const pending = Array.from({ length: o.readEvery }, () => side.step().pending);
    await within(side.read(pending), READ_LIMIT_MS, 'losses did not come back');
    out[`next${o.readEvery}StepsMs`] = at();
  } finally {
    engine.dispose();
  }
  return out;
}

Object.assign(window, {
  engineBench: { runCase, prepare, time, dispose, engineOnly, simdPeak: measureSimdPeak, playground: timePlayground },
});
document.body.dataset.enginesReady = 'true';
