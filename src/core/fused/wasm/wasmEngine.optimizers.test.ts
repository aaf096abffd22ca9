/**
 * The WASM engine against the app's TF.js trainer over several steps, so the optimisers' state and
 * Adam's bias correction matter, and under each weighting strategy the engine runs: Manual, Equal
 * and DWA as assigned weights, and Uncertainty with its log-variances learned in the engine.
 */
import { describe, expect, it } from 'vitest';
import type { TrainerOptions } from '../../train/multiTaskTrainer.ts';
import type { OptimizerKind } from '../../train/optimizerKinds.ts';
import { uncertaintyFactors } from '../../weighting/uncertainty.ts';
import { dwaWeights } from '../../weighting/dwa.ts';
import {
  assigned,
  BASE_OPTIONS,
  delta,
  makeRig,
  maxAbs,
  rigData,
  stepBoth,
  worstError,
  type StepSettings,
} from './engineRig.ts';

/**
 * Parameters after a step: their change over this step agrees to 3e-6 relative, and to 1e-5 of the
 * step's largest change (gradients summed in another order differ by a few float32 ulps), and so
 * do the parameters themselves to 1e-5 of how far the reference has moved them in all.
 */
function expectParameters(
  r: { wasmAfter: Float32Array; tfjsAfter: Float32Array; before: Float32Array },
  initial: Float32Array,
): void {
  const reference = delta(r.tfjsAfter, r.before);
  const largest = maxAbs(reference);
  expect(largest).toBeGreaterThan(1e-4); // the step moved the reference
  expect(worstError(delta(r.wasmAfter, r.before), reference, 3e-6, 1e-5 * largest)).toBeLessThan(1);
  const moved = maxAbs(delta(r.tfjsAfter, initial));
  expect(worstError(r.wasmAfter, r.tfjsAfter, 1e-7, 1e-5 * moved)).toBeLessThan(1);
}

/** `steps` side-by-side steps; checks each step's loss vector and parameters. Returns the loss vectors. */
async function run(options: TrainerOptions, settings: (step: number) => StepSettings, steps: number, masked = true) {
  const rig = await makeRig(options, rigData(96, masked));
  const initial = await rig.engine.readParameters();
  const vectors: { tfjs: Float32Array; wasm: Float32Array }[] = [];
  for (let s = 0; s < steps; s++) {
    const r = await stepBoth(rig, settings(s));
    expect(worstError(r.wasm, r.tfjs, 1e-5, 1e-7)).toBeLessThan(1);
    expectParameters(r, initial);
    vectors.push({ tfjs: r.tfjs, wasm: r.wasm });
  }
  const state = await rig.engine.readOptimizerState();
  rig.dispose();
  return { vectors, state };
}

const OPTIMIZERS: OptimizerKind[] = ['sgd', 'momentum', 'rmsprop', 'adam'];

