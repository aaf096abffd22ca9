import type { TaskMetrics } from '../../core/metrics/taskMetrics.ts';

/** The names of the metrics the single-task comparison uses (headlineMetric's keys). */
export const METRIC_NAMES: Partial<
  Record<keyof TaskMetrics, 'results.metrics.auc' | 'results.metrics.accuracy' | 'results.metrics.rmse'>
> = {
  auc: 'results.metrics.auc',
  accuracy: 'results.metrics.accuracy',
  rmse: 'results.metrics.rmse',
};
