/**
 * The fused plan of a trainer's network, from the trainer's own options: the one place that turns
 * a run's settings into `planFusedStep`'s input (the worker, the tests and the benchmark share it).
 */
import * as tf from '@tensorflow/tfjs';
import type { Message } from '../messages/message.ts';
import type { MultiTaskTrainer } from '../train/multiTaskTrainer.ts';
import { planFusedStep, type FusedPlan } from './fusedPlan.ts';

/** The plan of the trainer's network for the fused engines, or why they do not cover it. */
export function planForTrainer(
  trainer: Pick<MultiTaskTrainer, 'spec' | 'options'>,
): { plan: FusedPlan } | { problem: Message } {
  const o = trainer.options;
  return planFusedStep({
    spec: trainer.spec,
    batchSize: o.batchSize,
    optimizer: o.optimizer ?? 'adam',
    l1: o.l1 ?? 0,
    l2: o.l2 ?? 0,
    clipNorm: o.clipNorm ?? 0,
    // The backend's epsilon, as TF.js's Adam and RMSProp and the losses' clipping use it.
    epsilon: tf.backend().epsilon(),
    seed: o.seed,
  });
}

/** The plan of a network the caller knows is covered (tests, the benchmark): throws otherwise. */
export function coveredPlanForTrainer(trainer: Pick<MultiTaskTrainer, 'spec' | 'options'>): FusedPlan {
  const planned = planForTrainer(trainer);
  if ('problem' in planned) throw new Error(`the fused engines do not cover this network: ${planned.problem.key}`);
  return planned.plan;
}