describe('WASM engine over several steps = TF.js trainer', () => {
  it.each(OPTIMIZERS)('%s, over an epoch and a half (3 batches, the last short, then 2 more)', async (optimizer) => {
    const options: TrainerOptions = { ...BASE_OPTIONS, optimizer, learningRate: optimizer === 'sgd' ? 0.1 : 0.01 };
    const { state } = await run(options, () => assigned([1, 1, 1]), 5);
    expect(state.iterations).toEqual([5, 5, 5, 5]);
    if (optimizer !== 'sgd') expect(maxAbs(state.slots[0] as Float32Array)).toBeGreaterThan(0);
  });

  it('Adam with an off task: its head and its optimiser state stay (iterations 0), the others move', async () => {
    const options: TrainerOptions = {
      ...BASE_OPTIONS,
      optimizer: 'adam',
      learningRate: 0.01,
      enabled: [true, true, false],
    };
    const { state } = await run(options, () => assigned([1, 1, 0]), 3);
    expect(state.iterations).toEqual([3, 3, 3, 0]);
  });

  it('Adam with L1, L2 and clipping together', async () => {
    const options: TrainerOptions = {
      ...BASE_OPTIONS,
      optimizer: 'adam',
      learningRate: 0.01,
      l1: 0.001,
      l2: 0.01,
      clipNorm: 0.1,
    };
    await run(options, () => assigned([1, 1, 1]), 3);
  });

  it('Equal: weight 1 for every task that is on, whatever the manual weights', async () => {
    const options: TrainerOptions = {
      ...BASE_OPTIONS,
      optimizer: 'adam',
      learningRate: 0.01,
      weights: [3, 0.2, 0],
      enabled: [true, false, true],
      weighting: { strategy: 'equal', dwaTemperature: 2, gradNormAlpha: 1.5 },
    };
    const { vectors } = await run(options, () => assigned([1, 0, 1]), 3);
    expect(Array.from(vectors[0]?.tfjs.subarray(4) ?? [])).toEqual([1, 0, 1]);
  });

  it("DWA: the epoch losses' weights, assigned", async () => {
    const options: TrainerOptions = {
      ...BASE_OPTIONS,
      optimizer: 'momentum',
      learningRate: 0.01,
      weighting: { strategy: 'dwa', dwaTemperature: 2, gradNormAlpha: 1.5 },
    };
    const rig = await makeRig(options, rigData(96, true));
    const history = [
      [0.7, 1.1, 2],
      [0.6, 1.05, 1.2],
    ];
    history.forEach((losses) => rig.trainer.recordEpochLosses(losses));
    const weights = dwaWeights(history, 3, 2);
    expect(Math.max(...weights) - Math.min(...weights)).toBeGreaterThan(0.05); // not all 1
    for (let s = 0; s < 3; s++) {
      const r = await stepBoth(rig, assigned(weights));
      expect(worstError(r.tfjs.subarray(4), Float32Array.from(weights), 1e-7, 0)).toBeLessThan(1);
      expect(worstError(r.wasm, r.tfjs, 1e-5, 1e-7)).toBeLessThan(1);
      expectParameters(r, r.before);
    }
    rig.dispose();
  });

  it.each([
    ['all tasks on', [true, true, true], 0],
    ['an off task, and clipping (the log-variances count in the norm)', [true, false, true], 0.3],
  ] as const)('Uncertainty, %s: the weights and the log-variances follow TF.js', async (_, enabled, clipNorm) => {
    const options: TrainerOptions = {
      ...BASE_OPTIONS,
      optimizer: 'adam',
      learningRate: 0.05,
      enabled: [...enabled],
      clipNorm,
      weighting: { strategy: 'uncertainty', dwaTemperature: 2, gradNormAlpha: 1.5 },
    };
    const on = Float32Array.from(enabled, (e) => (e ? 1 : 0));
    const settings: StepSettings = {
      weighting: 'uncertainty',
      taskWeights: on,
      headTrains: Uint8Array.from(on),
      strategyLearningRate: options.learningRate,
    };
    const steps = 4;
    const { vectors, state } = await run(options, () => settings, steps);
    const factors = uncertaintyFactors(['binary', 'multiclass', 'regression']);
    const logVariances = (w: Float32Array) =>
      Array.from(w, (v, k) => (on[k] ? -Math.log(v / (factors[k] as number)) : 0));
    // Step 0's weights are c·e⁰ = c; each later step's show the log-variances the step before left, wₖ = cₖ·e^(−sₖ).
    expect(Array.from(vectors[0]?.wasm.subarray(4) ?? [])).toEqual(factors.map((c, k) => c * (on[k] as number)));
    for (const { tfjs, wasm } of vectors.slice(1)) {
      const reference = logVariances(tfjs.subarray(4));
      expect(maxAbs(Float32Array.from(reference))).toBeGreaterThan(0.01); // s moved
      expect(worstError(logVariances(wasm.subarray(4)), reference, 1e-4, 1e-6)).toBeLessThan(1);
    }
    expect(state.strategy.iterations).toBe(steps);
    expect(state.iterations).toEqual([steps, steps, enabled[1] ? steps : 0, steps]);
    const lastWeights = (vectors[steps - 1] as { wasm: Float32Array }).wasm.subarray(4);
    expect(maxAbs(state.strategy.values)).toBeGreaterThan(0.01);
    // The state's s is one step past the last weights (Adam moves it by about the learning rate).
    const previous = logVariances(lastWeights);
    state.strategy.values.forEach((v, k) =>
      expect(Math.abs(v - (previous[k] as number))).toBeLessThan(2 * options.learningRate),
    );
    if (!enabled[1]) expect(state.strategy.values[1]).toBe(0); // an off task's s has no gradient
  });
});
