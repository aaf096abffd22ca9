import { describe, expect, it } from 'vitest';
import type { StepLosses } from '../core/train/lossReader.ts';
import { LossSeries } from './lossSeries.ts';

const step = (n: number, weights: number[]): StepLosses => ({
  step: n,
  epoch: 1,
  perTask: weights.map(() => 1),
  total: 1,
  weights,
});

describe('LossSeries', () => {
  it('keeps at most maxPoints loss points, averaging neighbours', () => {
    const s = new LossSeries(10);
    // Step n has loss n: 25 points halve twice (25 → 13 → 7), so each point averages 4 steps, the last stays.
    s.add(Array.from({ length: 25 }, (_, i) => ({ ...step(i + 1, [1]), perTask: [i + 1], total: 2 * (i + 1) })));
    const points = s.snapshot();
    expect(points.map((p) => p.step)).toEqual([4, 8, 12, 16, 20, 24, 25]);
    expect(points.map((p) => p.task0)).toEqual([2.5, 6.5, 10.5, 14.5, 18.5, 22.5, 25]); // e.g. (1+2+3+4)/4
    expect(points.map((p) => p.total)).toEqual([5, 13, 21, 29, 37, 45, 50]);
  });

  it('fed in many batches, still covers the whole run in buckets of equal length (the start is not lost)', () => {
    const s = new LossSeries(120);
    let n = 1;
    for (let b = 0; b < 40; b++) s.add(Array.from({ length: 33 }, () => ({ ...step(n, [1]), perTask: [n++] })));
    const points = s.snapshot();
    expect(points.length).toBeLessThanOrEqual(121);
    expect(points[0]?.step).toBe(16); // 1320 steps in 16-step buckets
    expect(points[0]?.task0).toBe(8.5); // the mean of steps 1…16
    const gaps = points.slice(1, -1).map((p, i) => p.step - (points[i] as { step: number }).step);
    expect(new Set(gaps)).toEqual(new Set([16]));
    expect(points.at(-1)?.step).toBe(1320);
  });

  it('redraws the weights chart only when a weight changes or the run has grown by a tenth', () => {
    const s = new LossSeries();
    s.add([step(1, [1, 1]), step(2, [1, 1]), step(3, [1, 1])]);
    expect(s.takeWeightSnapshot()?.map((p) => p.step)).toEqual([1, 3]);
    s.add([step(4, [1, 1])]); // flat, and 4 is not a tenth past 3
    expect(s.takeWeightSnapshot()).toBeNull();
    s.add([step(5, [0, 1])]);
    const withChange = s.takeWeightSnapshot() ?? [];
    expect(withChange.map((p) => [p.step, p.weight0])).toEqual([
      [1, 1],
      [4, 1],
      [5, 0],
    ]);
    s.add(Array.from({ length: 3 }, (_, i) => step(6 + i, [0, 1]))); // a new flat stretch begins
    expect(s.takeWeightSnapshot()?.at(-1)?.step).toBe(8);
    s.add([step(9, [0, 1])]); // 9 is not a tenth past 8: no redraw
    expect(s.takeWeightSnapshot()).toBeNull();
    s.add(Array.from({ length: 100 }, (_, i) => step(10 + i, [0, 1])));
    expect(s.takeWeightSnapshot()?.at(-1)?.step).toBe(109); // the tail catches up with the run
  });
});
