import { memo, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { METRIC_NAMES } from '../components/baselineMetricNames.ts';
import { Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { headlineMetric, type HeadlineMetric } from '../../core/metrics/relativeGain.ts';
import type { TaskMetrics } from '../../core/metrics/taskMetrics.ts';
import { useAppState } from '../../state/store.ts';
import { useFormat } from '../i18n/useFormat.ts';
import { taskColour } from '../palette.ts';
import { ChartImageButtons } from './ChartImageButtons.tsx';

const SIGNIFICANT = { maximumSignificantDigits: 4 } as const;
/** The single-task line, on the page and in a saved image's legend. */
const SINGLE = { colour: '#000', dash: '5 3' } as const;

/** Per task, the headline validation metric by epoch: multi-task (solid) over single-task (dashed, black). */
export default function BaselineCurves() {
  const { t } = useTranslation();
  const num = useFormat().formatter(SIGNIFICANT);
  const run = useAppState((s) => s.run);
  const epochs = useAppState((s) => s.epochs);
  const history = useAppState((s) => s.baselines?.history);
  const figureRef = useRef<HTMLElement>(null);
  if (!run || !history) return null;
  const fmt = (v: number | undefined) =>
    v === undefined || !Number.isFinite(v) ? t('results.notAvailable') : num.format(v);
  const metricName = (m: HeadlineMetric) => {
    const key = METRIC_NAMES[m.key];
    return key ? t(key) : m.label;
  };
  return (
    <figure ref={figureRef} aria-label={t('results.baselines.curvesLabel')} className="chart">
      <figcaption>
        <ChartImageButtons
          figure={figureRef}
          name={t('results.baselines.curvesLabel')}
          file="baseline-curves"
          legend={[
            { label: t('results.baselines.multiLine') },
            { label: t('results.baselines.singleLine'), ...SINGLE },
          ]}
        />
        {t('results.baselines.curvesCaption')}{' '}
        {run.tasks
          .map((task, k) => {
            const m = headlineMetric(task.kind);
            const multi = epochs[epochs.length - 1]?.val[k]?.[m.key];
            const single = history[k]?.at(-1)?.[m.key];
            return t('results.baselines.lastEpoch', {
              task: task.name,
              metric: metricName(m),
              multi: fmt(multi),
              single: fmt(single),
            });
          })
          .join(t('results.baselines.listSeparator'))}
        {t('results.baselines.end')}
      </figcaption>
      <div className="small-multiples">
        {run.tasks.map((task, k) => (
          <div key={task.name} className="small-multiple">
            <span>
              {t('results.baselines.curveTitle', { task: task.name, metric: metricName(headlineMetric(task.kind)) })}
            </span>
            <div aria-hidden="true">
              <TaskCurves
                multi={epochs.map((e) => ({ epoch: e.epoch, metrics: e.val[k] }))}
                single={history[k] ?? []}
                metric={headlineMetric(task.kind)}
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
  /** By epoch number: a long run's older epochs are sampled (src/state/boundedHistory.ts). */
  multi: { epoch: number; metrics: TaskMetrics | undefined }[];
  single: TaskMetrics[];
  metric: HeadlineMetric;
  colour: string;
}

const TaskCurves = memo(function TaskCurves({ multi, single, metric, colour }: Props) {
  const { t } = useTranslation();
  const num = useFormat().formatter(SIGNIFICANT);
  const data = useMemo(() => {
    type Row = { epoch: number; multi?: number | undefined; single?: number | undefined };
    const rows = new Map<number, Row>();
    const row = (epoch: number): Row => {
      const found = rows.get(epoch);
      if (found) return found;
      const made: Row = { epoch };
      rows.set(epoch, made);
      return made;
    };
    for (const m of multi) row(m.epoch).multi = m.metrics?.[metric.key];
    single.forEach((s, i) => (row(i + 1).single = s[metric.key]));
    return [...rows.values()].sort((a, b) => a.epoch - b.epoch);
  }, [multi, single, metric]);
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
      <Tooltip
        formatter={(v) => num.format(Number(v))}
        labelFormatter={(l) => t('results.epochTooltip', { epoch: String(l) })}
      />
      <Line
        dataKey="multi"
        name={t('results.baselines.multiLine')}
        stroke={colour}
        strokeWidth={2}
        dot={false}
        connectNulls
        isAnimationActive={false}
      />
      <Line
        dataKey="single"
        name={t('results.baselines.singleLine')}
        stroke={SINGLE.colour}
        strokeDasharray={SINGLE.dash}
        strokeWidth={1.5}
        dot={false}
        connectNulls
        isAnimationActive={false}
      />
    </LineChart>
  );
});
