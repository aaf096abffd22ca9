/**
 * Which engine takes a run's training steps: TensorFlow.js, or a fused engine (WASM SIMD on the CPU
 * backends, WebGPU on the webgpu backend) for the networks and strategies it covers. Auto times a
 * few steps of each on the model at hand and keeps the faster; the Backend status says which and why.
 */
import type * as tf from '@tensorflow/tfjs';
import type { FusedEngine, FusedEngineFactory, FusedTrainingData } from '../core/fused/fusedEngine.ts';
import { strategyName, type FusedPlan } from '../core/fused/fusedPlan.ts';
import { planForTrainer } from '../core/fused/trainerPlan.ts';
import { fusedTrainingData } from '../core/fused/trainingData.ts';
import { readModelParameters } from '../core/fused/modelParameters.ts';
import { message, messages, type Message } from '../core/messages/message.ts';
import { MultiTaskTrainer } from '../core/train/multiTaskTrainer.ts';
import type { BackendName, EngineChoice } from '../core/types.ts';
import { DEFAULT_WEIGHTING } from '../core/weighting/strategies.ts';

export type EngineFactories = Record<FusedEngine['kind'], FusedEngineFactory>;

export interface EngineSelection {
  /** The engine attached to the trainer, or null: TF.js takes every step. */
  engine: FusedEngine['kind'] | null;
  reason: Message;
}

/** How long Auto times each engine (after two warm-up steps), and the fewest steps it times. */
const TIMING_MS = 300;
const MIN_TIMED_STEPS = 3;
const MAX_TIMED_STEPS = 40;
/** The least time TF.js gets for its warm-up before Auto calls the engine the faster. */
const WARM_UP_BUDGET_MS = 3000;

/** The fused engine a TF.js backend pairs with: its own kind of hardware. */
export function engineKindFor(backend: BackendName): FusedEngine['kind'] {
  return backend === 'webgpu' ? 'webgpu' : 'wasm';
}

const ENGINE_NAMES: Record<FusedEngine['kind'], string> = {
  wasm: 'messages.engine.names.wasm',
  webgpu: 'messages.engine.names.webgpu',
};

export function engineName(kind: FusedEngine['kind']): Message {
  return message(ENGINE_NAMES[kind]);
}

/** Attaches the engine `choice` asks for to a fresh trainer (no step taken elsewhere yet), and says why. */
export async function attachEngine(
  trainer: MultiTaskTrainer,
  choice: EngineChoice,
  backend: BackendName,
  factories: EngineFactories,
): Promise<EngineSelection> {
  if (choice === 'tfjs') return { engine: null, reason: message('messages.engine.chosenTfjs') };
  const planned = planForTrainer(trainer);
  if ('problem' in planned)
    return { engine: null, reason: message('messages.engine.notCovered', { why: planned.problem }) };
  const kind = engineKindFor(backend);
  const name = engineName(kind);
  const data = fusedTrainingData(trainer.data.train, trainer.data.classWeights);
  let engine: FusedEngine;
  try {
    engine = await factories[kind](planned.plan, data);
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    return { engine: null, reason: message('messages.engine.failed', { engine: name, error }) };
  }
  if (choice === 'fused') {
    trainer.attachEngine(engine, planned.plan);
    return {
      engine: kind,
      reason: withStrategyNote(trainer, message('messages.engine.chosenFused', { engine: name })),
    };
  }
  const fused = await timeEngine(engine, planned.plan, data, trainer);
  // TF.js on a software GPU can take a minute to compile its first steps' shaders: Auto stops
  // timing it once it has taken far longer than the engine's whole timing did.
  const tfjs = await timeTfjs(trainer, Math.max(WARM_UP_BUDGET_MS, 20 * fused.totalMs));
  const steps = Math.min(fused.steps, tfjs.steps);
  if (fused.msPerStep < tfjs.msPerStep) {
    trainer.attachEngine(engine, planned.plan);
    const ratio = (tfjs.msPerStep / fused.msPerStep).toFixed(1);
    return { engine: kind, reason: message('messages.engine.autoFused', { engine: name, ratio, steps }) };
  }
  engine.dispose();
  const ratio = (fused.msPerStep / tfjs.msPerStep).toFixed(1);
  return { engine: null, reason: message('messages.engine.autoTfjs', { engine: name, ratio, steps }) };
}

