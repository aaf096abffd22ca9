import { memo, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { WeightPoint } from '../../state/lossSeries.ts';
import { useAppState, type AppState } from '../../state/store.ts';
import { useDeferredStoreValue } from '../hooks/useDeferredStoreValue.ts';
import { useWidth } from '../hooks/useWidth.ts';
import { TermHelp } from '../glossary/TermHelp.tsx';
import { useFormat } from '../i18n/useFormat.ts';
import { taskColour, taskDash } from '../palette.ts';
import { ChartImageButtons } from './ChartImageButtons.tsx';
import { ChartLegend } from './ChartLegend.tsx';

const selectWeightPoints = (s: AppState) => s.weightPoints;
const SIGNIFICANT = { maximumSignificantDigits: 3 } as const;

/** Every task's loss weight over the steps: what the person set, or what a strategy chose. */
export default function WeightsChart() {
  const { t } = useTranslation();
  const visibleRef = useRef<HTMLDivElement>(null);
  const points = useDeferredStoreValue(selectWeightPoints, visibleRef);
  const run = useAppState((s) => s.run);
  const names = useMemo(() => (run?.tasks ?? []).map((t) => t.name), [run]);
  const [boxRef, width] = useWidth<HTMLDivElement>();
  const figureRef = useRef<HTMLElement>(null);
  return (
    <div ref={visibleRef} className="chart-anchor">
      <figure ref={figureRef} aria-label={t('results.weights.label')} className="chart" hidden={points.length === 0}>
        <figcaption>
          <ChartImageButtons figure={figureRef} name={t('results.weights.label')} file="weights" />
          {t('results.weights.caption')} <TermHelp term="lossWeight" />
        </figcaption>
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
  const { t } = useTranslation();
  const num = useFormat().formatter(SIGNIFICANT);
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
      <Tooltip
        formatter={(v) => num.format(Number(v))}
        labelFormatter={(l) => t('results.weights.stepTooltip', { step: String(l) })}
      />
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
