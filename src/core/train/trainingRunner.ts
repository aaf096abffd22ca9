/**
 * Drives a {@link MultiTaskTrainer}: steps until the requested epoch or until told to stop,
 * yields a macrotask between steps so commands land before the next step, reads losses back in
 * batches every few hundred milliseconds, evaluates the validation split at each epoch's end,
 * stops early when the monitored validation loss stops improving, and stops by itself, restoring
 * the last good weights, when a loss turns NaN or infinite.
 */
import type * as tf from '@tensorflow/tfjs';
import type { TaskDiagnostics } from '../metrics/taskDiagnostics.ts';
import type { TaskMetrics } from '../metrics/taskMetrics.ts';
import { EngineLostError } from './fusedStepper.ts';
import { LossReader, type StepLosses } from './lossReader.ts';
import type { MultiTaskTrainer } from './multiTaskTrainer.ts';

/** What is known at the end of an epoch. */
export interface EpochReport {
  epoch: number;
  step: number;
  /** Mean training loss per task over the epoch's steps. */
  trainLoss: number[];
  /** Mean weighted total over the epoch's steps. */
  trainTotal: number;
  val: TaskMetrics[];
  /** Cosine similarity of each pair of tasks' gradients on the shared trunk at the epoch's end. */
  gradientCosine: number[][];
  /** Under MMoE: each task's mean gate weight per expert, [task][expert]; null for one shared trunk. */
  expertUsage: number[][] | null;
  /** The weights in effect at the epoch's last step. */
  weights: number[];
  learningRate: number;
  /** Wall time of the epoch's training steps (with read-backs and yields), and of the validation pass. */
  trainMs: number;
  evalMs: number;
  /** Training rows seen in the epoch. */
  rows: number;
  /** The best epoch so far by early stopping's measure (this one included); null when it is off. */
  bestEpoch: number | null;
}

export interface RunnerHooks {
  onLosses(steps: StepLosses[], samplesPerSecond: number): void;
  /** diagnostics: the validation split's plot data (kept out of the report, which the page keeps for every epoch). */
  /** Awaited before the next step: what it reads of the model (a checkpoint) is this epoch's. */
  onEpoch(report: EpochReport, diagnostics: TaskDiagnostics[]): unknown;
  /** The fused engine stopped (`reason`); training goes on with TF.js from the weights of `restoredStep`. */
  onEngineLost?(reason: string, restoredStep: number): void;
}

export interface RunnerOptions {
  /** Read losses back at most this often while an epoch runs. */
  readbackIntervalMs?: number;
  /** ... or when this many steps are waiting. */
  maxPendingSteps?: number;
  /** Make the validation split's plot data at each epoch's end (default true; baselines need none). */
  diagnostics?: boolean;
}

/** Early stopping on a validation loss: a task's (by index) or the weighted total. */
export interface EarlyStopping {
  enabled: boolean;
  monitor: 'total' | number;
  patience: number;
  /** false: only keep track of the best epoch (and its weights) without stopping, for a run until paused. */
  stop?: boolean;
}

export interface Divergence {
  step: number;
  /** The task whose loss went non-finite, or null when only the weighted total did. */
  task: string | null;
  /** The step of the weights that were restored (0 = the initial weights). */
  restoredStep: number;
}

/** How often a read-back also snapshots the weights for divergence recovery. */
const SNAPSHOT_INTERVAL_MS = 1000;

export type RunOutcome =
  | { kind: 'done' }
  | { kind: 'stopped' }
  | { kind: 'stoppedEarly'; bestEpoch: number }
  | { kind: 'diverged'; divergence: Divergence };

interface Snapshot {
  step: number;
  weights: tf.Tensor[];
}

export class TrainingRunner {
  private readonly reader: LossReader;
  private readonly readbackIntervalMs: number;
  private readonly maxPendingSteps: number;
  private readonly diagnostics: boolean;
  /** Training wall time of the current epoch from earlier runs (before a pause). */
  private epochMsBeforePause = 0;
  private segmentStartMs = 0;
  private lastWeights: number[];
  private lastGood: Snapshot;
  private inFlight: Snapshot[] = [];
  private divergence: { step: number; task: string | null } | null = null;
  private earlyStopping: EarlyStopping = { enabled: false, monitor: 'total', patience: 5 };
  private best: { value: number; epoch: number; weights: tf.Tensor[] } | null = null;
  private epochsWithoutImprovement = 0;
  private lastSnapshotMs = -Infinity;

  constructor(
    private readonly trainer: MultiTaskTrainer,
    private readonly hooks: RunnerHooks,
    private readonly yieldToEventLoop: () => Promise<void>,
    options: RunnerOptions = {},
  ) {
    this.reader = new LossReader(trainer.tasks.length, (steps, rate) => this.onLosses(steps, rate));
    this.readbackIntervalMs = options.readbackIntervalMs ?? 200;
    this.maxPendingSteps = options.maxPendingSteps ?? 256;
    this.diagnostics = options.diagnostics ?? true;
    this.lastWeights = trainer.tasks.map(() => 1);
    this.lastGood = { step: 0, weights: trainer.snapshotWeights() };
  }

