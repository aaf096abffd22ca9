import { lazy, Suspense } from 'react';
import { averageRelativeGain, headlineMetric, relativeGain } from '../../core/metrics/relativeGain.ts';
import type { TaskMetrics } from '../../core/metrics/taskMetrics.ts';
import type { TaskSpec } from '../../core/types.ts';
import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';

// recharts loads on demand, as for the other charts.
const BaselineCurves = lazy(() => import('../charts/BaselineCurves.tsx'));

const pct = (v: number) => (Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)} %` : 'n/a');
const val = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? 'n/a' : v.toPrecision(4));

/**
 * In words. Under 1 % is called a draw: on the census data another split seed alone moved the
 * test metrics by up to 0.3 % (marital accuracy) and 1 % (income AUC), more on small files.
 */
function verdict(dm: number): string {
  if (!Number.isFinite(dm)) return 'not defined for these metrics';
  if (Math.abs(dm) < 0.01) return 'no clear difference (under 1 %, within what another seed or split can change)';
  return dm > 0 ? 'sharing the trunk helps these tasks on average' : 'sharing the trunk hurts these tasks on average';
}

/** Per task: the headline metric of the single-task network, of the multi-task one, and the sign-corrected relative difference; then Δm. */
function ComparisonTable({
  label,
  splitName,
  tasks,
  single,
  multi,
  epochs,
}: {
  label: string;
  splitName: string;
  tasks: TaskSpec[];
  single: TaskMetrics[];
  multi: TaskMetrics[];
  epochs: number;
}) {
  const rows = tasks.map((t, k) => {
    const m = headlineMetric(t.kind);
    const s = single[k]?.[m.key];
    const mt = multi[k]?.[m.key];
    return {
      task: t.name,
      metric: m.label,
      single: s,
      multi: mt,
      gain: relativeGain(s ?? NaN, mt ?? NaN, m.higherIsBetter),
    };
  });
  const dm = averageRelativeGain(rows.map((r) => r.gain));
  return (
    <>
      <table aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Metric ({splitName})</th>
            <th scope="col">Single-task</th>
            <th scope="col">Multi-task</th>
            <th scope="col">Δ (better if +)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.task}>
              <th scope="row">{r.task}</th>
              <td>{r.metric}</td>
              <td>{val(r.single)}</td>
              <td>{val(r.multi)}</td>
              <td>{pct(r.gain)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p
        role="status"
        aria-label={splitName === 'validation' ? 'Average relative gain' : `Average relative gain on ${splitName}`}
      >
        Δm ({splitName}) = {pct(dm)}: {verdict(dm)} (up to {epochs} epochs each).
      </p>
    </>
  );
}

/** Trains one network per task and compares each with the multi-task model (Δm as LibMTL reports it), with overlaid curves. */
export function BaselineComparison() {
  const controller = useController();
  const run = useAppState((s) => s.run);
  const baselines = useAppState((s) => s.baselines);
  const busy = useAppState((s) => s.runState === 'running');
  const trained = useAppState((s) => s.epochs.length > 0);
  if (!run || run.tasks.length < 2) return null;
  const running = baselines?.status === 'running';
  return (
    <section className="baselines" aria-label="Single-task baselines">
      <h3>Single-task vs multi-task</h3>
      <p className="muted">
        One separate network per task, with the same data, split, epochs, trunk, optimiser and early stopping. Compared
        on AUC (binary), accuracy (multi-class) and RMSE (regression); Δ is sign-corrected so that + always means the
        multi-task model is better, and Δm is its mean over the tasks.
      </p>
      <div className="buttons">
        <button type="button" disabled={!trained || busy || running} onClick={() => controller.trainBaselines()}>
          Train single-task baselines
        </button>
        {running && (
          <button type="button" onClick={() => controller.cancelBaselines()}>
            Cancel baselines
          </button>
        )}
      </div>
      {running && (
        <p role="status" aria-label="Baseline progress">
          Training the {run.tasks[baselines.taskIndex]?.name} baseline: epoch {baselines.epoch} / {baselines.epochs}{' '}
          (task {baselines.taskIndex + 1} of {run.tasks.length}).
        </p>
      )}
      {baselines?.status === 'done' && (
        <>
          <ComparisonTable
            label="Single-task vs multi-task"
            splitName="validation"
            tasks={run.tasks}
            single={baselines.single}
            multi={baselines.multi}
            epochs={baselines.epochs}
          />
          {baselines.singleTest && baselines.multiTest && (
            <ComparisonTable
              label="Test split: single vs multi-task"
              splitName="test"
              tasks={run.tasks}
              single={baselines.singleTest}
              multi={baselines.multiTest}
              epochs={baselines.epochs}
            />
          )}
        </>
      )}
      {baselines && (
        <Suspense fallback={null}>
          <BaselineCurves />
        </Suspense>
      )}
    </section>
  );
}
