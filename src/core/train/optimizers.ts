/** The optimisers a person can pick, created from plain settings, with a learning rate that can change mid-run. */
import * as tf from '@tensorflow/tfjs';

import type { OptimizerKind } from './optimizerKinds.ts';

export type { OptimizerKind } from './optimizerKinds.ts';

/** Caller owns the optimiser (dispose it: Adam, RMSProp and momentum hold state tensors). */
export function createOptimizer(kind: OptimizerKind, learningRate: number): tf.Optimizer {
  switch (kind) {
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'momentum':
      return tf.train.momentum(learningRate, 0.9);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate);
    case 'adam':
      return tf.train.adam(learningRate);
  }
}

/** Changes an optimiser's learning rate in place (every TF.js optimiser reads it at each step). */
export function setLearningRate(optimizer: tf.Optimizer, learningRate: number): void {
  const o = optimizer as tf.Optimizer & { learningRate: number; setLearningRate?: (lr: number) => void };
  if (typeof o.setLearningRate === 'function') o.setLearningRate(learningRate);
  else o.learningRate = learningRate;
}
