/** Confusion matrix of a multi-class classifier and the per-class metrics read off it. */
import { precisionRecallF1 } from './classificationMetrics.ts';

/** counts[actual][predicted]. */
export type ConfusionMatrix = number[][];

export function confusionMatrix(
  predicted: ArrayLike<number>,
  actual: ArrayLike<number>,
  numClasses: number,
): ConfusionMatrix {
  const counts = Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
  for (let i = 0; i < actual.length; i++) {
    const row = counts[actual[i] as number];
    if (row) row[predicted[i] as number] = (row[predicted[i] as number] ?? 0) + 1;
  }
  return counts;
}

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  /** Rows whose actual class is this one. */
  support: number;
}

/** One-vs-rest precision, recall and F1 per class (0 where undefined, as scikit-learn reports). */
export function perClassMetrics(matrix: ConfusionMatrix): ClassMetrics[] {
  return matrix.map((row, c) => {
    const tp = row[c] ?? 0;
    const support = row.reduce((s, v) => s + v, 0);
    const predictedAsC = matrix.reduce((s, r) => s + (r[c] ?? 0), 0);
    return { ...precisionRecallF1({ tp, fp: predictedAsC - tp, fn: support - tp, tn: 0 }), support };
  });
}
