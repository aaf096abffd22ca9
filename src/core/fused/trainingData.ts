/** The training split as a fused engine keeps it: the same targets and loss weights as the TF.js upload (deviceSplit.ts). */
import type { PreparedSplit } from '../data/prepareDataset.ts';
import type { FusedTrainingData } from './fusedEngine.ts';

/** Targets with missing values as 0, and each row's weight: 0 when missing, else 1 or its class's weight. */
export function fusedTrainingData(split: PreparedSplit, classWeights: (number[] | null)[] = []): FusedTrainingData {
  return {
    rows: split.rows,
    x: split.x,
    targets: split.targets.map((t) => t.map((v) => (Number.isNaN(v) ? 0 : v))),
    rowWeights: split.targets.map((t, k) => {
      const weights = classWeights[k];
      return t.map((v) => (Number.isNaN(v) ? 0 : weights ? (weights[v] ?? 1) : 1));
    }),
  };
}
