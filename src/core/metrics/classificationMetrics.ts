/** Classification metrics on plain arrays (no tensors), so they are easy to test by hand. */

/** Fraction of rows where predicted equals actual. */
export function accuracy(predicted: ArrayLike<number>, actual: ArrayLike<number>): number {
  let hits = 0;
  for (let i = 0; i < actual.length; i++) if (predicted[i] === actual[i]) hits++;
  return actual.length ? hits / actual.length : NaN;
}

export interface BinaryCounts {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** Confusion counts of a binary classifier; labels are 0/1. */
export function binaryCounts(predicted: ArrayLike<number>, actual: ArrayLike<number>): BinaryCounts {
  const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < actual.length; i++) {
    const p = predicted[i] === 1;
    const a = actual[i] === 1;
    if (p && a) c.tp++;
    else if (p) c.fp++;
    else if (a) c.fn++;
    else c.tn++;
  }
  return c;
}

/** Precision, recall and F1 from counts; 0 where the denominator is 0 (scikit-learn's convention). */
export function precisionRecallF1({ tp, fp, fn }: BinaryCounts): { precision: number; recall: number; f1: number } {
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/**
 * Exact ROC AUC by the rank-sum (Mann–Whitney) statistic; tied scores get their average rank,
 * so a tie counts one half. NaN when only one class is present.
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = labels.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let positives = 0;
  let rankSumPositives = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1] as number] === scores[order[i] as number]) j++;
    const averageRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[order[k] as number] === 1) {
        positives++;
        rankSumPositives += averageRank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSumPositives - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Macro-averaged F1 over classes 0..numClasses-1 that occur in `actual` or `predicted`
 * (a class absent from both has no defined F1 and is left out, as scikit-learn does by label set).
 */
export function macroF1(predicted: ArrayLike<number>, actual: ArrayLike<number>, numClasses: number): number {
  let sum = 0;
  let classes = 0;
  for (let c = 0; c < numClasses; c++) {
    const counts = { tp: 0, fp: 0, tn: 0, fn: 0 };
    let present = false;
    for (let i = 0; i < actual.length; i++) {
      const p = predicted[i] === c;
      const a = actual[i] === c;
      if (p || a) present = true;
      if (p && a) counts.tp++;
      else if (p) counts.fp++;
      else if (a) counts.fn++;
    }
    if (!present) continue;
    sum += precisionRecallF1(counts).f1;
    classes++;
  }
  return classes ? sum / classes : NaN;
}
