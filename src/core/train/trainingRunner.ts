/**
 * Drives a {@link MultiTaskTrainer}: steps until the requested epoch or until told to stop,
 * yields a macrotask between steps so commands land before the next step, reads losses back in
 * batches every few hundred milliseconds, and evaluates the validation split at each epoch's end.
 */
import type { TaskMetrics } from '../metrics/taskMetrics.ts';
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
  /** Wall time of the epoch's training steps (with read-backs and yields), and of the validation pass. */
  trainMs: number;
  evalMs: number;
  /** Training rows seen in the epoch. */
  rows: number;
}

export interface RunnerHooks {
  onLosses(steps: StepLosses[], samplesPerSecond: number): void;
  onEpoch(report: EpochReport): void;
}

export interface RunnerOptions {
  /** Read losses back at most this often while an epoch runs. */
  readbackIntervalMs?: number;
  /** ... or when this many steps are waiting. */
  maxPendingSteps?: number;
}

export type RunOutcome = 'done' | 'stopped';

export class TrainingRunner {
  private readonly reader: LossReader;
  private readonly readbackIntervalMs: number;
  private readonly maxPendingSteps: number;
  /** Training wall time of the current epoch from earlier runs (before a pause). */
  private epochMsBeforePause = 0;
  private segmentStartMs = 0;

  constructor(
    private readonly trainer: MultiTaskTrainer,
    private readonly hooks: RunnerHooks,
    private readonly yieldToEventLoop: () => Promise<void>,
    options: RunnerOptions = {},
  ) {
    this.reader = new LossReader(trainer.tasks.length, hooks.onLosses);
    this.readbackIntervalMs = options.readbackIntervalMs ?? 200;
    this.maxPendingSteps = options.maxPendingSteps ?? 256;
  }

  /** Trains until `targetEpochs` epochs are complete, or `shouldStop()` turns true between steps. */
  async runUntil(targetEpochs: number, shouldStop: () => boolean): Promise<RunOutcome> {
    this.reader.restartClock();
    this.segmentStartMs = performance.now();
    let lastReadMs = performance.now();
    while (this.trainer.epochsCompleted < targetEpochs) {
      if (shouldStop()) {
        await this.reader.drain();
        this.epochMsBeforePause += performance.now() - this.segmentStartMs;
        return 'stopped';
      }
      this.stepOnce();
      if (this.trainer.stepInEpoch === 0) {
        await this.finishEpoch();
        this.reader.restartClock();
        lastReadMs = performance.now();
      } else if (performance.now() - lastReadMs >= this.readbackIntervalMs || this.reader.pendingCount >= this.maxPendingSteps) {
        await this.reader.flush();
        lastReadMs = performance.now();
      }
      await this.yieldToEventLoop();
    }
    await this.reader.drain();
    this.epochMsBeforePause += performance.now() - this.segmentStartMs;
    return 'done';
  }

  /** One step, read back at once (the Step button, while paused). */
  async stepAndReport(): Promise<void> {
    this.reader.restartClock();
    this.segmentStartMs = performance.now();
    this.stepOnce();
    if (this.trainer.stepInEpoch === 0) await this.finishEpoch();
    else await this.reader.drain();
    this.epochMsBeforePause += performance.now() - this.segmentStartMs;
  }

  /** Frees loss vectors not yet read. */
  dispose(): void {
    this.reader.dispose();
  }

  private stepOnce(): void {
    const epoch = this.trainer.epochsCompleted + 1;
    const rows = this.trainer.batchRows(this.trainer.stepInEpoch);
    const vector = this.trainer.trainStep();
    this.reader.push(vector, this.trainer.globalStep, epoch, rows);
  }

  private async finishEpoch(): Promise<void> {
    await this.reader.drain();
    const trainMs = this.epochMsBeforePause + performance.now() - this.segmentStartMs;
    this.epochMsBeforePause = 0;
    const epoch = this.trainer.epochsCompleted;
    const mean = this.reader.takeEpochMean(epoch) ?? { perTask: this.trainer.tasks.map(() => NaN), total: NaN };
    const evalStart = performance.now();
    const val = await this.trainer.evaluate('val');
    const evalMs = performance.now() - evalStart;
    this.segmentStartMs = performance.now();
    this.hooks.onEpoch({ epoch, step: this.trainer.globalStep, trainLoss: mean.perTask, trainTotal: mean.total, val, trainMs, evalMs, rows: this.trainer.data.train.rows });
  }
}