/** The engine's sentence, with a note while the current strategy leaves the steps to TF.js. */
export function withStrategyNote(trainer: MultiTaskTrainer, reason: Message): Message {
  const engine = trainer.engine;
  if (!engine || trainer.engineInUse) return reason;
  const strategy = strategyName(trainer.weightingConfig.strategy);
  return messages([reason, message('messages.engine.strategyOnTfjs', { strategy, engine: engineName(engine.kind) })]);
}

interface Timing {
  msPerStep: number;
  steps: number;
  /** Warm-up included. */
  totalMs: number;
}

/**
 * Times steps until TIMING_MS have passed (between MIN and MAX steps); `read` waits for the last
 * step's device work. Past `budgetMs` in all it stops, and the time per step so far stands (a
 * lower bound of the steady pace: the warm-up counts as one step).
 */
async function timeLoop(step: () => void, read: () => Promise<unknown>, budgetMs = Infinity): Promise<Timing> {
  const begin = performance.now();
  step();
  step();
  await read(); // warm-up: shader compilation, first allocations
  const start = performance.now();
  if (start - begin > budgetMs) return { msPerStep: (start - begin) / 2, steps: 2, totalMs: start - begin };
  let steps = 0;
  while (steps < MAX_TIMED_STEPS && (steps < MIN_TIMED_STEPS || performance.now() - start < TIMING_MS)) {
    step();
    steps++;
    if (steps % 8 === 0) await read(); // an asynchronous device must not queue unboundedly
    if (performance.now() - begin > budgetMs) break;
  }
  await read();
  const end = performance.now();
  return { msPerStep: (end - start) / steps, steps, totalMs: end - begin };
}

/** The engine on the trainer's first rows (its state is overwritten when the run's weights move in). */
async function timeEngine(
  engine: FusedEngine,
  plan: FusedPlan,
  data: FusedTrainingData,
  trainer: MultiTaskTrainer,
): Promise<Timing> {
  engine.writeParameters(await readModelParameters(trainer.model, plan));
  const T = plan.tasks.length;
  const batch = Int32Array.from({ length: Math.min(plan.batchSize, data.rows) }, (_, i) => i);
  let last: Promise<Float32Array> = Promise.resolve(new Float32Array(0));
  let step = 0;
  const result = await timeLoop(
    () => {
      last = engine
        .step({
          batch,
          step: step++,
          learningRate: trainer.options.learningRate,
          weighting: 'assigned',
          taskWeights: new Float32Array(T).fill(1),
          headTrains: new Uint8Array(T).fill(1),
          strategyLearningRate: trainer.options.learningRate,
        })
        .read();
    },
    () => last,
  );
  engine.resetOptimizer();
  engine.resetStrategy();
  return result;
}

/** TF.js's step on a scratch copy of the network (same data and settings; the run's own model is untouched). */
async function timeTfjs(trainer: MultiTaskTrainer, budgetMs: number): Promise<Timing> {
  const scratch = new MultiTaskTrainer(trainer.data, { ...trainer.options, weighting: DEFAULT_WEIGHTING });
  let last: tf.Tensor1D | null = null;
  try {
    return await timeLoop(
      () => {
        last?.dispose();
        last = scratch.trainStep();
      },
      async () => {
        if (last) await last.data();
      },
      budgetMs,
    );
  } finally {
    (last as tf.Tensor1D | null)?.dispose();
    scratch.dispose();
  }
}
