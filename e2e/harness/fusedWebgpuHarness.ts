/**
 * The WebGPU engine's browser test page (bundled by e2e/fusedWebgpu.spec.ts, served from memory):
 * each check builds a rig (fusedRig.ts: TF.js's CPU backend as the reference, a WebGPU engine with
 * the same initial weights) and returns plain data for the spec to judge. Exposes window.fusedHarness.
 */
/// <reference types="@webgpu/types" />
import * as tf from '@tensorflow/tfjs';
import type { FusedEngine } from '../../src/core/fused/fusedEngine.ts';
import { readModelParameters } from '../../src/core/fused/modelParameters.ts';
import { createWebGpuEngine } from '../../src/core/fused/webgpu/webGpuEngine.ts';
import { EngineLostError } from '../../src/core/train/fusedStepper.ts';
import { runRecorded } from '../../src/core/testing/runRecorded.ts';
import { makeRig, runSteps, type CaseConfig } from './fusedRig.ts';
import { numericGradient, referenceLosses } from './referenceForward.ts';

export interface CompareResult {
  /** Per step, the loss vectors [L₁…L_T, total, w₁…w_T]. */
  tfjs: number[][];
  engine: number[][];
  /** Flat parameters before the first step and after the last, each side's. */
  before: number[];
  tfjsAfter: number[];
  engineAfter: number[];
  /** [start, end) per partition (0 = trunk, 1 + k = head k). */
  partitions: [number, number][];
}

/** `c.steps` steps of the trainer (TF.js, CPU) and of the engine on the same batches. */
export async function compareSteps(c: CaseConfig): Promise<CompareResult> {
  await tf.setBackend('cpu');
  const rig = await makeRig(c);
  try {
    const { trainer, engine, plan, batcher, settings } = rig;
    const before = await readModelParameters(trainer.model, plan);
    const tfjs: number[][] = [];
    const engineLosses: number[][] = [];
    for (let i = 0; i < c.steps; i++) {
      const batch = batcher.batchIndices(trainer.stepInEpoch).slice();
      const step = trainer.globalStep;
      const vector = trainer.trainStep();
      tfjs.push(Array.from(await vector.data()));
      vector.dispose();
      const pending = engine.step({ ...settings, batch, step, learningRate: trainer.learningRate });
      engineLosses.push(Array.from(await pending.read()));
    }
    return {
      tfjs,
      engine: engineLosses,
      before: Array.from(before),
      tfjsAfter: Array.from(await readModelParameters(trainer.model, plan)),
      engineAfter: Array.from(await engine.readParameters()),
      partitions: plan.partitions.map((p) => [p.start, p.end]),
    };
  } finally {
    rig.dispose();
  }
}

export interface DropoutResult {
  /** The step's loss vector, the engine's and the JavaScript forward pass's. */
  engine: number[];
  reference: number[];
  /** At a spread of parameters: the engine's gradient (SGD at rate 1: before − after) and central differences. */
  gradient: number[];
  numeric: number[];
}

/** One engine step with dropout (SGD, rate 1) against the same step in plain JavaScript with dropoutMask.ts's masks. */
export async function compareDropout(c: CaseConfig): Promise<DropoutResult> {
  await tf.setBackend('cpu');
  const rig = await makeRig({ ...c, optimizer: 'sgd', learningRate: 1 });
  try {
    const { engine, plan, batcher, settings, training } = rig;
    const before = await engine.readParameters();
    const batch = batcher.batchIndices(0).slice();
    const step = 17;
    const losses = Array.from(await engine.step({ ...settings, batch, step, learningRate: 1 }).read());
    const after = await engine.readParameters();
    const stride = Math.max(1, Math.floor(plan.parameterCount / 40));
    const indices = Array.from({ length: Math.ceil(plan.parameterCount / stride) }, (_, i) => i * stride);
    return {
      engine: losses,
      reference: referenceLosses(plan, before, training, batch, step, settings.taskWeights),
      gradient: indices.map((i) => (before[i] as number) - (after[i] as number)),
      numeric: numericGradient(plan, before, training, batch, step, settings.taskWeights, indices),
    };
  } finally {
    rig.dispose();
  }
}

export interface SoakResult {
  finite: boolean;
  firstTotal: number;
  lastTotal: number;
  /** memoryBytes() before the first step and after every read-back. */
  memory: number[];
  seconds: number;
  /** What `lost` settled with by the end (null: it did not). */
  lost: string | null;
}

