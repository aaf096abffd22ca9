import { describe, expect, it } from 'vitest';
import { toyDataset } from '../testing/toyData.ts';
import { MultiTaskTrainer } from '../train/multiTaskTrainer.ts';
import type { OptimizerKind } from '../train/optimizerKinds.ts';
import type { PackedTensors } from '../train/packedTensors.ts';
import { coveredPlanForTrainer } from './trainerPlan.ts';
import { packFusedState, unpackFusedState } from './fusedOptimizerState.ts';

/** The trainer's optimisers after a few TF.js steps (head 1 off, so its optimiser never steps). */
async function steppedState(optimizer: OptimizerKind, strategy: 'manual' | 'uncertainty') {
  const trainer = new MultiTaskTrainer(toyDataset(), {
    trunk: [{ units: 6, activation: 'tanh', dropout: 0 }],
    headHidden: [3, 0, 0],
    batchSize: 32,
    learningRate: 0.01,
    seed: 5,
    weights: [1, 1, 1],
    enabled: [true, false, true],
    optimizer,
    weighting: { strategy, dwaTemperature: 2, gradNormAlpha: 1.5 },
  });
  for (let i = 0; i < 3; i++) trainer.trainStep().dispose();
  const state = await trainer.trainingState();
  const plan = coveredPlanForTrainer(trainer);
  trainer.dispose();
  return { packed: state.optimizers, plan };
}

const values = (p: PackedTensors) => Array.from(new Float32Array(p.data));

describe('optimiser state between TF.js and the fused layout', () => {
  for (const optimizer of ['adam', 'rmsprop', 'momentum', 'sgd'] as const) {
    it(`${optimizer}: TF.js's state → flat → TF.js's is unchanged, slot by slot`, async () => {
      const { packed, plan } = await steppedState(optimizer, optimizer === 'adam' ? 'uncertainty' : 'manual');
      const flat = unpackFusedState(packed, plan, new Float32Array(3));
      expect(flat.iterations).toEqual([3, 3, 0, 3]);
      const back = packFusedState(flat, plan);
      expect(back.map((p) => p.specs.map((s) => s.shape))).toEqual(packed.map((p) => p.specs.map((s) => s.shape)));
      back.forEach((p, i) => expect(values(p)).toEqual(values(packed[i] as PackedTensors)));
      // The moments really are there (a state of zeros would pass the round trip too).
      if (optimizer !== 'sgd') expect(Math.max(...(flat.slots[0] as Float32Array).map(Math.abs))).toBeGreaterThan(0);
      if (optimizer === 'adam') expect(flat.strategy.iterations).toBe(3);
    });
  }

  it('puts each variable’s slot at its layer’s offset (the trunk kernel first)', async () => {
    const { packed, plan } = await steppedState('adam', 'manual');
    const flat = unpackFusedState(packed, plan, new Float32Array(3));
    const trunk = new Float32Array((packed[0] as PackedTensors).data);
    const kernel = plan.trunk[0];
    if (!kernel) throw new Error('no trunk layer');
    const n = kernel.inputs * kernel.units;
    expect(Array.from((flat.slots[0] as Float32Array).subarray(kernel.kernel, kernel.kernel + n))).toEqual(
      Array.from(trunk.subarray(1, 1 + n)),
    );
  });

  it('refuses a state made for another network', async () => {
    const { packed, plan } = await steppedState('adam', 'manual');
    const other = { ...plan, optimizer: 'momentum' as const };
    expect(() => unpackFusedState(packed, other, new Float32Array(3))).toThrow(RangeError);
    expect(() => unpackFusedState(packed.slice(1), plan, new Float32Array(3))).toThrow(RangeError);
  });
});
