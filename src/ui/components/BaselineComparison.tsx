import { averageRelativeGain, headlineMetric, relativeGain } from '../../core/metrics/relativeGain.ts';
import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';

const pct = (v: number) => (Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)} %` : 'n/a');
const val = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? 'n/a' : v.toPrecision(4));

/** Trains one network per task and compares each with the multi-task model (Δm as LibMTL reports it). */
export function BaselineComparison() {
  const controller = useController();
  const run = useAppState((s) => s.run);
  const baselines = useAppState((s) => s.baselines);
  const busy = useAppState((s) => s.runState === 'running');
  const trained = useAppState((s) => s.epochs.length > 0);
  if (!run || run.tasks.length < 2) return null;
  const running = baselines?.status === 'running';
  let table = null;
  if (baselines?.status === 'done') {
    const rows = run.tasks.map((t, k) => {
      const m = headlineMetric(t.kind);
      const single = baselines.single[k]?.[m.key];
      const multi = baselines.multi[k]?.[m.key];
      return { task: t.name, metric: m.label, single, multi, gain: relativeGain(single ?? NaN, multi ?? NaN, m.higherIsBetter) };
    });
    const dm = averageRelativeGain(rows.map((r) => r.gain));
    table = (
      <>
        <table aria-label="Single-task vs multi-task">
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col">Metric (validation)</th>
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
        <p role="status" aria-label="Average relative gain">
          Δm = {pct(dm)}: {dm > 0 ? 'sharing the trunk helps these tasks on average' : dm < 0 ? 'sharing the trunk hurts these tasks on average' : 'no difference'} (after {baselines.epochs} epochs each).
        </p>
      </>
    );
  }
  return (
    <section className="baselines" aria-label="Single-task baselines">
      <h3>Single-task vs multi-task</h3>
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
          Training the {run.tasks[baselines.taskIndex]?.name} baseline: epoch {baselines.epoch} / {baselines.epochs} (task {baselines.taskIndex + 1} of {run.tasks.length}).
        </p>
      )}
      {table}
    </section>
  );
}
