import { memo, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { TaskMetrics } from '../../core/metrics/taskMetrics.ts';
import type { TaskKind } from '../../core/types.ts';
import { useAppState, type AppState } from '../../state/store.ts';
import { useDeferredStoreValue } from '../hooks/useDeferredStoreValue.ts';
import { useWidth } from '../hooks/useWidth.ts';
import { TermHelp } from '../glossary/TermHelp.tsx';
import { useFormat } from '../i18n/useFormat.ts';
import { taskColour } from '../palette.ts';
import { ChartImageButtons } from './ChartImageButtons.tsx';

const LOSS = { key: 'loss', label: 'results.metricCurves.lossTrainVsValidation' } as const;
const METRICS = {
  binary: [
    LOSS,
    { key: 'accuracy', label: 'results.metrics.accuracy' },
    { key: 'auc', label: 'results.metrics.auc' },
    { key: 'f1', label: 'results.metrics.f1' },
  ],
  multiclass: [
    LOSS,
    { key: 'accuracy', label: 'results.metrics.accuracy' },
    { key: 'macroF1', label: 'results.metrics.macroF1' },
  ],
  regression: [
    LOSS,
    { key: 'rmse', label: 'results.metrics.rmse' },
    { key: 'mae', label: 'results.metrics.mae' },
    { key: 'r2', label: 'results.metrics.r2' },
  ],
} as const satisfies Record<TaskKind, readonly { key: keyof TaskMetrics; label: string }[]>;

const SIGNIFICANT = { maximumSignificantDigits: 4 } as const;
/** The training loss's line, on the page and in a saved image's legend. */
const TRAIN_DASH = '5 3';
const selectEpochs = (s: AppState) => s.epochs;

/** Per task, a chosen metric by epoch; for the loss, training and validation side by side (over-fitting shows as a gap). */
export default function MetricCurves() {
  const { t } = useTranslation();
  const run = useAppState((s) => s.run);
  const visibleRef = useRef<HTMLDivElement>(null);
  const epochs = useDeferredStoreValue(selectEpochs, visibleRef);
  const [chosen, setChosen] = useState<Record<string, keyof TaskMetrics>>({});
  const [boxRef, width] = useWidth<HTMLDivElement>();
  const figureRef = useRef<HTMLElement>(null);
  const tasks = run?.tasks ?? [];
  return (
    <div ref={visibleRef} className="chart-anchor">
      <figure
        ref={figureRef}
        aria-label={t('results.metricCurves.label')}
        className="chart"
        hidden={epochs.length === 0}
      >
        <figcaption>
          <ChartImageButtons
            figure={figureRef}
            name={t('results.metricCurves.label')}
            file="metric-curves"
            legend={[
              { label: t('results.metricCurves.validation') },
              { label: t('results.metricCurves.training'), dash: TRAIN_DASH },
            ]}
          />
          {t('results.metricCurves.caption')} <TermHelp term="overfitting" />
        </figcaption>
        <div className="small-multiples" ref={boxRef}>
          {tasks.map((task, k) => {
            const metric = chosen[task.name] ?? 'loss';
            return (
              <div key={task.name} className="small-multiple">
                <label>
                  {t('results.metricCurves.metricOf', { task: task.name })}
                  <select
                    value={metric}
                    onChange={(e) => setChosen({ ...chosen, [task.name]: e.target.value as keyof TaskMetrics })}
                  >
                    {METRICS[task.kind].map((m) => (
                      <option key={m.key} value={m.key}>
                        {t(m.label)}
                      </option>
                    ))}
                  </select>
                </label>
                <TaskCurve
                  epochs={epochs}
                  taskIndex={k}
                  metric={metric}
                  colour={taskColour(k)}
                  width={Math.max(200, Math.min(360, width / Math.max(tasks.length, 1) - 16))}
                />
              </div>
            );
          })}
        </div>
      </figure>
    </div>
  );
}

interface CurveProps {
  epochs: { epoch: number; trainLoss: number[]; val: TaskMetrics[] }[];
  taskIndex: number;
  metric: keyof TaskMetrics;
  colour: string;
  width: number;
}

const TaskCurve = memo(function TaskCurve({ epochs, taskIndex, metric, colour, width }: CurveProps) {
  const { t } = useTranslation();
  const num = useFormat().formatter(SIGNIFICANT);
  const data = useMemo(
    () =>
      epochs.map((e) => ({
        epoch: e.epoch,
        validation: e.val[taskIndex]?.[metric] ?? NaN,
        train: metric === 'loss' ? (e.trainLoss[taskIndex] ?? NaN) : undefined,
      })),
    [epochs, taskIndex, metric],
  );
  return (
    <LineChart
      accessibilityLayer={false}
      width={width}
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
        dataKey="validation"
        name={t('results.metricCurves.validation')}
        stroke={colour}
        dot={false}
        isAnimationActive={false}
        strokeWidth={2}
      />
      {metric === 'loss' && (
        <Line
          dataKey="train"
          name={t('results.metricCurves.training')}
          stroke={colour}
          strokeDasharray={TRAIN_DASH}
          dot={false}
          isAnimationActive={false}
          strokeWidth={1.5}
        />
      )}
    </LineChart>
  );
});
