import { memo, useMemo } from 'react';
import { Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LossPoint } from '../../state/lossSeries.ts';
import { useAppState, type AppState } from '../../state/store.ts';
import { useDeferredStoreValue } from '../hooks/useDeferredStoreValue.ts';

const selectLossPoints = (s: AppState) => s.lossPoints;
import { taskColour, taskDash } from '../palette.ts';
import { ChartLegend } from './ChartLegend.tsx';

const num = new Intl.NumberFormat('en', { maximumSignificantDigits: 3 });

/** Every task's loss weight over the steps: what the person set, or what a strategy chose. */
export default function WeightsChart() {
  const points = useDeferredStoreValue(selectLossPoints);
  const run = useAppState((s) => s.run);
  const names = useMemo(() => (run?.tasks ?? []).map((t) => t.name), [run]);
  if (points.length === 0) return null;
  return (
    <figure aria-label="Weights" className="chart">
      <figcaption>Weights: each task's loss weight by step.</figcaption>
      <div className="chart-box small">
        <Curves points={points} names={names} />
      </div>
      <ChartLegend names={names} />
    </figure>
  );
}

const Curves = memo(function Curves({ points, names }: { points: LossPoint[]; names: string[] }) {
  return (
    <ResponsiveContainer width="100%" height={160}>
      <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} tickCount={5} tickFormatter={(v: number) => num.format(v)} />
        <YAxis domain={[0, 'auto']} tickCount={4} width={56} tickFormatter={(v: number) => num.format(v)} />
        <Tooltip formatter={(v) => num.format(Number(v))} labelFormatter={(l) => `step ${String(l)}`} />
        {names.map((name, k) => (
          <Line key={name} type="stepAfter" dataKey={`weight${k}`} name={name} stroke={taskColour(k)} strokeDasharray={taskDash(k)} dot={false} activeDot={false} isAnimationActive={false} strokeWidth={1.5} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
});
