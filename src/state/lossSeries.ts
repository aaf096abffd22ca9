/**
 * Per-step loss points kept outside React and handed to the chart once a second. The series stays
 * bounded: every point averages a bucket of the same number of steps, and past `maxPoints` buckets
 * neighbours merge in pairs and the bucket doubles, so the whole run stays on the chart, evenly.
 */
import type { StepLosses } from '../core/train/lossReader.ts';

/** One chart point: `task0…` per-task losses, `total` the weighted sum, `weight0…` the weights in effect. */
export type LossPoint = { step: number; total: number } & Record<`task${number}` | `weight${number}`, number>;

/** One point of the weights chart: `weight0…` at a step. */
export type WeightPoint = { step: number } & Record<`weight${number}`, number>;

/** How often the weights chart's trailing point follows the latest step when no weight changed. */
const WEIGHT_TAIL_STEPS_FRACTION = 0.1;

export class LossSeries {
  /** Complete buckets of `bucketSteps` steps each, averaged. */
  private points: LossPoint[] = [];
  private bucketSteps = 1;
  /** The bucket being filled: sums of each value, and how many steps it holds. */
  private pending: { sums: LossPoint; count: number } | null = null;
  private weightPoints: WeightPoint[] = [];
  private weightsChanged = false;
  /** The step the weights chart's flat tail reached when it was last handed out. */
  private drawnTailStep = 0;

  constructor(private readonly maxPoints = 120) {}

  add(steps: StepLosses[]): void {
    for (const s of steps) this.addWeights(s);
    for (const s of steps) {
      const point = { step: s.step, total: s.total } as LossPoint;
      s.perTask.forEach((v, k) => (point[`task${k}`] = v));
      s.weights.forEach((v, k) => (point[`weight${k}`] = v));
      this.addPoint(point, 1);
    }
  }

  /** A fresh array (so React sees a change): the complete buckets, then the one being filled. */
  snapshot(): LossPoint[] {
    const tail = this.pending ? [scaled(this.pending.sums, 1 / this.pending.count)] : [];
    return [...this.points, ...tail];
  }

  /**
   * The weights chart's points: one where the weights change, and a trailing one that catches up
   * with the latest step only every ~10 % of the run, so fixed weights do not redraw the chart.
   * Returns null when nothing the chart shows has changed.
   */
  takeWeightSnapshot(): WeightPoint[] | null {
    if (!this.weightsChanged) return null;
    this.weightsChanged = false;
    this.drawnTailStep = this.weightPoints[this.weightPoints.length - 1]?.step ?? 0;
    return this.weightPoints.slice();
  }

  /** Lets the next snapshot carry the tail to the latest step (when a run pauses or ends). */
  releaseTail(): void {
    if ((this.weightPoints[this.weightPoints.length - 1]?.step ?? 0) > this.drawnTailStep) this.weightsChanged = true;
  }

  clear(): void {
    this.points = [];
    this.pending = null;
    this.bucketSteps = 1;
    this.weightPoints = [];
    this.weightsChanged = true;
    this.drawnTailStep = 0;
  }

  /** Adds a value that stands for `count` steps to the bucket being filled. */
  private addPoint(point: LossPoint, count: number): void {
    const sums = scaled(point, count);
    if (this.pending) {
      for (const key of Object.keys(sums) as (keyof LossPoint)[])
        if (key !== 'step') {
          const acc = this.pending.sums as Record<string, number>;
          acc[key] = (acc[key] ?? 0) + (sums[key] as number);
        }
      this.pending.sums.step = point.step;
      this.pending.count += count;
    } else this.pending = { sums, count };
    if (this.pending.count < this.bucketSteps) return;
    this.points.push(scaled(this.pending.sums, 1 / this.pending.count));
    this.pending = null;
    if (this.points.length > this.maxPoints) this.halve();
  }

  /** Merges neighbouring buckets in pairs; an odd last one starts the next, twice as long, bucket. */
  private halve(): void {
    const odd = this.points.length % 2 === 1 ? (this.points.pop() as LossPoint) : null;
    const merged: LossPoint[] = [];
    for (let i = 0; i + 1 < this.points.length; i += 2) {
      const a = this.points[i] as LossPoint;
      const b = this.points[i + 1] as LossPoint;
      const m = { step: b.step } as LossPoint;
      for (const key of Object.keys(a) as (keyof LossPoint)[])
        if (key !== 'step') (m as Record<string, number>)[key] = ((a[key] as number) + (b[key] as number)) / 2;
      merged.push(m);
    }
    this.points = merged;
    const oldSteps = this.bucketSteps;
    this.bucketSteps *= 2;
    if (odd) this.addPoint(odd, oldSteps);
  }

  private addWeights(s: StepLosses): void {
    const point = { step: s.step } as WeightPoint;
    s.weights.forEach((w, k) => (point[`weight${k}`] = w));
    const n = this.weightPoints.length;
    const last = this.weightPoints[n - 1];
    const beforeLast = this.weightPoints[n - 2];
    const same = (a: WeightPoint | undefined) =>
      a !== undefined && s.weights.every((w, k) => Math.abs(w - (a[`weight${k}`] ?? NaN)) < 1e-6);
    if (last && same(last) && beforeLast && same(beforeLast)) {
      // A flat stretch: move its end along, but only redraw once the run has grown by a tenth.
      const grown = s.step - this.drawnTailStep > Math.max(1, s.step * WEIGHT_TAIL_STEPS_FRACTION);
      this.weightPoints[n - 1] = { ...last, step: s.step }; // a new object: snapshots handed out stay as they were
      if (grown) this.weightsChanged = true;
      return;
    }
    this.weightPoints.push(point);
    this.weightsChanged = true;
    if (this.weightPoints.length > 2 * this.maxPoints)
      this.weightPoints = this.weightPoints.filter((_, i) => i % 2 === 0 || i === this.weightPoints.length - 1);
  }
}

/** Every value of a point times `factor` (the step kept). */
function scaled(p: LossPoint, factor: number): LossPoint {
  const out = { step: p.step } as LossPoint;
  for (const key of Object.keys(p) as (keyof LossPoint)[])
    if (key !== 'step') (out as Record<string, number>)[key] = (p[key] as number) * factor;
  return out;
}