  setEarlyStopping(config: EarlyStopping): void {
    this.earlyStopping = { ...config };
  }

  /**
   * Puts back the best epoch's weights seen by early stopping, if a later epoch holds now (a run
   * that reached its epoch limit before patience ran out). Returns that epoch, or null.
   */
  restoreBestWeights(): number | null {
    if (!this.earlyStopping.enabled || !this.best || this.best.epoch === this.trainer.epochsCompleted) return null;
    this.trainer.restoreWeights(this.best.weights);
    return this.best.epoch;
  }

  /**
   * Forgets the best epoch (and its weights): after a change of the weights, the strategy or the
   * monitor, the measure it was best by no longer compares with the epochs to come.
   */
  resetBest(): void {
    this.best?.weights.forEach((w) => w.dispose());
    this.best = null;
    this.epochsWithoutImprovement = 0;
  }

  /**
   * Trains until `targetEpochs` epochs are complete, or `shouldStop()` turns true between steps. A
   * fused engine that stops working hands the run to TF.js from the last good weights, and it goes on.
   */
  async runUntil(targetEpochs: number, shouldStop: () => boolean): Promise<RunOutcome> {
    for (;;) {
      try {
        return await this.runSegment(targetEpochs, shouldStop);
      } catch (e) {
        if (!(e instanceof EngineLostError)) throw e;
        this.fallBackToTfjs(e.reason);
      }
    }
  }

  private async runSegment(targetEpochs: number, shouldStop: () => boolean): Promise<RunOutcome> {
    this.reader.restartClock();
    this.segmentStartMs = performance.now();
    let lastReadMs = performance.now();
    while (this.trainer.epochsCompleted < targetEpochs) {
      if (shouldStop()) return this.endSegment({ kind: 'stopped' });
      if (this.trainer.needsPreparation) await this.trainer.prepareStep();
      this.stepOnce();
      if (this.trainer.stepInEpoch === 0) {
        const stop = await this.finishEpoch();
        if (stop) return stop;
        this.reader.restartClock();
        lastReadMs = performance.now();
      } else if (
        performance.now() - lastReadMs >= this.readbackIntervalMs ||
        this.reader.pendingCount >= this.maxPendingSteps
      ) {
        await this.flush();
        lastReadMs = performance.now();
      }
      if (this.divergence) return this.recoverFromDivergence();
      await this.yieldToEventLoop();
    }
    return this.endSegment({ kind: 'done' });
  }

  /** One step, read back at once (the Step button, while paused). */
  async stepAndReport(): Promise<RunOutcome> {
    try {
      return await this.stepSegment();
    } catch (e) {
      if (!(e instanceof EngineLostError)) throw e;
      this.fallBackToTfjs(e.reason);
      return this.stepSegment();
    }
  }

  private async stepSegment(): Promise<RunOutcome> {
    this.reader.restartClock();
    this.segmentStartMs = performance.now();
    if (this.trainer.needsPreparation) await this.trainer.prepareStep();
    this.stepOnce();
    if (this.trainer.stepInEpoch === 0) {
      const stop = await this.finishEpoch();
      if (stop) return stop;
    }
    return this.endSegment({ kind: 'stopped' });
  }

  /** The model's weights were replaced (a saved run reopened): the last good weights are these now. */
  rebase(): void {
    this.lastGood.weights.forEach((w) => w.dispose());
    this.lastGood = { step: this.trainer.globalStep, weights: this.trainer.snapshotWeights() };
  }

  /** Frees loss vectors not yet read and every weight snapshot. */
  dispose(): void {
    this.reader.dispose();
    const all = [this.lastGood.weights, ...this.inFlight.map((s) => s.weights), this.best?.weights ?? []];
    for (const ws of all) ws.forEach((w) => w.dispose());
    this.inFlight = [];
    this.best = null;
  }

  private async endSegment(outcome: RunOutcome): Promise<RunOutcome> {
    await this.flush();
    await this.reader.drain();
    await this.trainer.syncModel(); // paused: whatever reads the model next (exports, Restore best) reads this step's
    if (this.divergence) return this.recoverFromDivergence();
    this.epochMsBeforePause += performance.now() - this.segmentStartMs;
    return outcome;
  }

  private stepOnce(): void {
    const epoch = this.trainer.epochsCompleted + 1;
    const rows = this.trainer.batchRows(this.trainer.stepInEpoch);
    const vector = this.trainer.step();
    this.reader.push(vector, this.trainer.globalStep, epoch, rows);
  }

  /**
   * Starts a read-back. About once a second it carries a snapshot of the weights after its last
   * step, which becomes the "last good" weights if that read-back's losses are all finite.
   */
  private async flush(): Promise<void> {
    if (this.reader.pendingCount === 0) return;
    const now = performance.now();
    if (now - this.lastSnapshotMs >= SNAPSHOT_INTERVAL_MS) {
      this.lastSnapshotMs = now;
      await this.trainer.syncModel();
      this.inFlight.push({ step: this.trainer.globalStep, weights: this.trainer.snapshotWeights() });
    }
    await this.reader.flush();
  }

