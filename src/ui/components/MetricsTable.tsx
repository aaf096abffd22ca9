import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TaskMetrics } from '../../core/metrics/taskMetrics.ts';
import type { TaskSpec } from '../../core/types.ts';
import { metricsExport } from '../../state/metricsExport.ts';
import { saveFile } from '../../state/saveFile.ts';
import { appStore, useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { TermHelp } from '../glossary/TermHelp.tsx';
import type { GlossaryTermId } from '../../i18n/glossaryTerms.ts';

/** Saves the metrics history as a CSV file made in this tab (English headers in every language: it is data). */
function exportMetrics(): void {
  const file = metricsExport(appStore.getState());
  if (file) saveFile(file.name, new Blob([file.csv], { type: 'text/csv' }));
}

const COLUMNS = [
  { header: 'results.metrics.loss', key: 'loss' },
  { header: 'results.metrics.accuracy', key: 'accuracy' },
  { header: 'results.metrics.precision', key: 'precision' },
  { header: 'results.metrics.recall', key: 'recall' },
  { header: 'results.metrics.f1', key: 'f1' },
  { header: 'results.metrics.auc', key: 'auc' },
  { header: 'results.metrics.macroF1', key: 'macroF1' },
  { header: 'results.metrics.mse', key: 'mse' },
  { header: 'results.metrics.rmse', key: 'rmse' },
  { header: 'results.metrics.mae', key: 'mae' },
  { header: 'results.metrics.r2', key: 'r2' },
] as const satisfies readonly { header: string; key: keyof TaskMetrics }[];

/** The glossary's explanation of each column, beside the column's name (not inside the header: it keeps its name). */
const TERMS = [
  { labels: ['results.metrics.loss'], term: 'loss' },
  { labels: ['results.metrics.accuracy'], term: 'accuracy' },
  { labels: ['results.metrics.precision', 'results.metrics.recall'], term: 'precisionRecall' },
  { labels: ['results.metrics.f1'], term: 'f1' },
  { labels: ['results.metrics.auc'], term: 'auc' },
  { labels: ['results.metrics.macroF1'], term: 'macroF1' },
  { labels: ['results.metrics.mse', 'results.metrics.rmse'], term: 'mse' },
  { labels: ['results.metrics.mae'], term: 'mae' },
  { labels: ['results.metrics.r2'], term: 'r2' },
] as const satisfies readonly { labels: readonly string[]; term: GlossaryTermId }[];

const TYPE_LABEL = {
  binary: 'results.taskKinds.binary',
  multiclass: 'results.taskKinds.multiclass',
  regression: 'results.taskKinds.regression',
} as const;

/** Plain numbers, as the export writes them (tests and people compare the two). */
function format(v: number | undefined, t: TFunction): string {
  if (v === undefined) return '—';
  if (Number.isNaN(v)) return t('results.notAvailable');
  return Math.abs(v) >= 1000 ? v.toFixed(1) : v.toPrecision(4);
}

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
  const { t } = useTranslation();
  return (
    <div className="scroll" tabIndex={0} role="region" aria-label={t('results.scrolls', { label })}>
      <table aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{t('results.task')}</th>
            <th scope="col">{t('results.metricsTable.type')}</th>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col">
                {t(c.header)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tasks.map((task, k) => (
            <tr key={task.name}>
              <th scope="row">{task.name}</th>
              <td>
                {t(TYPE_LABEL[task.kind])}
                {task.chainedTo !== undefined &&
                  t('results.metricsTable.chained', { condition: tasks[task.chainedTo]?.name ?? '?' })}
              </td>
              {COLUMNS.map((c) => (
                <td key={c.key}>{metrics ? format(metrics[k]?.[c.key], t) : ''}</td>
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
  const { t } = useTranslation();
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
        {!latest
          ? t('results.metricsTable.headingPending')
          : restoredEpoch === latest.epoch
            ? t('results.metricsTable.headingBest', { epoch: latest.epoch })
            : t('results.metricsTable.heading', { epoch: latest.epoch })}
      </h3>
      <MetricsGrid label={t('results.metricsTable.label')} tasks={run.tasks} metrics={latest?.val} />
      <p className="muted">{t('results.metricsTable.note')}</p>
      <p className="muted">
        {t('results.metricsTable.terms')}
        {TERMS.map((x) => (
          <span key={x.term}>
            {' '}
            {x.labels.map((l) => t(l)).join(' / ')}
            <TermHelp term={x.term} />
          </span>
        ))}
      </p>
      <button type="button" disabled={!latest} onClick={exportMetrics}>
        {t('results.metricsTable.exportMetrics')}
      </button>
      <span className="muted"> {t('results.metricsTable.exportMetricsNote')}</span>{' '}
      <button type="button" disabled={!latest} onClick={() => controller.exportModel()}>
        {t('results.metricsTable.exportModel')}
      </button>
      <span className="muted"> {t('results.metricsTable.exportModelNote')}</span>{' '}
      <button type="button" disabled={running} onClick={() => controller.exportProject()}>
        {t('results.metricsTable.exportProject')}
      </button>
      <span className="muted"> {t('results.metricsTable.exportProjectNote')}</span>
      <h3>
        {test
          ? t('results.metricsTable.testHeading', { epoch: test.epoch })
          : t('results.metricsTable.testHeadingPending')}
      </h3>
      {test && <MetricsGrid label={t('results.metricsTable.testLabel')} tasks={run.tasks} metrics={test.metrics} />}
      <button
        type="button"
        disabled={!latest || running || run.splitRows.test === 0}
        onClick={() => controller.evaluateTest()}
      >
        {t('results.metricsTable.evaluateTest')}
      </button>
      {run.splitRows.test === 0 && <span className="muted"> {t('results.metricsTable.noTestRows')}</span>}
    </div>
  );
}
