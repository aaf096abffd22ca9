import { memo, useMemo } from 'react';
import { Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { LossPoint } from '../../state/lossSeries.ts';
import { useAppState, type AppState } from '../../state/store.ts';
import { useDeferredStoreValue } from '../hooks/useDeferredStoreValue.ts';

const selectLossPoints = (s: AppState) => s.lossPoints;
import { useController } from '../controllerContext.ts';
import { taskColour, taskDash } from '../palette.ts';
import { useWidth } from '../hooks/useWidth.ts';
import { ChartLegend } from './ChartLegend.tsx';

const num = new Intl.NumberFormat('en', { maximumSignificantDigits: 4 });

/** Live training loss per task (raw, or weighted wᵢ·Lᵢ) and the weighted total, with a data table. */
export default function LossChart() {
  const controller = useController();
  const raw = useDeferredStoreValue(selectLossPoints);
  const view = useAppState((s) => s.lossView);
  const run = useAppState((s) => s.run);
  const epochs = useAppState((s) => s.epochs);
  const tasks = useMemo(() => run?.tasks ?? [], [run]);
  const points = useMemo(
    () => (view === 'raw' ? raw : raw.map((p) => weighted(p, tasks.length))),
    [raw, view, tasks.length],
  );
  const names = useMemo(() => tasks.map((t) => t.name), [tasks]);
  const [boxRef, width] = useWidth<HTMLDivElement>();
  return (
    <figure aria-label="Loss curves" className="chart">
      <figcaption>
        Loss curves: {view === 'raw' ? 'training loss per task' : "each task's weighted contribution wᵢ·Lᵢ"} (regression
        in standardised units) and the weighted total, by step.{' '}
        <label className="inline">
          <input
            type="checkbox"
            checked={view === 'weighted'}
            onChange={(e) => controller.setLossView(e.target.checked ? 'weighted' : 'raw')}
          />{' '}
          show weighted contributions
        </label>
      </figcaption>
      <div className="chart-box" ref={boxRef}>
        {points.length === 0 ? (
          <p className="muted">Press Train to draw the curves.</p>
        ) : (
          <Curves points={points} names={names} width={width} />
        )}
      </div>
      <ChartLegend names={names} total="weighted total" />
      {epochs.length > 0 && (
        <details>
          <summary>Loss per epoch as a table</summary>
          <table aria-label="Loss per epoch">
            <thead>
              <tr>
                <th scope="col">Epoch</th>
                {tasks.map((t) => (
                  <th key={t.name} scope="col">
                    {t.name} (train)
                  </th>
                ))}
                <th scope="col">Weighted total (train)</th>
                <th scope="col">Seconds</th>
                <th scope="col">Samples/s</th>
              </tr>
            </thead>
            <tbody>
              {epochs.map((e) => (
                <tr key={e.epoch}>
                  <td>{e.epoch}</td>
                  {e.trainLoss.map((l, k) => (
                    <td key={k}>{num.format(l)}</td>
                  ))}
                  <td>{num.format(e.trainTotal)}</td>
                  <td>{(e.trainMs / 1000).toFixed(2)}</td>
                  <td>{Math.round((e.rows * 1000) / e.trainMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}

function weighted(p: LossPoint, numTasks: number): LossPoint {
  const out = { ...p };
  for (let k = 0; k < numTasks; k++) out[`task${k}`] = (p[`task${k}`] ?? NaN) * (p[`weight${k}`] ?? 1);
  return out;
}

/** The chart itself, memoised: it redraws only when its points or its box's width change. */
const Curves = memo(function Curves({ points, names, width }: { points: LossPoint[]; names: string[]; width: number }) {
  if (width <= 0) return null;
  return (
    <LineChart width={width} height={300} data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
      <XAxis
        dataKey="step"
        type="number"
        domain={['dataMin', 'dataMax']}
        tickCount={5}
        tickFormatter={(v: number) => num.format(v)}
      />
      <YAxis domain={[0, 'auto']} tickCount={4} tickFormatter={(v: number) => num.format(v)} width={56} />
      <Tooltip formatter={(v) => num.format(Number(v))} labelFormatter={(l) => `step ${String(l)}`} />
      {names.map((name, k) => (
        <Line
          key={name}
          dataKey={`task${k}`}
          name={name}
          stroke={taskColour(k)}
          strokeDasharray={taskDash(k)}
          dot={false}
          activeDot={false}
          isAnimationActive={false}
          strokeWidth={1.5}
        />
      ))}
      <Line
        dataKey="total"
        name="weighted total"
        stroke="#000"
        dot={false}
        activeDot={false}
        isAnimationActive={false}
        strokeWidth={2}
      />
    </LineChart>
  );
});
