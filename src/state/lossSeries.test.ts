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
    s.add(Array.from({ length: 25 }, (_, i) => step(i + 1, [1])));
    const points = s.snapshot();
    expect(points.length).toBeLessThanOrEqual(10);
    expect(points.at(-1)?.step).toBe(25);
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
