/** All metrics of one task on one split, from its head's outputs read back from the device. */
import type { TargetScale } from '../data/prepareDataset.ts';
import type { TaskSpec } from '../types.ts';
import { EPSILON } from '../train/taskLosses.ts';
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
  if (task.kind === 'binary') {
    const p = Float64Array.from(labelled, (i) => outputs[i] as number);
    let loss = 0;
    p.forEach((pi, j) => {
      const pc = Math.min(Math.max(pi, EPSILON), 1 - EPSILON);
      loss -= (y[j] as number) === 1 ? Math.log(pc) : Math.log(1 - pc);
    });
    const predicted = p.map((pi) => (pi >= 0.5 ? 1 : 0));
    return {
      loss: loss / Math.max(count, 1),
      count,
      accuracy: accuracy(predicted, y),
      ...precisionRecallF1(binaryCounts(predicted, y)),
      auc: rocAuc(p, y),
    };
  }
  if (task.kind === 'multiclass') {
    const k = task.numClasses;
    const predicted = new Float64Array(count);
    let loss = 0;
    labelled.forEach((row, j) => {
      predicted[j] = argmaxRow(outputs, row, k);
      loss -= Math.log(Math.max(outputs[row * k + (y[j] as number)] as number, EPSILON));
    });
    return {
      loss: loss / Math.max(count, 1),
      count,
      accuracy: accuracy(predicted, y),
      macroF1: macroF1(predicted, y, k),
    };
  }
  const predStd = Float64Array.from(labelled, (i) => outputs[i] as number);
  let loss = 0;
  predStd.forEach((p, j) => (loss += (p - (y[j] as number)) ** 2));
  const toUnits = (v: number) => v * scale.std + scale.mean;
  return { loss: loss / Math.max(count, 1), count, ...regressionMetrics(predStd.map(toUnits), y.map(toUnits)) };
}
