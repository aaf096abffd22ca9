import { memo, useMemo, useRef } from 'react';
import { Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { WeightPoint } from '../../state/lossSeries.ts';
import { useAppState, type AppState } from '../../state/store.ts';
import { useDeferredStoreValue } from '../hooks/useDeferredStoreValue.ts';
import { useWidth } from '../hooks/useWidth.ts';
import { taskColour, taskDash } from '../palette.ts';
import { ChartLegend } from './ChartLegend.tsx';

const selectWeightPoints = (s: AppState) => s.weightPoints;
const num = new Intl.NumberFormat('en', { maximumSignificantDigits: 3 });

/** Every task's loss weight over the steps: what the person set, or what a strategy chose. */
export default function WeightsChart() {
  const visibleRef = useRef<HTMLDivElement>(null);
  const points = useDeferredStoreValue(selectWeightPoints, visibleRef);
  const run = useAppState((s) => s.run);
  const names = useMemo(() => (run?.tasks ?? []).map((t) => t.name), [run]);
  const [boxRef, width] = useWidth<HTMLDivElement>();
  return (
    <div ref={visibleRef} className="chart-anchor">
      <figure aria-label="Weights" className="chart" hidden={points.length === 0}>
        <figcaption>Weights: each task's loss weight by step.</figcaption>
        <div className="chart-box small" ref={boxRef}>
          {points.length > 0 && <Curves points={points} names={names} width={width} />}
        </div>
        <ChartLegend names={names} />
      </figure>
    </div>
  );
}

const Curves = memo(function Curves({
  points,
  names,
  width,
}: {
  points: WeightPoint[];
  names: string[];
  width: number;
}) {
  if (width <= 0) return null;
  return (
    <LineChart
      accessibilityLayer={false}
      width={width}
      height={160}
      data={points}
      margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
    >
      <XAxis
        dataKey="step"
        type="number"
        domain={[1, 'dataMax']}
        tickCount={5}
        tickFormatter={(v: number) => num.format(v)}
      />
      <YAxis domain={[0, 'auto']} tickCount={4} width={56} tickFormatter={(v: number) => num.format(v)} />
      <Tooltip formatter={(v) => num.format(Number(v))} labelFormatter={(l) => `step ${String(l)}`} />
      {names.map((name, k) => (
        <Line
          key={name}
          type="stepAfter"
          dataKey={`weight${k}`}
          name={name}
          stroke={taskColour(k)}
          strokeDasharray={taskDash(k)}
          dot={false}
          activeDot={false}
          isAnimationActive={false}
          strokeWidth={1.5}
        />
      ))}
    </LineChart>
  );
});
