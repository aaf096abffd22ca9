/**
 * Per-step loss points kept outside React and handed to the chart a few times a second. The
 * series stays bounded: past `maxPoints`, neighbouring points are averaged in pairs.
 */
import type { StepLosses } from '../core/train/lossReader.ts';

/** One chart point: `task0…` per-task losses, `total` the weighted sum, `weight0…` the weights in effect. */
export type LossPoint = { step: number; total: number } & Record<`task${number}` | `weight${number}`, number>;

export class LossSeries {
  private points: LossPoint[] = [];

  constructor(private readonly maxPoints = 150) {}

  add(steps: StepLosses[]): void {
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

  clear(): void {
    this.points = [];
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
