import { memo, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { Histogram } from '../../core/metrics/histogram.ts';
import { useFormat } from '../i18n/useFormat.ts';
import { TASK_COLOURS } from '../palette.ts';
import { ChartImageButtons } from './ChartImageButtons.tsx';

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
  const { t } = useTranslation();
  const scatterRef = useRef<HTMLElement>(null);
  const residualsRef = useRef<HTMLElement>(null);
  const num = useFormat().formatter({ maximumSignificantDigits: 3 });
  const orNa = (v: number | undefined) => (v === undefined ? t('results.notAvailable') : num.format(v));
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
      <figure ref={scatterRef} className="diagnostic" aria-label={t('diagnostics.regression.scatterLabel', { task })}>
        <figcaption>
          <ChartImageButtons
            figure={scatterRef}
            name={t('diagnostics.regression.scatterLabel', { task })}
            file={`predicted-vs-actual-${task}`}
          />
          {t('diagnostics.regression.scatterCaption', {
            task,
            split: splitLabel,
            shown: points.length,
            total: count,
            r2: orNa(r2),
            rmse: orNa(rmse),
          })}
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
              label={{ value: t('diagnostics.regression.actual'), position: 'insideBottom', offset: -10 }}
            />
            <YAxis
              dataKey="predicted"
              type="number"
              domain={[lo, hi]}
              tickCount={4}
              width={60}
              tickFormatter={(v: number) => num.format(v)}
              label={{
                value: t('diagnostics.regression.predicted'),
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
      <figure
        ref={residualsRef}
        className="diagnostic"
        aria-label={t('diagnostics.regression.residualsLabel', { task })}
      >
        <figcaption>
          <ChartImageButtons
            figure={residualsRef}
            name={t('diagnostics.regression.residualsLabel', { task })}
            file={`residuals-${task}`}
          />
          {t('diagnostics.regression.residualsCaption', {
            task,
            split: splitLabel,
            total: count,
            bins: bars.length,
            first: orNa(first),
            last: orNa(last),
            peak: peak.count,
            centre: num.format(peak.centre),
          })}
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
              label={{ value: t('diagnostics.regression.residual'), position: 'insideBottom', offset: -10 }}
            />
            <YAxis
              width={60}
              allowDecimals={false}
              tickCount={4}
              label={{
                value: t('diagnostics.regression.rows'),
                angle: -90,
                position: 'insideLeft',
                offset: 4,
                style: { textAnchor: 'middle' },
              }}
            />
            <Tooltip
              formatter={(v) => String(v)}
              labelFormatter={(l) => t('diagnostics.regression.residualTooltip', { value: num.format(Number(l)) })}
            />
            <ReferenceLine x={0} stroke="#000" strokeDasharray="3 3" />
            <Bar
              dataKey="count"
              name={t('diagnostics.regression.rows')}
              fill={BAR}
              stroke="#222"
              strokeWidth={0.5}
              isAnimationActive={false}
            />
          </BarChart>
        </div>
      </figure>
    </>
  );
});
