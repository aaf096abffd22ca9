/**
 * The WASM engine's gradients against the app's own TF.js step (MultiTaskTrainer.trainStep): one
 * step of plain SGD with learning rate 1 on the same batch from the same weights, so each
 * parameter moves by exactly −g and the step's change *is* the gradient (penalties and clipping
 * included). Every comparison is checked to be able to fail: the reference's change is non-zero.
 */
import { describe, expect, it } from 'vitest';
import type { TrainerOptions } from '../../train/multiTaskTrainer.ts';
import type { Activation } from '../../types.ts';
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

const SGD_1: Partial<TrainerOptions> = { optimizer: 'sgd', learningRate: 1 };

/** One side-by-side step; returns each side's parameter change, the loss vectors and the plan's partitions. */
async function gradients(options: TrainerOptions, settings: StepSettings, masked = true) {
  const rig = await makeRig(options, rigData(96, masked));
  const r = await stepBoth(rig, settings);
  const partitions = rig.plan.partitions;
  rig.dispose();
  return { ...r, partitions, tfjsDelta: delta(r.tfjsAfter, r.before), wasmDelta: delta(r.wasmAfter, r.before) };
}

type Result = Awaited<ReturnType<typeof gradients>>;

/** Loss vectors to 1e-5 relative; every partition's change to 1e-4 relative (plus float32 rounding of w − g). */
function expectAgreement(r: Result, moving: boolean[] = r.partitions.map(() => true)): void {
  expect(worstError(r.wasm, r.tfjs, 1e-5, 1e-7)).toBeLessThan(1);
  r.partitions.forEach(({ start, end }, p) => {
    if (end === start) return; // no trunk
    const reference = r.tfjsDelta.subarray(start, end);
    const scale = maxAbs(reference);
    if (!moving[p]) {
      expect(scale).toBe(0);
      expect(maxAbs(r.wasmDelta.subarray(start, end))).toBe(0);
      return;
    }
    expect(scale).toBeGreaterThan(1e-4); // the reference moved: the comparison can fail
    const atol = 1e-6 + 1e-5 * scale + 2e-7 * maxAbs(r.before.subarray(start, end));
    expect(worstError(r.wasmDelta.subarray(start, end), reference, 1e-4, atol)).toBeLessThan(1);
  });
}

const ACTIVATIONS: Activation[] = ['relu', 'leakyRelu', 'elu', 'selu', 'tanh', 'sigmoid', 'linear'];

describe('WASM engine gradients = TF.js step (SGD, learning rate 1: Δw = −g)', () => {
  it.each(ACTIVATIONS)(
    '%s trunk and head hidden layer, all three losses, missing targets and class weights',
    async (activation) => {
      const options: TrainerOptions = {
        ...BASE_OPTIONS,
        ...SGD_1,
        trunk: [
          { units: 10, activation, dropout: 0 },
          { units: 7, activation, dropout: 0 },
        ],
        headHidden: [0, 4, 3],
        weights: [1, 0.5, 2],
      };
      expectAgreement(await gradients(options, assigned([1, 0.5, 2])));
    },
  );

  it('heads straight on the inputs (no trunk), a hidden layer with relu', async () => {
    const options = { ...BASE_OPTIONS, ...SGD_1, trunk: [], headHidden: [3, 0, 0] };
    expectAgreement(await gradients(options, assigned([1, 1, 1])));
  });

  it('wide layers (the blocked SIMD paths and their edges: 4-row, 8- and 4-column tiles, scalar tails)', async () => {
    const options: TrainerOptions = {
      ...BASE_OPTIONS,
      ...SGD_1,
      trunk: [
        { units: 37, activation: 'relu', dropout: 0 },
        { units: 20, activation: 'elu', dropout: 0 },
      ],
      headHidden: [9, 0, 12],
      batchSize: 31,
    };
    expectAgreement(await gradients(options, assigned([1, 1, 1]), false));
  });

  it('L1 and L2 on every kernel (not biases)', async () => {
    const penalised = { ...BASE_OPTIONS, ...SGD_1, l1: 0.01, l2: 0.03 };
    const r = await gradients(penalised, assigned([1, 1, 1]));
    expectAgreement(r);
    const plain = await gradients({ ...BASE_OPTIONS, ...SGD_1 }, assigned([1, 1, 1]));
    expect(worstError(r.tfjsDelta, plain.tfjsDelta, 0, 1e-4)).toBeGreaterThan(1); // the penalties changed the step
  });

  it('global-norm clipping, small enough to bite', async () => {
    const clipNorm = 0.05;
    const r = await gradients({ ...BASE_OPTIONS, ...SGD_1, clipNorm }, assigned([1, 1, 1]));
    expectAgreement(r);
    const plain = await gradients({ ...BASE_OPTIONS, ...SGD_1 }, assigned([1, 1, 1]));
    const norm = (x: Float32Array) => Math.hypot(...x);
    expect(norm(plain.wasmDelta)).toBeGreaterThan(10 * clipNorm);
    expect(norm(r.wasmDelta)).toBeCloseTo(clipNorm, 4);
  });

  it("an off task: its head keeps its weights, its penalties still count in the clip's norm", async () => {
    const options = { ...BASE_OPTIONS, ...SGD_1, enabled: [true, false, true], l2: 0.05, clipNorm: 0.2 };
    const r = await gradients(options, assigned([1, 0, 1], [1, 0, 1]));
    expectAgreement(r, [true, true, false, true]);
  });

  it('a manual weight of 0 leaves its head still, like an off task', async () => {
    const options = { ...BASE_OPTIONS, ...SGD_1, weights: [2, 0, 0.5] };
    const r = await gradients(options, assigned([2, 0, 0.5]));
    expectAgreement(r, [true, true, false, true]);
    expect(r.wasm[3 + 1 + 1]).toBe(0); // w₂ in the loss vector
  });
});
