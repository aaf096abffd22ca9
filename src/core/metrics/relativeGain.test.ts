import { describe, expect, it } from 'vitest';
import { averageRelativeGain, headlineMetric, relativeGain } from './relativeGain.ts';

describe('relative gain (Δm)', () => {
  it('is positive when multi-task is better, whichever direction the metric goes', () => {
    expect(relativeGain(0.8, 0.88, true)).toBeCloseTo(0.1, 12); // accuracy up 10 %
    expect(relativeGain(2.0, 1.5, false)).toBeCloseTo(0.25, 12); // RMSE down 25 %
    expect(relativeGain(2.0, 2.5, false)).toBeCloseTo(-0.25, 12); // RMSE up: worse
    expect(relativeGain(0, 1, true)).toBeNaN();
  });
  it('averages the defined gains', () => {
    expect(averageRelativeGain([0.1, -0.3, NaN])).toBeCloseTo(-0.1, 12);
    expect(headlineMetric('regression')).toMatchObject({ key: 'rmse', higherIsBetter: false });
  });
});
