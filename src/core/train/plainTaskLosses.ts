/**
 * The task losses of taskLosses.ts in plain JavaScript, on outputs read back from the device:
 * evaluation and early stopping use these, training the TF.js ones; a test keeps them equal.
 */
import type { TaskKind } from '../types.ts';
import { EPSILON } from './taskLosses.ts';

/**
 * A task's loss over rows: Σ rᵢ·ℓᵢ / max(Σ rᵢ, 1) with row weights r (default 1), rows whose target
 * is NaN (missing) left out. outputs: row-major [rows, width] (width 1, or k class probabilities);
 * targets: label, class index or standardised value per row. Binary and multi-class: cross-entropy
 * on probabilities clipped as in training; regression: squared error.
 */
export function plainTaskLoss(
  kind: TaskKind,
  outputs: ArrayLike<number>,
  targets: ArrayLike<number>,
  width: number,
  rowWeights?: ArrayLike<number>,
): number {
  let sum = 0;
  let weightSum = 0;
  for (let i = 0; i < targets.length; i++) {
    const y = targets[i] as number;
    if (Number.isNaN(y)) continue;
    const r = rowWeights ? (rowWeights[i] as number) : 1;
    sum += r * rowLoss(kind, outputs, i, y, width);
    weightSum += r;
  }
  return sum / Math.max(weightSum, 1);
}

/** One row's loss, with row i's output(s) at outputs[i·width …]. */
function rowLoss(kind: TaskKind, outputs: ArrayLike<number>, i: number, y: number, width: number): number {
  if (kind === 'binary') {
    const p = Math.min(Math.max(outputs[i] as number, EPSILON), 1 - EPSILON);
    return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
  }
  if (kind === 'multiclass') return -Math.log(Math.max(outputs[i * width + y] as number, EPSILON));
  return ((outputs[i] as number) - y) ** 2;
}
