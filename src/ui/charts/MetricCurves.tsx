import { memo, useMemo, useRef, useState } from 'react';
import { Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { TaskMetrics } from '../../core/metrics/taskMetrics.ts';
import type { TaskKind } from '../../core/types.ts';
import { useAppState, type AppState } from '../../state/store.ts';
import { useDeferredStoreValue } from '../hooks/useDeferredStoreValue.ts';
import { useWidth } from '../hooks/useWidth.ts';
import { taskColour } from '../palette.ts';

const METRICS: Record<TaskKind, { key: keyof TaskMetrics; label: string }[]> = {
  binary: [
    { key: 'loss', label: 'Loss (train vs validation)' },
    { key: 'accuracy', label: 'Accuracy' },
    { key: 'auc', label: 'AUC' },
    { key: 'f1', label: 'F1' },
  ],
  multiclass: [
    { key: 'loss', label: 'Loss (train vs validation)' },
    { key: 'accuracy', label: 'Accuracy' },
    { key: 'macroF1', label: 'Macro F1' },
  ],
  regression: [
    { key: 'loss', label: 'Loss (train vs validation)' },
    { key: 'rmse', label: 'RMSE' },
    { key: 'mae', label: 'MAE' },
    { key: 'r2', label: 'R2' },
  ],
};

const num = new Intl.NumberFormat('en', { maximumSignificantDigits: 4 });
const selectEpochs = (s: AppState) => s.epochs;

/** Per task, a chosen metric by epoch; for the loss, training and validation side by side (over-fitting shows as a gap). */
export default function MetricCurves() {
  const run = useAppState((s) => s.run);
  const visibleRef = useRef<HTMLDivElement>(null);
  const epochs = useDeferredStoreValue(selectEpochs, visibleRef);
  const [chosen, setChosen] = useState<Record<string, keyof TaskMetrics>>({});
  const [boxRef, width] = useWidth<HTMLDivElement>();
  const tasks = run?.tasks ?? [];
  return (
    <div ref={visibleRef} className="chart-anchor">
      <figure aria-label="Metric curves" className="chart" hidden={epochs.length === 0}>
        <figcaption>
          Metric curves: each task's chosen metric after every epoch, on the validation split (solid); for the loss also
          on the training split (dashed), so over-fitting shows as a gap.
        </figcaption>
        <div className="small-multiples" ref={boxRef}>
          {tasks.map((t, k) => {
            const metric = chosen[t.name] ?? 'loss';
            return (
              <div key={t.name} className="small-multiple">
                <label>
                  Metric of {t.name}
                  <select
                    value={metric}
                    onChange={(e) => setChosen({ ...chosen, [t.name]: e.target.value as keyof TaskMetrics })}
                  >
                    {METRICS[t.kind].map((m) => (
                      <option key={m.key} value={m.key}>
                        {m.label}
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
      <Tooltip formatter={(v) => num.format(Number(v))} labelFormatter={(l) => `epoch ${String(l)}`} />
      <Line
        dataKey="validation"
        name="validation"
        stroke={colour}
        dot={false}
        isAnimationActive={false}
        strokeWidth={2}
      />
      {metric === 'loss' && (
        <Line
          dataKey="train"
          name="training"
          stroke={colour}
          strokeDasharray="5 3"
          dot={false}
          isAnimationActive={false}
          strokeWidth={1.5}
        />
      )}
    </LineChart>
  );
});
