/**
 * Collects the per-step loss vectors the trainer leaves on the device and reads them back in
 * batches, asynchronously (`await data()`, never `dataSync()`), with at most one read in flight so
 * an asynchronous backend's queue cannot run away from the CPU.
 */
import * as tf from '@tensorflow/tfjs';
import { isTensorVector, type LossVector } from './fusedStepper.ts';

/** Losses of one training step, read back. */
export interface StepLosses {
  step: number; // 1-based global step
  epoch: number; // 1-based epoch the step belongs to
  perTask: number[];
  total: number; // Σ wᵢ·Lᵢ
  /** The weights in effect for this step. */
  weights: number[];
}

interface Pending {
  vector: LossVector;
  step: number;
  epoch: number;
  rows: number;
}

export class LossReader {
  private pending: Pending[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  private readonly epochSums = new Map<number, { sums: number[]; steps: number }>();
  private windowStartMs = performance.now();
  private windowRows = 0;

  constructor(
    private readonly numTasks: number,
    /** Receives each batch of read-back steps and the samples/s since the previous batch. */
    private readonly onLosses: (steps: StepLosses[], samplesPerSecond: number) => void,
  ) {}

  /** Takes ownership of one step's loss vector [2T+1]: losses, total, weights (a tensor, or a fused engine's). */
  push(vector: LossVector, step: number, epoch: number, rows: number): void {
    this.pending.push({ vector, step, epoch, rows });
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /** Starts reading back what is pending; waits only for the previous read, so one is in flight at most. */
  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    await this.inFlight;
    if (batch.length === 0) return;
    this.inFlight = readAll(batch.map((p) => p.vector)).then((values) => this.deliver(batch, values));
  }

  /** Reads back everything pushed so far and waits for it. */
  async drain(): Promise<void> {
    await this.flush();
    await this.inFlight;
  }

  /** Mean per-task and total loss over the steps of an epoch read so far (then forgets that epoch). */
  takeEpochMean(epoch: number): { perTask: number[]; total: number } | null {
    const entry = this.epochSums.get(epoch);
    this.epochSums.delete(epoch);
    if (!entry) return null;
    const means = entry.sums.map((s) => s / entry.steps);
    return { perTask: means.slice(0, this.numTasks), total: means[this.numTasks] as number };
  }

  /** Restarts the samples/s window (after a pause or an evaluation, which are not training time). */
  restartClock(): void {
    this.windowStartMs = performance.now();
    this.windowRows = 0;
  }

  /** Forgets every step not yet delivered (their engine is gone) and any read in flight. */
  abandonPending(): void {
    this.dispose();
    this.inFlight = Promise.resolve();
  }

  /** Frees anything not yet read. */
  dispose(): void {
    tf.dispose(this.pending.map((p) => p.vector).filter(isTensorVector));
    this.pending = [];
  }

  private deliver(batch: Pending[], values: Float32Array[]): void {
    const T = this.numTasks;
    const width = 2 * T + 1; // [L₁…L_T, total, w₁…w_T]
    const steps = batch.map((p, i) => {
      const row = Array.from((values[i] as Float32Array).subarray(0, width));
      let entry = this.epochSums.get(p.epoch);
      if (!entry) this.epochSums.set(p.epoch, (entry = { sums: new Array<number>(T + 1).fill(0), steps: 0 }));
      for (let j = 0; j <= T; j++) (entry.sums[j] as number) += row[j] as number;
      entry.steps++;
      this.windowRows += p.rows;
      return {
        step: p.step,
        epoch: p.epoch,
        perTask: row.slice(0, T),
        total: row[T] as number,
        weights: row.slice(T + 1),
      };
    });
    const now = performance.now();
    const rate = now > this.windowStartMs ? (this.windowRows * 1000) / (now - this.windowStartMs) : 0;
    this.windowStartMs = now;
    this.windowRows = 0;
    this.onLosses(steps, rate);
  }
}

/**
 * Every vector's values, in order: TF.js's tensors stacked and read in one `data()`, a fused
 * engine's through its own read (one mapping of its loss ring for all of them). Frees the tensors.
 */
async function readAll(vectors: LossVector[]): Promise<Float32Array[]> {
  const tensors = vectors.filter(isTensorVector);
  const stacked = tensors.length > 0 ? tf.tidy(() => tf.stack(tensors)) : null;
  tf.dispose(tensors);
  try {
    const [fromTensors, fromEngines] = await Promise.all([
      stacked ? (stacked.data() as Promise<Float32Array>) : Promise.resolve(new Float32Array(0)),
      Promise.all(vectors.map((v) => (isTensorVector(v) ? null : v.read()))),
    ]);
    const width = tensors.length > 0 ? fromTensors.length / tensors.length : 0;
    let t = 0;
    return vectors.map((v, i) => {
      if (!isTensorVector(v)) return fromEngines[i] as Float32Array;
      const row = fromTensors.subarray(t * width, (t + 1) * width);
      t++;
      return row;
    });
  } finally {
    stacked?.dispose();
  }
}
