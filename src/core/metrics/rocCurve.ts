/**
 * ROC curve and threshold metrics of a binary classifier from its scores split by true class
 * and sorted ascending (finite scores only), so any threshold is answered exactly with two
 * binary searches.
 */
import type { BinaryCounts } from './classificationMetrics.ts';

export interface RocPoint {
  /** False-positive rate: share of negatives scored at or above the threshold. */
  fpr: number;
  /** True-positive rate (recall). */
  tpr: number;
  /** Rows scoring at or above this are called positive (Infinity for the (0, 0) corner). */
  threshold: number;
}

/** Index of the first value ≥ t in an ascending array. */
function lowerBound(sorted: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Confusion counts when rows scoring ≥ threshold are called positive (the same rule as at 0.5). */
export function countsAtThreshold(
  positives: ArrayLike<number>,
  negatives: ArrayLike<number>,
  threshold: number,
): BinaryCounts {
  const tp = positives.length - lowerBound(positives, threshold);
  const fp = negatives.length - lowerBound(negatives, threshold);
  return { tp, fp, fn: positives.length - tp, tn: negatives.length - fp };
}

/**
 * The exact ROC curve (one point per distinct score, so tied scores give one diagonal segment),
 * thinned to at most maxPoints for drawing; both corners are always kept.
 */
export function rocCurve(positives: ArrayLike<number>, negatives: ArrayLike<number>, maxPoints = 200): RocPoint[] {
  const nPos = positives.length;
  const nNeg = negatives.length;
  if (nPos === 0 || nNeg === 0) return [];
  const points: RocPoint[] = [{ fpr: 0, tpr: 0, threshold: Infinity }];
  // Walk both sorted arrays from the top score down, one step per distinct score.
  let i = nPos - 1;
  let j = nNeg - 1;
  while (i >= 0 || j >= 0) {
    const s = Math.max(i >= 0 ? (positives[i] as number) : -Infinity, j >= 0 ? (negatives[j] as number) : -Infinity);
    if (Number.isNaN(s)) throw new RangeError('rocCurve needs finite scores (leave NaN out first).');
    while (i >= 0 && positives[i] === s) i--;
    while (j >= 0 && negatives[j] === s) j--;
    points.push({ fpr: (nNeg - 1 - j) / nNeg, tpr: (nPos - 1 - i) / nPos, threshold: s });
  }
  if (points.length <= maxPoints) return points;
  const thinned: RocPoint[] = [];
  const stride = (points.length - 1) / (maxPoints - 1);
  for (let k = 0; k < maxPoints; k++) thinned.push(points[Math.round(k * stride)] as RocPoint);
  return thinned;
}
