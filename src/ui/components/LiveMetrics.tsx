import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EpochReport } from '../../core/train/trainingRunner.ts';
import type { TaskKind, TaskSpec } from '../../core/types.ts';
import { useAppState } from '../../state/store.ts';
import { extent, linearScale, pathOf } from '../charts/linePaths.ts';
import { headlineMetric } from '../headlineMetric.ts';
import { taskColour, taskDash } from '../palette.ts';

const SPARK_W = 110;
const SPARK_H = 26;

/** The headline metric's name per task type (the one headlineMetric reports). */
const METRIC_NAMES = {
  binary: 'playground.liveMetrics.metrics.auc',
  multiclass: 'playground.liveMetrics.metrics.accuracy',
  regression: 'playground.liveMetrics.metrics.r2',
} as const satisfies Record<TaskKind, string>;

/**
 * Every task's headline validation metric (AUC, accuracy or R²) after the latest epoch, with a
 * sparkline of its history: the compact live view next to the curves.
 */
export function LiveMetrics() {
  const { t } = useTranslation();
  const run = useAppState((s) => s.run);
  const epochs = useAppState((s) => s.epochs);
  const bestEpoch = useAppState((s) => s.bestEpoch);
  const restoredEpoch = useAppState((s) => s.restoredEpoch);
  if (!run) return <p className="muted live-metrics-empty">{t('playground.liveMetrics.empty')}</p>;
  const last = epochs[epochs.length - 1];
  return (
    <table aria-label={t('playground.liveMetrics.label')} className="live-metrics">
      <caption>
        {last
          ? t('playground.liveMetrics.afterEpoch', { epoch: last.epoch })
          : t('playground.liveMetrics.afterFirstEpoch')}
        {restoredEpoch ? t('playground.liveMetrics.restored', { epoch: restoredEpoch }) : ''}
        {!restoredEpoch && bestEpoch && bestEpoch !== last?.epoch
          ? t('playground.liveMetrics.bestSoFar', { epoch: bestEpoch })
          : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('playground.liveMetrics.task')}</th>
          <th scope="col">{t('playground.liveMetrics.metric')}</th>
          <th scope="col">{t('playground.liveMetrics.value')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('playground.liveMetrics.history')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {run.tasks.map((task, k) => (
          <Row key={task.name} task={task} index={k} epochs={epochs} />
        ))}
      </tbody>
    </table>
  );
}

const Row = memo(function Row({ task, index, epochs }: { task: TaskSpec; index: number; epochs: EpochReport[] }) {
  const { t } = useTranslation();
  const values = epochs.map((e) => headlineMetric(task.kind, e.val[index])?.value ?? NaN);
  const latest = headlineMetric(task.kind, epochs[epochs.length - 1]?.val[index]);
  const previous = values[values.length - 2];
  const trend =
    latest && previous !== undefined && Number.isFinite(previous)
      ? latest.value > previous + 1e-4
        ? '▲'
        : latest.value < previous - 1e-4
          ? '▼'
          : '='
      : '';
  const [lo, hi] = extent(values);
  const x = linearScale(1, Math.max(values.length, 2), 2, SPARK_W - 2);
  const y = linearScale(lo, hi, SPARK_H - 3, 3);
  return (
    <tr>
      <th scope="row">
        <span className="swatch" style={{ background: taskColour(index) }} aria-hidden="true" />
        {task.name}
      </th>
      <td>{t(METRIC_NAMES[task.kind])}</td>
      <td className="value">
        {latest ? latest.text : '–'}{' '}
        <span
          className="trend"
          aria-label={
            trend === '▲'
              ? t('playground.liveMetrics.up')
              : trend === '▼'
                ? t('playground.liveMetrics.down')
                : undefined
          }
        >
          {trend}
        </span>
      </td>
      <td>
        <svg width={SPARK_W} height={SPARK_H} aria-hidden="true" className="spark">
          {values.length > 1 && (
            <path
              d={pathOf(
                values.map((_, i) => i + 1),
                values,
                x,
                y,
              )}
              stroke={taskColour(index)}
              strokeDasharray={taskDash(index)}
            />
          )}
        </svg>
      </td>
    </tr>
  );
});