/** Many steps with the losses read back every `readEvery` steps, as the app does: all finite, memory flat. */
export async function soak(c: CaseConfig, readEvery: number): Promise<SoakResult> {
  await tf.setBackend('cpu');
  const rig = await makeRig(c);
  try {
    const { engine } = rig;
    let lost: string | null = null;
    void engine.lost.then((reason) => (lost = reason));
    const memory = [engine.memoryBytes()];
    const start = performance.now();
    const vectors = await runSteps(rig, engine, rig.batcher, 0, c.steps, readEvery, () =>
      memory.push(engine.memoryBytes()),
    );
    const seconds = (performance.now() - start) / 1000;
    const T = c.tasks.length;
    return {
      finite: vectors.length === c.steps && vectors.every((v) => v.every(Number.isFinite)),
      firstTotal: vectors[0]?.[T] ?? NaN,
      lastTotal: vectors[vectors.length - 1]?.[T] ?? NaN,
      memory,
      seconds,
      lost,
    };
  } finally {
    rig.dispose();
  }
}

/**
 * The same steps twice from the same start: on an engine whose ring holds 8 steps, read only at
 * the end (the ring must copy itself out unasked), and on one read after every step.
 */
export async function ringCheck(c: CaseConfig, steps: number): Promise<{ late: number[][]; each: number[][] }> {
  await tf.setBackend('cpu');
  const rig = await makeRig(c);
  try {
    const small = await rig.engineLike({ ringSlots: 8 });
    small.writeParameters(await rig.engine.readParameters());
    const late = await runSteps(rig, small, rig.order(5), 0, steps, Infinity);
    const each = await runSteps(rig, rig.engine, rig.order(5), 0, steps, 1);
    return { late, each };
  } finally {
    rig.dispose();
  }
}

/**
 * An engine stepped `steps` times, its parameters and optimiser state moved into a fresh engine,
 * then both take the same 3 further steps (they must agree exactly); and resetOptimizer: the reset
 * engine's next step must equal a fresh engine's from the same parameters.
 */
export async function stateRoundTrip(c: CaseConfig, steps: number) {
  await tf.setBackend('cpu');
  const rig = await makeRig(c);
  try {
    const { engine } = rig;
    await runSteps(rig, engine, rig.order(7), 0, steps, steps);
    const state = await engine.readOptimizerState();
    const moved = await rig.engineLike();
    moved.writeParameters(await engine.readParameters());
    moved.writeOptimizerState(state);
    const original = await runSteps(rig, engine, rig.order(8), steps, 3, 3);
    const copy = await runSteps(rig, moved, rig.order(8), steps, 3, 3);
    const [after, movedAfter] = await Promise.all([engine.readOptimizerState(), moved.readOptimizerState()]);
    const paramsAgree = same(await engine.readParameters(), await moved.readParameters());
    engine.resetOptimizer();
    const reset = await engine.readOptimizerState();
    const fresh = await rig.engineLike();
    fresh.writeParameters(await engine.readParameters());
    fresh.writeOptimizerState(reset); // the strategy's state survives resetOptimizer
    const afterReset = await runSteps(rig, engine, rig.order(9), 0, 2, 2);
    const freshSteps = await runSteps(rig, fresh, rig.order(9), 0, 2, 2);
    const resetParamsAgree = same(await engine.readParameters(), await fresh.readParameters());
    engine.resetStrategy();
    const strategyReset = (await engine.readOptimizerState()).strategy;
    return {
      iterations: state.iterations,
      strategyIterations: state.strategy.iterations,
      original,
      copy,
      paramsAgree,
      stateAgrees: stateEqual(after, movedAfter),
      resetIterations: reset.iterations,
      resetSlotsZero: reset.slots.every((slot) => slot.every((v) => v === 0)),
      strategyKept:
        same(reset.strategy.values, after.strategy.values) && reset.strategy.iterations === after.strategy.iterations,
      afterReset,
      freshSteps,
      resetParamsAgree,
      strategyAfterReset: [...strategyReset.values, ...strategyReset.m, ...strategyReset.v, strategyReset.iterations],
    };
  } finally {
    rig.dispose();
  }
}

function same(a: Float32Array, b: Float32Array): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

function stateEqual(
  a: Awaited<ReturnType<FusedEngine['readOptimizerState']>>,
  b: Awaited<ReturnType<FusedEngine['readOptimizerState']>>,
): boolean {
  const { strategy: s, slots } = a;
  return (
    JSON.stringify([a.iterations, s.iterations]) === JSON.stringify([b.iterations, b.strategy.iterations]) &&
    slots.every((slot, j) => same(slot, b.slots[j] as Float32Array)) &&
    same(s.values, b.strategy.values) &&
    same(s.m, b.strategy.m) &&
    same(s.v, b.strategy.v)
  );
}

