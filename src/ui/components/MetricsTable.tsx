import { metricsHistoryCsv } from '../../core/metrics/metricsHistoryCsv.ts';
import type { TaskMetrics } from '../../core/metrics/taskMetrics.ts';
import type { TaskSpec } from '../../core/types.ts';
import { saveFile } from '../../state/saveFile.ts';
import { appStore, useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';

/** Saves the metrics history as a CSV file made in this tab. */
function exportMetrics(): void {
  const { epochs, run, dataset } = appStore.getState();
  if (!run) return;
  saveFile(
    `${(dataset?.name ?? 'run').replace(/\.[^.]+$/, '').replace(/[^\w-]+/g, '_')}-metrics.csv`,
    new Blob([metricsHistoryCsv(epochs, run.tasks)], { type: 'text/csv' }),
  );
}

const COLUMNS: { header: string; key: keyof TaskMetrics }[] = [
  { header: 'Loss', key: 'loss' },
  { header: 'Accuracy', key: 'accuracy' },
  { header: 'Precision', key: 'precision' },
  { header: 'Recall', key: 'recall' },
  { header: 'F1', key: 'f1' },
  { header: 'AUC', key: 'auc' },
  { header: 'Macro F1', key: 'macroF1' },
  { header: 'MSE', key: 'mse' },
  { header: 'RMSE', key: 'rmse' },
  { header: 'MAE', key: 'mae' },
  { header: 'R2', key: 'r2' },
];

const TYPE_LABEL = { binary: 'binary', multiclass: 'multi-class', regression: 'regression' } as const;

function format(v: number | undefined): string {
  if (v === undefined) return '—';
  if (Number.isNaN(v)) return 'n/a';
  return Math.abs(v) >= 1000 ? v.toFixed(1) : v.toPrecision(4);
}

/** The latest validation metrics, one row per task. */
/** One row per task, one column per metric (empty cells for metrics that do not apply). */
function MetricsGrid({
  label,
  tasks,
  metrics,
}: {
  label: string;
  tasks: TaskSpec[];
  metrics: TaskMetrics[] | undefined;
}) {
  return (
    <div className="scroll" tabIndex={0} role="region" aria-label={`${label} (scrolls)`}>
      <table aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Type</th>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tasks.map((t, k) => (
            <tr key={t.name}>
              <th scope="row">{t.name}</th>
              <td>
                {TYPE_LABEL[t.kind]}
                {t.chainedTo !== undefined && ` (× ${tasks[t.chainedTo]?.name ?? '?'}: p on every row)`}
              </td>
              {COLUMNS.map((c) => (
                <td key={c.key}>{metrics ? format(metrics[k]?.[c.key]) : ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The latest validation metrics (one row per task), the test split's, and the exports. */
export function MetricsTable() {
  const controller = useController();
  const run = useAppState((s) => s.run);
  // After early stopping the model holds the best epoch's weights again, so the table shows that epoch.
  const restoredEpoch = useAppState((s) => s.restoredEpoch);
  const latest = useAppState(
    (s) =>
      (restoredEpoch !== null ? s.epochs.find((e) => e.epoch === restoredEpoch) : undefined) ??
      s.epochs[s.epochs.length - 1],
  );
  const test = useAppState((s) => s.testMetrics);
  const running = useAppState((s) => s.runState === 'running');
  if (!run) return null;
  return (
    <div className="metrics">
      <h3>
        Validation metrics {latest ? `after epoch ${latest.epoch}` : '(after the first epoch)'}
        {latest && restoredEpoch === latest.epoch ? ' (the best epoch, whose weights were restored)' : ''}
      </h3>
      <MetricsGrid label="Task metrics" tasks={run.tasks} metrics={latest?.val} />
      <p className="muted">
        Loss is each task's training loss on the validation split: log loss (cross-entropy) for binary and multi-class
        tasks, MSE of the standardised target for regression. Regression metrics are in the target's own units; binary
        metrics call a row positive at score ≥ 0.5 (other thresholds: see Diagnostic plots).
      </p>
      <button type="button" disabled={!latest} onClick={exportMetrics}>
        Export metrics
      </button>
      <span className="muted">
        {' '}
        CSV, one row per epoch, split, task and metric (columns epoch, step, split, task, metric, value).
      </span>{' '}
      <button type="button" disabled={!latest} onClick={() => controller.exportModel()}>
        Export model
      </button>
      <span className="muted">
        {' '}
        model.json + weights.bin (TensorFlow.js layers format; tasks, features and target scales in its metadata).
      </span>
      <h3>
        Test metrics{' '}
        {test ? `after epoch ${test.epoch} (held-out split)` : '(held-out split: measured when a run finishes, or now)'}
      </h3>
      {test && <MetricsGrid label="Test metrics" tasks={run.tasks} metrics={test.metrics} />}
      <button
        type="button"
        disabled={!latest || running || run.splitRows.test === 0}
        onClick={() => controller.evaluateTest()}
      >
        Evaluate test split
      </button>
      {run.splitRows.test === 0 && <span className="muted"> No rows are held out for testing (Test % is 0).</span>}
    </div>
  );
}
