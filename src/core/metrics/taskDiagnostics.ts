/**
 * What the diagnostic plots of one task need, made in the worker from the head's outputs so the
 * page receives a few kilobytes instead of every prediction: sorted scores per class (binary:
 * ROC curve and metrics at any threshold), a confusion matrix (multi-class), a sample of
 * predicted/actual pairs and a residual histogram (regression, in the target's own units).
 */
import type { TargetScale } from '../data/prepareDataset.ts';
import type { TaskSpec } from '../types.ts';
import { confusionMatrix, type ConfusionMatrix } from './confusionMatrix.ts';
import { histogram, type Histogram } from './histogram.ts';

export type TaskDiagnostics =
  | { kind: 'binary'; positives: Float32Array; negatives: Float32Array }
  | { kind: 'multiclass'; matrix: ConfusionMatrix }
  | { kind: 'regression'; predicted: Float32Array; actual: Float32Array; residuals: Histogram; count: number };

/** Enough points to see the shape of a scatter without making the SVG slow to redraw. */
export const MAX_SCATTER_POINTS = 400;
export const RESIDUAL_BINS = 24;

/** Indices of rows with a target (NaN = missing). */
export function labelledRows(targets: Float32Array): number[] {
  const rows: number[] = [];
  targets.forEach((t, i) => {
    if (!Number.isNaN(t)) rows.push(i);
  });
  return rows;
}

/** Index of the largest of k outputs of a row. */
export function argmaxRow(outputs: Float32Array, row: number, k: number): number {
  let best = 0;
  for (let c = 1; c < k; c++) if ((outputs[row * k + c] as number) > (outputs[row * k + best] as number)) best = c;
  return best;
}

export function computeTaskDiagnostics(task: TaskSpec, outputs: Float32Array, targets: Float32Array, scale: TargetScale): TaskDiagnostics {
  const rows = labelledRows(targets);
  if (task.kind === 'binary') {
    const positives = Float32Array.from(rows.filter((r) => targets[r] === 1), (r) => outputs[r] as number).sort();
    const negatives = Float32Array.from(rows.filter((r) => targets[r] !== 1), (r) => outputs[r] as number).sort();
    return { kind: 'binary', positives, negatives };
  }
  if (task.kind === 'multiclass') {
    const k = task.numClasses;
    return { kind: 'multiclass', matrix: confusionMatrix(Int32Array.from(rows, (r) => argmaxRow(outputs, r, k)), Int32Array.from(rows, (r) => targets[r] as number), k) };
  }
  const toUnits = (v: number) => v * scale.std + scale.mean;
  const residuals = Float64Array.from(rows, (r) => toUnits(targets[r] as number) - toUnits(outputs[r] as number));
  // An even stride over the rows: deterministic, and it keeps the split's own mix of values.
  const stride = Math.max(1, rows.length / MAX_SCATTER_POINTS);
  const sample = Array.from({ length: Math.min(rows.length, MAX_SCATTER_POINTS) }, (_, i) => rows[Math.floor(i * stride)] as number);
  return {
    kind: 'regression',
    predicted: Float32Array.from(sample, (r) => toUnits(outputs[r] as number)),
    actual: Float32Array.from(sample, (r) => toUnits(targets[r] as number)),
    residuals: histogram(residuals, RESIDUAL_BINS),
    count: rows.length,
  };
}