export interface DeviceLossResult {
  /** What the runner said, once per loss: the reason and the step it went back to. */
  said: { reason: string; step: number }[];
  epochs: number[];
  /** Every epoch's validation losses finite, and the model's weights at the end. */
  finite: boolean;
  engineAfter: string | null;
  stepsAfter: number;
}

/**
 * The rig's trainer with a WebGPU engine attached on a device the harness holds, so a test can
 * destroy it. The trainer owns the engine; `release` drops it and frees the rig.
 */
async function attachedOnOwnDevice(c: CaseConfig) {
  await tf.setBackend('cpu');
  const rig = await makeRig(c);
  const adapter = await (navigator as Navigator & { gpu: GPU }).gpu.requestAdapter();
  if (!adapter) throw new Error('no WebGPU adapter');
  const device = await adapter.requestDevice();
  rig.trainer.attachEngine(await createWebGpuEngine(rig.plan, rig.training, device), rig.plan);
  const release = () => {
    rig.trainer.abandonEngine(); // the device is gone: its buffers may refuse to be freed
    device.destroy();
    rig.dispose();
  };
  return { trainer: rig.trainer, device, release };
}

/**
 * A real device loss mid-run: the engine's device is destroyed at the end of epoch `at`; the
 * app's runner must hand the run to TF.js from the last good weights and finish it, whatever the
 * lost device's reads and maps do meanwhile.
 */
export async function deviceLossMidRun(c: CaseConfig, epochs: number, at: number): Promise<DeviceLossResult> {
  const { trainer, device, release } = await attachedOnOwnDevice(c);
  try {
    const run = await runRecorded(
      trainer,
      epochs,
      (epoch) => {
        if (epoch === at) device.destroy();
      },
      () => new Promise<void>((r) => setTimeout(r, 0)),
    );
    const weights = await Promise.all(trainer.model.getWeights().map((w) => w.data()));
    return {
      said: run.engineLost,
      epochs: run.reports.map((r) => r.epoch),
      finite:
        run.reports.every((r) => r.val.every((m) => Number.isFinite(m.loss))) &&
        weights.every((w) => Array.from(w).every(Number.isFinite)),
      engineAfter: trainer.engine?.kind ?? null,
      stepsAfter: trainer.globalStep,
    };
  } finally {
    release();
  }
}

/**
 * What each of the trainer's engine reads rejects with when the device is destroyed just before
 * it (no turn of the event loop between: the device's maps fail before `lost` settles).
 */
export async function readsAfterDestroy(
  c: CaseConfig,
): Promise<Record<'step' | 'syncModel' | 'optimizerState', string>> {
  const out: Record<string, string> = {};
  for (const read of ['step', 'syncModel', 'optimizerState'] as const) {
    const { trainer, device, release } = await attachedOnOwnDevice(c);
    try {
      await trainer.prepareStep();
      const first = trainer.step();
      if (!('read' in first)) throw new Error('the step ran on TF.js');
      await first.read();
      const second = read === 'step' ? trainer.step() : null;
      device.destroy();
      try {
        if (second && 'read' in second) await second.read();
        else if (read === 'syncModel') await trainer.syncModel();
        else await trainer.trainingState();
        out[read] = 'resolved';
      } catch (e) {
        out[read] = e instanceof EngineLostError ? 'EngineLostError' : `${(e as Error).name}: ${(e as Error).message}`;
      }
    } finally {
      release();
    }
  }
  return out as Record<'step' | 'syncModel' | 'optimizerState', string>;
}

/** The WebGPU adapter's name, or null when navigator.gpu gives none. */
export async function adapterName(): Promise<string | null> {
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
  const adapter = await gpu?.requestAdapter();
  if (!adapter) return null;
  const { vendor, architecture, device, description } = adapter.info;
  return [vendor, architecture, device, description].filter(Boolean).join(' ') || 'unnamed adapter';
}

const harness = {
  compareSteps,
  compareDropout,
  soak,
  ringCheck,
  stateRoundTrip,
  deviceLossMidRun,
  readsAfterDestroy,
  adapterName,
};
export type FusedHarness = typeof harness;
(globalThis as unknown as { fusedHarness: FusedHarness }).fusedHarness = harness;
