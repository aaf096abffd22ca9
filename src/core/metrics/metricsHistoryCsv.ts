/**
 * The metrics history as CSV, in long format: one row per (evaluation, task, metric), with the
 * header `epoch,step,split,task,metric,value`. Long rather than wide because tasks of different
 * types have different metrics; it loads straight into pandas, R or a spreadsheet pivot.
 */
import { csvField } from '../csv/tableCsv.ts';
import type { TaskSpec } from '../types.ts';
import type { TaskMetrics } from './taskMetrics.ts';

export interface EvaluationRecord {
  epoch: number;
  step: number;
  /** Mean training loss per task over the epoch. */
  trainLoss: number[];
  val: TaskMetrics[];
}

// count first, so the file's last row is a metric the Task metrics table shows (R2, Macro F1 or AUC of the last task).
const METRIC_ORDER: (keyof TaskMetrics)[] = [
  'count',
  'loss',
  'accuracy',
  'precision',
  'recall',
  'f1',
  'auc',
  'macroF1',
  'mse',
  'rmse',
  'mae',
  'r2',
];

export function metricsHistoryCsv(records: EvaluationRecord[], tasks: TaskSpec[]): string {
  const lines = ['epoch,step,split,task,metric,value'];
  for (const r of records) {
    tasks.forEach((t, k) =>
      lines.push([r.epoch, r.step, 'train', csvField(t.name), 'loss', r.trainLoss[k] ?? ''].join(',')),
    );
    tasks.forEach((t, k) => {
      const m = r.val[k];
      if (!m) return;
      for (const key of METRIC_ORDER) {
        const v = m[key];
        if (v !== undefined)
          lines.push([r.epoch, r.step, 'validation', csvField(t.name), key, Number.isNaN(v) ? '' : v].join(','));
      }
    });
  }
  return lines.join('\n') + '\n';
}
