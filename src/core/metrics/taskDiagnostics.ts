/**
 * What the diagnostic plots of one task need, made in the worker from the head's outputs so the
 * page receives a few kilobytes per epoch whatever the split's size: the ROC curve (thinned) and
 * the confusion counts at every threshold the page offers (binary), a confusion matrix
 * (multi-class), a sample of predicted/actual pairs and a residual histogram (regression, in the
 * target's own units). Rows whose output is not finite are left out and counted.
 */
import type { TargetScale } from '../data/prepareDataset.ts';
import type { TaskSpec } from '../types.ts';
import type { BinaryCounts } from './classificationMetrics.ts';
import { confusionMatrix, type ConfusionMatrix } from './confusionMatrix.ts';
import { histogram, type Histogram } from './histogram.ts';
import { argmaxRow, labelledRows } from './predictionRows.ts';
import { countsAtThreshold, rocCurve, type RocPoint } from './rocCurve.ts';

/** The thresholds the page offers: 0.01, 0.02, …, 0.99 (0.5 among them). */
export const THRESHOLDS = Array.from({ length: 99 }, (_, k) => (k + 1) / 100);
export const THRESHOLD_STEP = 0.01;

/** Index in THRESHOLDS of a threshold on that grid (e.g. a slider value read back as 0.3). */
export function thresholdIndex(threshold: number): number {
  return Math.round(threshold / THRESHOLD_STEP) - 1;
}

export type TaskDiagnostics =
  | {
      kind: 'binary';
      roc: RocPoint[];
      positives: number;
      negatives: number;
      atThreshold: BinaryCounts[];
      nonFinite: number;
    }
  | { kind: 'multiclass'; matrix: ConfusionMatrix; nonFinite: number }
  | {
      kind: 'regression';
      predicted: Float32Array;
      actual: Float32Array;
      residuals: Histogram;
      count: number;
      nonFinite: number;
    };

/** Largest number of points of the ROC curve sent to the page. */
export const MAX_ROC_POINTS = 200;

/** Enough points to see the shape of a scatter without making the SVG slow to redraw. */
export const MAX_SCATTER_POINTS = 200;
export const RESIDUAL_BINS = 24;

export function computeTaskDiagnostics(
  task: TaskSpec,
  outputs: Float32Array,
  targets: Float32Array,
  scale: TargetScale,
): TaskDiagnostics {
  const k = task.kind === 'multiclass' ? task.numClasses : 1;
  const labelled = labelledRows(targets);
  const finite = (r: number) => {
    for (let c = 0; c < k; c++) if (!Number.isFinite(outputs[r * k + c] as number)) return false;
    return true;
  };
  const rows = labelled.filter(finite);
  const nonFinite = labelled.length - rows.length;
  if (task.kind === 'binary') {
    const positives = Float32Array.from(
      rows.filter((r) => targets[r] === 1),
      (r) => outputs[r] as number,
    ).sort();
    const negatives = Float32Array.from(
      rows.filter((r) => targets[r] !== 1),
      (r) => outputs[r] as number,
    ).sort();
    return {
      kind: 'binary',
      roc: rocCurve(positives, negatives, MAX_ROC_POINTS),
      positives: positives.length,
      negatives: negatives.length,
      atThreshold: THRESHOLDS.map((t) => countsAtThreshold(positives, negatives, t)),
      nonFinite,
    };
  }
  if (task.kind === 'multiclass') {
    return {
      kind: 'multiclass',
      matrix: confusionMatrix(
        Int32Array.from(rows, (r) => argmaxRow(outputs, r, k)),
        Int32Array.from(rows, (r) => targets[r] as number),
        k,
      ),
      nonFinite,
    };
  }
  const toUnits = (v: number) => v * scale.std + scale.mean;
  const residuals = Float64Array.from(rows, (r) => toUnits(targets[r] as number) - toUnits(outputs[r] as number));
  // An even stride over the rows: deterministic, and it keeps the split's own mix of values.
  const stride = Math.max(1, rows.length / MAX_SCATTER_POINTS);
  const sample = Array.from(
    { length: Math.min(rows.length, MAX_SCATTER_POINTS) },
    (_, i) => rows[Math.floor(i * stride)] as number,
  );
  return {
    kind: 'regression',
    predicted: Float32Array.from(sample, (r) => toUnits(outputs[r] as number)),
    actual: Float32Array.from(sample, (r) => toUnits(targets[r] as number)),
    residuals: histogram(residuals, RESIDUAL_BINS),
    count: rows.length,
    nonFinite,
  };
}
