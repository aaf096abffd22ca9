import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createWeighting } from './createWeighting.ts';
import { DEFAULT_WEIGHTING, setsOwnWeights, WEIGHTING_STRATEGIES, type WeightingStrategy } from './strategies.ts';
import type { TaskSettings, WeightingContext } from './taskWeighting.ts';
import { weightedTotal } from './weightedTotal.ts';

const STRATEGIES = WEIGHTING_STRATEGIES;
const values = (t: tf.Tensor) => {
  const v = Array.from(t.dataSync());
  t.dispose();
  return v;
};

function context(epochLosses: number[][] = []): WeightingContext {
  return {
    kinds: ['binary', 'multiclass', 'regression'],
    trunk: [],
    lastSharedKernels: [],
    rng: () => 0.5,
    epochLosses,
    stepOwn: () => {},
  };
}
const settings: TaskSettings = { weights: [2, 0, 3], enabled: [true, true, false] };

describe('createWeighting', () => {
  it("gives each strategy's own implementation, agreeing with the catalogue on who sets its own weights", () => {
    for (const s of STRATEGIES) {
      const w = createWeighting({ ...DEFAULT_WEIGHTING, strategy: s }, context(), settings);
      expect([s, w.setsOwnWeights]).toEqual([s, setsOwnWeights(s)]);
      w.dispose();
    }
  });

  it('starts each strategy at its initial weights, 0 for a task that is off', () => {
    const initial: Record<WeightingStrategy, number[]> = {
      manual: [2, 0, 0],
      pcgrad: [2, 0, 0], // PCGrad uses the manual weights
      equal: [1, 1, 0],
      dwa: [1, 1, 0], // fewer than two epochs of losses
      uncertainty: [1, 1, 0], // c·e⁰ with c = 1 for classification
      gradnorm: [1, 1, 0],
    };
    for (const s of STRATEGIES) {
      const w = createWeighting({ ...DEFAULT_WEIGHTING, strategy: s }, context(), settings);
      expect([s, values(w.weights())]).toEqual([s, initial[s]]);
      w.setTaskSettings({ weights: [1, 4, 0.5], enabled: [true, true, true] });
      const on = values(w.weights());
      expect([s, on.every((v) => v > 0)]).toEqual([s, true]);
      w.dispose();
    }
  });

  it("DWA recomputes from the run's epoch losses at each epoch's end and on a new temperature", () => {
    const history: number[][] = [[1, 1, 1]];
    const dwa = createWeighting({ ...DEFAULT_WEIGHTING, strategy: 'dwa' }, context(history), settings);
    history.push([0.5, 1, 1]);
    dwa.onEpochEnd?.();
    const [a, b] = values(dwa.weights());
    expect(a).toBeLessThan(1); // its loss fell fastest
    expect((a as number) + (b as number)).toBeCloseTo(2, 5);
    dwa.configure({ ...DEFAULT_WEIGHTING, strategy: 'dwa', dwaTemperature: 100 });
    expect(values(dwa.weights())[0]).toBeGreaterThan(a as number); // hotter: closer to equal
    dwa.dispose();
  });

  it('frees every tensor it made', () => {
    for (const s of STRATEGIES) {
      const start = tf.memory().numTensors;
      const w = createWeighting({ ...DEFAULT_WEIGHTING, strategy: s }, context(), settings);
      tf.tidy(() => {
        w.objective(tf.tensor1d([1, 2, 3]), w.weights());
      });
      w.dispose();
      expect([s, tf.memory().numTensors]).toEqual([s, start]);
    }
  });

  it('objective is the weighted total Σ wᵢ·Lᵢ for every strategy but Uncertainty (which adds ½·Σ s)', () => {
    expect(values(weightedTotal(tf.tensor1d([1, 4, 0.5]), tf.tensor1d([2, 0.5, 0])))).toEqual([4]);
    for (const s of STRATEGIES) {
      const w = createWeighting({ ...DEFAULT_WEIGHTING, strategy: s }, context(), settings);
      const [objective, total] = tf.tidy(() => {
        const losses = tf.tensor1d([0.5, 2, 7]);
        const weights = w.weights();
        return [w.objective(losses, weights), weightedTotal(losses, weights)].map(values);
      });
      expect([s, objective]).toEqual([s, total]); // s = 0 at the start
      w.dispose();
    }
  });
});
