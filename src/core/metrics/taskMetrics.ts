/** All metrics of one task on one split, from its head's outputs read back from the device. */
import type { TargetScale } from '../data/prepareDataset.ts';
import type { TaskSpec } from '../types.ts';
import { outputUnits } from '../model/outputUnits.ts';
import { plainTaskLoss } from '../train/plainTaskLosses.ts';
import { accuracy, binaryCounts, macroF1, precisionRecallF1, rocAuc } from './classificationMetrics.ts';
import { regressionMetrics } from './regressionMetrics.ts';
import { argmaxRow, labelledRows } from './predictionRows.ts';

/** Metric values by name; absent when a metric does not apply to the task type. */
export interface TaskMetrics {
  /** The task's training loss on this split: log loss (cross-entropy) for classification, MSE of the standardised target for regression. */
  loss: number;
  /** Rows with a target (rows whose target is missing are left out). */
  count: number;
  accuracy?: number;
  precision?: number;
  recall?: number;
  f1?: number;
  auc?: number;
  macroF1?: number;
  mse?: number;
  rmse?: number;
  mae?: number;
  r2?: number;
}

/**
 * outputs: the head's output, row-major [rows, width] (width 1, or k for multi-class);
 * targets: class index or standardised value per row, NaN where missing.
 */
export function computeTaskMetrics(
  task: TaskSpec,
  outputs: Float32Array,
  targets: Float32Array,
  scale: TargetScale,
): TaskMetrics {
  const labelled = labelledRows(targets);
  const y = Float64Array.from(labelled, (i) => targets[i] as number);
  const count = labelled.length;
  // The training loss, unweighted (no class weights), in the standardised units for regression.
  const loss = plainTaskLoss(task.kind, outputs, targets, outputUnits(task.kind, task.numClasses));
  if (task.kind === 'binary') {
    const p = Float64Array.from(labelled, (i) => outputs[i] as number);
    const predicted = p.map((pi) => (pi >= 0.5 ? 1 : 0));
    return {
      loss,
      count,
      accuracy: accuracy(predicted, y),
      ...precisionRecallF1(binaryCounts(predicted, y)),
      auc: rocAuc(p, y),
    };
  }
  if (task.kind === 'multiclass') {
    const k = task.numClasses;
    const predicted = Float64Array.from(labelled, (row) => argmaxRow(outputs, row, k));
    return {
      loss,
      count,
      accuracy: accuracy(predicted, y),
      macroF1: macroF1(predicted, y, k),
    };
  }
  const predStd = Float64Array.from(labelled, (i) => outputs[i] as number);
  const toUnits = (v: number) => v * scale.std + scale.mean;
  return { loss, count, ...regressionMetrics(predStd.map(toUnits), y.map(toUnits)) };
}
