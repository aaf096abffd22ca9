/**
 * Per-step loss points kept outside React and handed to the chart a few times a second. The
 * series stays bounded: past `maxPoints`, neighbouring points are averaged in pairs.
 */
import type { StepLosses } from '../core/train/lossReader.ts';

/** One chart point: `task0…` per-task losses, `total` the weighted sum, `weight0…` the weights in effect. */
export type LossPoint = { step: number; total: number } & Record<`task${number}` | `weight${number}`, number>;

/** One point of the weights chart: `weight0…` at a step. */
export type WeightPoint = { step: number } & Record<`weight${number}`, number>;

/** How often the weights chart's trailing point follows the latest step when no weight changed. */
const WEIGHT_TAIL_STEPS_FRACTION = 0.1;

export class LossSeries {
  private points: LossPoint[] = [];
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
      this.points.push(point);
    }
    while (this.points.length > this.maxPoints) this.points = halve(this.points);
  }

  /** A fresh array (so React sees a change). */
  snapshot(): LossPoint[] {
    return this.points.slice();
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
    this.weightPoints = [];
    this.weightsChanged = true;
    this.drawnTailStep = 0;
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

function halve(points: LossPoint[]): LossPoint[] {
  const out: LossPoint[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) {
    const a = points[i] as LossPoint;
    const b = points[i + 1] as LossPoint;
    const merged = { step: b.step } as LossPoint;
    for (const key of Object.keys(a) as (keyof LossPoint)[]) {
      if (key !== 'step') (merged as Record<string, number>)[key] = ((a[key] as number) + (b[key] as number)) / 2;
    }
    out.push(merged);
  }
  if (points.length % 2 === 1) out.push(points[points.length - 1] as LossPoint);
  return out;
}
