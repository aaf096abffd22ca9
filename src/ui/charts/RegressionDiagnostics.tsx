import { memo, useMemo } from 'react';
import { Bar, BarChart, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { Histogram } from '../../core/metrics/histogram.ts';
import { TASK_COLOURS } from '../palette.ts';

interface Props {
  task: string;
  predicted: Float32Array;
  actual: Float32Array;
  residuals: Histogram;
  count: number;
  r2: number | undefined;
  rmse: number | undefined;
  splitLabel: string;
}

const num = new Intl.NumberFormat('en', { maximumSignificantDigits: 3 });
const POINT = TASK_COLOURS[1] as string;
const BAR = TASK_COLOURS[2] as string;

/** Predicted-vs-actual scatter (with the line of perfect predictions) and a histogram of the residuals, in the target's units. */
export const RegressionDiagnostics = memo(function RegressionDiagnostics({
  task,
  predicted,
  actual,
  residuals,
  count,
  r2,
  rmse,
  splitLabel,
}: Props) {
  const points = useMemo(
    () => Array.from(actual, (a, i) => ({ actual: a, predicted: predicted[i] as number })),
    [predicted, actual],
  );
  const [lo, hi] = useMemo(() => {
    let min = Infinity;
    let max = -Infinity;
    for (const p of points) {
      min = Math.min(min, p.actual, p.predicted);
      max = Math.max(max, p.actual, p.predicted);
    }
    return Number.isFinite(min) ? [min, max] : [0, 1];
  }, [points]);
  const bars = useMemo(
    () =>
      residuals.counts.map((c, k) => ({
        centre: ((residuals.edges[k] as number) + (residuals.edges[k + 1] as number)) / 2,
        count: c,
      })),
    [residuals],
  );
  const peak = bars.reduce((best, b) => (b.count > best.count ? b : best), { centre: NaN, count: -1 });
  const first = residuals.edges[0];
  const last = residuals.edges[residuals.edges.length - 1];
  return (
    <>
      <figure className="diagnostic" aria-label={`Predicted vs actual of ${task}`}>
        <figcaption>
          Predicted vs actual {task} on {splitLabel} ({points.length} of {count} rows shown): R²{' '}
          {r2 === undefined ? 'n/a' : num.format(r2)}, RMSE {rmse === undefined ? 'n/a' : num.format(rmse)}. Points on
          the dashed line are exact; above it the model over-predicts.
        </figcaption>
        <div aria-hidden="true">
          <ScatterChart
            accessibilityLayer={false}
            width={260}
            height={240}
            margin={{ top: 8, right: 12, bottom: 18, left: 0 }}
          >
            <XAxis
              dataKey="actual"
              type="number"
              domain={[lo, hi]}
              tickCount={4}
              tickFormatter={(v: number) => num.format(v)}
              label={{ value: 'actual', position: 'insideBottom', offset: -10 }}
            />
            <YAxis
              dataKey="predicted"
              type="number"
              domain={[lo, hi]}
              tickCount={4}
              width={60}
              tickFormatter={(v: number) => num.format(v)}
              label={{
                value: 'predicted',
                angle: -90,
                position: 'insideLeft',
                offset: 4,
                style: { textAnchor: 'middle' },
              }}
            />
            <Tooltip formatter={(v) => num.format(Number(v))} />
            <ReferenceLine
              segment={[
                { x: lo, y: lo },
                { x: hi, y: hi },
              ]}
              stroke="#777"
              strokeDasharray="4 4"
            />
            <Scatter data={points} fill={POINT} fillOpacity={0.55} shape="circle" isAnimationActive={false} />
          </ScatterChart>
        </div>
      </figure>
      <figure className="diagnostic" aria-label={`Residuals of ${task}`}>
        <figcaption>
          Residuals (actual − predicted) of {task} on {splitLabel}, {count} rows in {bars.length} bins from{' '}
          {first === undefined ? 'n/a' : num.format(first)} to {last === undefined ? 'n/a' : num.format(last)}; the
          tallest bin ({peak.count} rows) is centred at {num.format(peak.centre)}. A hump centred on 0 means no
          systematic bias.
        </figcaption>
        <div aria-hidden="true">
          <BarChart
            accessibilityLayer={false}
            width={260}
            height={240}
            data={bars}
            margin={{ top: 8, right: 12, bottom: 18, left: 0 }}
            barCategoryGap={1}
          >
            <XAxis
              dataKey="centre"
              type="number"
              domain={[first ?? 0, last ?? 1]}
              tickCount={4}
              tickFormatter={(v: number) => num.format(v)}
              label={{ value: 'residual', position: 'insideBottom', offset: -10 }}
            />
            <YAxis
              width={60}
              allowDecimals={false}
              tickCount={4}
              label={{ value: 'rows', angle: -90, position: 'insideLeft', offset: 4, style: { textAnchor: 'middle' } }}
            />
            <Tooltip formatter={(v) => String(v)} labelFormatter={(l) => `residual ≈ ${num.format(Number(l))}`} />
            <ReferenceLine x={0} stroke="#000" strokeDasharray="3 3" />
            <Bar dataKey="count" name="rows" fill={BAR} stroke="#222" strokeWidth={0.5} isAnimationActive={false} />
          </BarChart>
        </div>
      </figure>
    </>
  );
});
