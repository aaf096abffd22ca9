import { memo } from 'react';
import type { EpochReport } from '../../core/train/trainingRunner.ts';
import type { TaskSpec } from '../../core/types.ts';
import { useAppState } from '../../state/store.ts';
import { extent, linearScale, pathOf } from '../charts/linePaths.ts';
import { headlineLabel, headlineMetric } from '../headlineMetric.ts';
import { taskColour, taskDash } from '../palette.ts';

const SPARK_W = 110;
const SPARK_H = 26;

/**
 * Every task's headline validation metric (AUC, accuracy or R²) after the latest epoch, with a
 * sparkline of its history: the compact live view next to the curves.
 */
export function LiveMetrics() {
  const run = useAppState((s) => s.run);
  const epochs = useAppState((s) => s.epochs);
  const bestEpoch = useAppState((s) => s.bestEpoch);
  const restoredEpoch = useAppState((s) => s.restoredEpoch);
  if (!run) return <p className="muted live-metrics-empty">Validation metrics appear after the first epoch.</p>;
  const last = epochs[epochs.length - 1];
  return (
    <table aria-label="Live metrics" className="live-metrics">
      <caption>
        Validation, {last ? `after epoch ${last.epoch}` : 'after the first epoch'}
        {restoredEpoch ? `; the model holds epoch ${restoredEpoch} (the best, restored)` : ''}
        {!restoredEpoch && bestEpoch && bestEpoch !== last?.epoch ? `; best so far: epoch ${bestEpoch}` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">Task</th>
          <th scope="col">Metric</th>
          <th scope="col">Value</th>
          <th scope="col">
            <span className="visually-hidden">History</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {run.tasks.map((t, k) => (
          <Row key={t.name} task={t} index={k} epochs={epochs} />
        ))}
      </tbody>
    </table>
  );
}

const Row = memo(function Row({ task, index, epochs }: { task: TaskSpec; index: number; epochs: EpochReport[] }) {
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
      <td>{headlineLabel(task.kind)}</td>
      <td className="value">
        {latest ? latest.text : '–'}{' '}
        <span className="trend" aria-label={trend === '▲' ? 'up' : trend === '▼' ? 'down' : undefined}>
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
