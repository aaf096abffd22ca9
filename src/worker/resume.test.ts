import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { FromWorker, ResumePoint } from './protocol.ts';
import { config, setup } from './sessionHarness.ts';

type Checkpoint = Extract<FromWorker, { type: 'checkpoint' }>;
const maxDifference = (a: ArrayBuffer, b: ArrayBuffer) => {
  const x = new Float32Array(a);
  const y = new Float32Array(b);
  expect(x.length).toBe(y.length);
  return x.reduce((m, v, i) => Math.max(m, Math.abs(v - (y[i] as number))), 0);
};

/** The checkpoints of a run trained from scratch (or from `resume`) to `untilEpoch`. */
async function checkpoints(untilEpoch: number, resume?: ResumePoint) {
  const { session, of, load } = setup();
  await load();
  await session.handle({
    type: 'createRun',
    requestId: 1,
    config: { ...config, epochs: untilEpoch },
    ...(resume ? { resume } : {}),
  });
  await session.handle({ type: 'train', untilEpoch });
  const out = of('checkpoint');
  const reports = of('epochEnded').map((e) => e.report);
  await session.handle({ type: 'reset' });
  return { out, reports };
}

const resumeFrom = (c: Checkpoint, withState = true): ResumePoint => ({
  epoch: c.epoch,
  step: c.step,
  weights: c.weights,
  ...(withState ? { training: c.training } : {}),
});

describe('a saved run reopened', () => {
  it('takes exactly the steps the run would have taken: the same weights and losses as one that never stopped', async () => {
    const straight = await checkpoints(4);
    const halfway = (await checkpoints(2)).out.at(-1) as Checkpoint;
    expect(halfway.epoch).toBe(2);
    const before = tf.memory().numTensors;
    const resumed = await checkpoints(4, resumeFrom(halfway));
    expect(tf.memory().numTensors).toBe(before); // the resumed run and its restored state are freed with it
    expect(resumed.out.map((c) => c.epoch)).toEqual([3, 4]);
    expect(resumed.out.at(-1)?.step).toBe(straight.out.at(-1)?.step);
    expect(
      maxDifference(resumed.out.at(-1)?.weights.data as ArrayBuffer, straight.out.at(-1)?.weights.data as ArrayBuffer),
    ).toBeLessThan(1e-6);
    const lossesOf = (r: typeof straight.reports) => r.filter((e) => e.epoch > 2).map((e) => e.trainLoss);
    lossesOf(resumed.reports).forEach((losses, i) =>
      losses.forEach((l, k) => expect(l).toBeCloseTo(lossesOf(straight.reports)[i]?.[k] as number, 6)),
    );
  });

  it('without its training state (an older save) it trains on from the weights, but not the same steps', async () => {
    const straight = await checkpoints(4);
    const halfway = (await checkpoints(2)).out.at(-1) as Checkpoint;
    const resumed = await checkpoints(4, resumeFrom(halfway, false));
    expect(resumed.out.map((c) => c.epoch)).toEqual([3, 4]);
    expect(
      maxDifference(resumed.out.at(-1)?.weights.data as ArrayBuffer, straight.out.at(-1)?.weights.data as ArrayBuffer),
    ).toBeGreaterThan(1e-4);
  });
});