  /** The engine is gone: its unread steps with it; the last good weights go back into the model, TF.js trains on. */
  private fallBackToTfjs(reason: string): void {
    this.reader.abandonPending();
    this.trainer.abandonEngine();
    for (const s of this.inFlight) s.weights.forEach((w) => w.dispose());
    this.inFlight = [];
    this.divergence = null;
    this.trainer.restoreWeights(this.lastGood.weights);
    this.trainer.resetOptimizers(); // the engine held the moments
    this.hooks.onEngineLost?.(reason, this.lastGood.step);
  }

  private onLosses(steps: StepLosses[], samplesPerSecond: number): void {
    const last = steps[steps.length - 1];
    if (last) this.lastWeights = last.weights;
    for (const s of steps) {
      if (this.divergence) break;
      const bad = s.perTask.findIndex((v) => !Number.isFinite(v));
      if (bad >= 0 || !Number.isFinite(s.total))
        this.divergence = { step: s.step, task: bad >= 0 ? (this.trainer.tasks[bad]?.name ?? null) : null };
    }
    const snapshot = this.inFlight[0];
    if (snapshot && last && snapshot.step <= last.step) {
      this.inFlight.shift();
      if (this.divergence) snapshot.weights.forEach((w) => w.dispose());
      else {
        this.lastGood.weights.forEach((w) => w.dispose());
        this.lastGood = snapshot;
      }
    }
    this.hooks.onLosses(steps, samplesPerSecond);
  }

  private async recoverFromDivergence(): Promise<RunOutcome> {
    await this.reader.drain();
    const found = this.divergence as { step: number; task: string | null };
    this.divergence = null;
    for (const s of this.inFlight) s.weights.forEach((w) => w.dispose());
    this.inFlight = [];
    this.trainer.restoreWeights(this.lastGood.weights);
    this.trainer.resetOptimizers();
    this.epochMsBeforePause += performance.now() - this.segmentStartMs;
    return { kind: 'diverged', divergence: { ...found, restoredStep: this.lastGood.step } };
  }

  private async finishEpoch(): Promise<RunOutcome | null> {
    await this.flush();
    await this.reader.drain();
    if (this.divergence) return this.recoverFromDivergence();
    const trainMs = this.epochMsBeforePause + performance.now() - this.segmentStartMs;
    this.epochMsBeforePause = 0;
    const epoch = this.trainer.epochsCompleted;
    const mean = this.reader.takeEpochMean(epoch) ?? { perTask: this.trainer.tasks.map(() => NaN), total: NaN };
    this.trainer.recordEpochLosses(mean.perTask);
    const evalStart = performance.now();
    const { metrics: val, diagnostics } = this.diagnostics
      ? await this.trainer.evaluateWithDiagnostics('val')
      : { metrics: await this.trainer.evaluate('val'), diagnostics: [] };
    const gradientCosine = await this.trainer.gradientConflict();
    const expertUsage = await this.trainer.expertUsage();
    const evalMs = performance.now() - evalStart;
    this.segmentStartMs = performance.now();
    const stop = this.checkEarlyStopping(epoch, val);
    await this.hooks.onEpoch(
      {
        epoch,
        step: this.trainer.globalStep,
        trainLoss: mean.perTask,
        trainTotal: mean.total,
        val,
        gradientCosine,
        expertUsage,
        weights: this.lastWeights,
        learningRate: this.trainer.learningRate,
        trainMs,
        evalMs,
        rows: this.trainer.data.train.rows,
        bestEpoch: this.earlyStopping.enabled ? (this.best?.epoch ?? null) : null,
      },
      diagnostics,
    );
    return stop;
  }

  private checkEarlyStopping(epoch: number, val: TaskMetrics[]): RunOutcome | null {
    if (!this.earlyStopping.enabled) return null;
    const { monitor, patience } = this.earlyStopping;
    // The trainer says how the total weighs each task (the plain sum under a self-weighting strategy).
    const weights = monitor === 'total' ? this.trainer.monitorWeights() : [];
    const value =
      monitor === 'total' ? val.reduce((s, m, k) => s + (weights[k] ?? 1) * m.loss, 0) : (val[monitor]?.loss ?? NaN);
    if (!Number.isFinite(value)) return null;
    if (!this.best || value < this.best.value - 1e-9) {
      this.best?.weights.forEach((w) => w.dispose());
      this.best = { value, epoch, weights: this.trainer.snapshotWeights() };
      this.epochsWithoutImprovement = 0;
      return null;
    }
    this.epochsWithoutImprovement++;
    if (this.epochsWithoutImprovement < patience || this.earlyStopping.stop === false) return null;
    this.trainer.restoreWeights(this.best.weights);
    this.epochsWithoutImprovement = 0;
    return { kind: 'stoppedEarly', bestEpoch: this.best.epoch };
  }
}
