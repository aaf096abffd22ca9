import { memo, useMemo } from 'react';
import { Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { headlineMetric, type HeadlineMetric } from '../../core/metrics/relativeGain.ts';
import type { TaskMetrics } from '../../core/metrics/taskMetrics.ts';
import { useAppState } from '../../state/store.ts';
import { taskColour } from '../palette.ts';

const num = new Intl.NumberFormat('en', { maximumSignificantDigits: 4 });
const fmt = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? 'n/a' : num.format(v));

/** Per task, the headline validation metric by epoch: multi-task (solid) over single-task (dashed, black). */
export default function BaselineCurves() {
  const run = useAppState((s) => s.run);
  const epochs = useAppState((s) => s.epochs);
  const history = useAppState((s) => s.baselines?.history);
  if (!run || !history) return null;
  return (
    <figure aria-label="Baseline curves" className="chart">
      <figcaption>
        Validation metric by epoch, per task: the multi-task model (solid, in the task's colour) and its single-task
        network (dashed, black); higher is better for AUC and accuracy, lower for RMSE.{' '}
        {run.tasks
          .map((t, k) => {
            const m = headlineMetric(t.kind);
            const multi = epochs[epochs.length - 1]?.val[k]?.[m.key];
            const single = history[k]?.at(-1)?.[m.key];
            return `${t.name} ${m.label} at the last epoch: multi-task ${fmt(multi)}, single-task ${fmt(single)}`;
          })
          .join('; ')}
        {'.'}
      </figcaption>
      <div className="small-multiples">
        {run.tasks.map((t, k) => (
          <div key={t.name} className="small-multiple">
            <span>
              {t.name}: {headlineMetric(t.kind).label}
            </span>
            <div aria-hidden="true">
              <TaskCurves
                multi={epochs.map((e) => e.val[k])}
                single={history[k] ?? []}
                metric={headlineMetric(t.kind)}
                colour={taskColour(k)}
              />
            </div>
          </div>
        ))}
      </div>
    </figure>
  );
}

interface Props {
  multi: (TaskMetrics | undefined)[];
  single: TaskMetrics[];
  metric: HeadlineMetric;
  colour: string;
}

const TaskCurves = memo(function TaskCurves({ multi, single, metric, colour }: Props) {
  const data = useMemo(
    () =>
      Array.from({ length: Math.max(multi.length, single.length) }, (_, i) => ({
        epoch: i + 1,
        multi: multi[i]?.[metric.key],
        single: single[i]?.[metric.key],
      })),
    [multi, single, metric],
  );
  return (
    <LineChart
      accessibilityLayer={false}
      width={240}
      height={150}
      data={data}
      margin={{ top: 6, right: 8, bottom: 4, left: 0 }}
    >
      <XAxis dataKey="epoch" type="number" domain={['dataMin', 'dataMax']} tickCount={4} allowDecimals={false} />
      <YAxis domain={['auto', 'auto']} tickCount={4} width={48} tickFormatter={(v: number) => num.format(v)} />
      <Tooltip formatter={(v) => num.format(Number(v))} labelFormatter={(l) => `epoch ${String(l)}`} />
      <Line dataKey="multi" name="multi-task" stroke={colour} strokeWidth={2} dot={false} isAnimationActive={false} />
      <Line
        dataKey="single"
        name="single-task"
        stroke="#000"
        strokeDasharray="5 3"
        strokeWidth={1.5}
        dot={false}
        isAnimationActive={false}
      />
    </LineChart>
  );
});
