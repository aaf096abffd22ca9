/**
 * Multi-task vs single-task comparison, as LibMTL reports it: per task the relative difference of
 * its headline metric, sign-corrected so that positive is always better, and Δm, their mean.
 *   higher is better (accuracy, AUC, R²): (multi − single) / |single|
 *   lower is better (RMSE, loss):           (single − multi) / |single|
 */
import type { TaskKind } from '../types.ts';
import type { TaskMetrics } from './taskMetrics.ts';

export interface HeadlineMetric {
  key: keyof TaskMetrics;
  label: string;
  higherIsBetter: boolean;
}

/** The metric each task type is compared on. */
export function headlineMetric(kind: TaskKind): HeadlineMetric {
  if (kind === 'binary') return { key: 'auc', label: 'AUC', higherIsBetter: true };
  if (kind === 'multiclass') return { key: 'accuracy', label: 'Accuracy', higherIsBetter: true };
  return { key: 'rmse', label: 'RMSE', higherIsBetter: false };
}

/** Sign-corrected relative difference (positive = multi-task is better); NaN when undefined. */
export function relativeGain(single: number, multi: number, higherIsBetter: boolean): number {
  if (!Number.isFinite(single) || !Number.isFinite(multi) || single === 0) return NaN;
  return (higherIsBetter ? multi - single : single - multi) / Math.abs(single);
}

/** Δm: the mean of the tasks' relative gains (tasks with an undefined gain left out). */
export function averageRelativeGain(gains: number[]): number {
  const defined = gains.filter(Number.isFinite);
  return defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : NaN;
}
