import { memo, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { renderMessage } from '../../i18n/renderMessage.ts';
import type { LossPoint } from '../../state/lossSeries.ts';
import { useAppState, type ChangeMark } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { useSize } from '../hooks/useSize.ts';
import { useFormat } from '../i18n/useFormat.ts';
import { taskColour, taskDash } from '../palette.ts';
import { ChartImageButtons } from './ChartImageButtons.tsx';
import { ChartLegend } from './ChartLegend.tsx';
import { extent, linearScale, niceTicks, pathOf } from './linePaths.ts';

/** Loss values and ticks: three significant digits. */
const NUM_OPTIONS: Intl.NumberFormatOptions = { maximumSignificantDigits: 3 };
const MARGIN = { top: 44, right: 14, bottom: 26, left: 46 };
/** Marker labels stagger over this many rows so neighbours do not overlap. */
const LABEL_ROWS = 3;

/**
 * The live training loss per task (raw, or weighted wᵢ·Lᵢ) and the weighted total, by step, with
 * a labelled marker at every live change (weights, strategy, learning rate). Plain SVG: it redraws
 * once a second while training in well under a frame (a chart library took 50–130 ms here).
 */
export default function LiveLossChart() {
  const { t } = useTranslation();
  const num = useFormat().formatter(NUM_OPTIONS);
  const controller = useController();
  const raw = useAppState((s) => s.lossPoints);
  const view = useAppState((s) => s.lossView);
  const run = useAppState((s) => s.run);
  const marks = useAppState((s) => s.changeMarks);
  const names = useMemo(() => (run?.tasks ?? []).map((task) => task.name), [run]);
  const [boxRef, size] = useSize<HTMLDivElement>();
  const figureRef = useRef<HTMLElement>(null);
  const caption = view === 'raw' ? t('playground.lossChart.captionRaw') : t('playground.lossChart.captionWeighted');
  const last = raw[raw.length - 1];
  const latest = last
    ? t('playground.lossChart.latest', {
        step: last.step,
        values: names.map((n, k) => `${n} ${num.format(value(last, k, view))}`).join(', '),
        total: num.format(last.total),
      })
    : t('playground.lossChart.noSteps');
  return (
    <figure ref={figureRef} aria-label={t('playground.lossChart.label')} className="chart live-chart">
      <figcaption>
        <ChartImageButtons
          figure={figureRef}
          name={t('playground.lossChart.label')}
          title={caption}
          file="loss-curves"
          disabled={raw.length === 0}
        />
        <span>{caption}</span>{' '}
        <label className="inline">
          <input
            type="checkbox"
            checked={view === 'weighted'}
            onChange={(e) => controller.setLossView(e.target.checked ? 'weighted' : 'raw')}
          />
          {t('playground.lossChart.showWeighted')}
        </label>
      </figcaption>
      <div className="live-box" ref={boxRef}>
        {raw.length === 0 ? (
          <p className="muted empty">{t('playground.lossChart.empty')}</p>
        ) : (
          <Curves points={raw} names={names} view={view} marks={marks} width={size.width} height={size.height} />
        )}
      </div>
      <ChartLegend names={names} total={t('playground.lossChart.total')} />
      <p className="visually-hidden" aria-live="off">
        {latest} {t('playground.lossChart.regressionUnits')}
        {marks.length > 0 &&
          t('playground.lossChart.changes', {
            changes: marks
              .map((m) => t('playground.lossChart.change', { step: m.step, label: renderMessage(t, m.label) }))
              .join(t('playground.lossChart.changeSeparator')),
          })}
      </p>
    </figure>
  );
}

function value(p: LossPoint, k: number, view: 'raw' | 'weighted'): number {
  const loss = p[`task${k}`] ?? NaN;
  return view === 'raw' ? loss : loss * (p[`weight${k}`] ?? 1);
}

interface CurvesProps {
  points: LossPoint[];
  names: string[];
  view: 'raw' | 'weighted';
  marks: ChangeMark[];
  width: number;
  height: number;
}

const Curves = memo(function Curves({ points, names, view, marks, width, height }: CurvesProps) {
  const { t } = useTranslation();
  const num = useFormat().formatter(NUM_OPTIONS);
  if (width <= 0 || height <= 0) return null;
  const steps = points.map((p) => p.step);
  const series = names.map((_, k) => points.map((p) => value(p, k, view)));
  const totals = points.map((p) => p.total);
  const [lo, hi] = extent([...series.flat(), ...totals]);
  const firstStep = Math.min(steps[0] ?? 0, marks[0]?.step ?? Infinity);
  const x = linearScale(
    firstStep,
    Math.max(steps[steps.length - 1] ?? 1, firstStep + 1),
    MARGIN.left,
    width - MARGIN.right,
  );
  const y = linearScale(Math.min(0, lo), hi * 1.05, height - MARGIN.bottom, MARGIN.top);
  const yTicks = niceTicks(y.domain[0], y.domain[1], 4);
  const xTicks = niceTicks(x.domain[0], x.domain[1], Math.max(2, Math.floor(width / 110)));
  return (
    <svg width={width} height={height} className="live-svg" aria-hidden="true">
      <g className="axis">
        {yTicks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(tick)} y2={y(tick)} className="grid" />
            <text x={MARGIN.left - 6} y={y(tick) + 4} textAnchor="end">
              {num.format(tick)}
            </text>
          </g>
        ))}
        {xTicks
          .filter((tick) => x(tick) < width - MARGIN.right - 36) // room for the axis name
          .map((tick) => (
            <text key={tick} x={x(tick)} y={height - 6} textAnchor="middle">
              {num.format(tick)}
            </text>
          ))}
        <text x={width - MARGIN.right} y={height - 6} textAnchor="end" className="axis-name">
          {t('playground.lossChart.axisStep')}
        </text>
      </g>
      {marks.map((m, i) => {
        const mx = x(m.step);
        const row = i % LABEL_ROWS;
        const full = renderMessage(t, m.label);
        const label = full.length > 28 ? `${full.slice(0, 27)}…` : full;
        return (
          <g key={`${m.step}-${m.kind}-${i}`} className={`change-mark ${m.kind}`}>
            <title>{t('playground.lossChart.markTitle', { step: m.step, label: full })}</title>
            <line x1={mx} x2={mx} y1={MARGIN.top - 4 - (LABEL_ROWS - 1 - row) * 13} y2={height - MARGIN.bottom} />
            <text
              x={mx + 3}
              y={MARGIN.top - 8 - (LABEL_ROWS - 1 - row) * 13}
              textAnchor={mx > width * 0.7 ? 'end' : 'start'}
              dx={mx > width * 0.7 ? -6 : 0}
            >
              {label}
            </text>
          </g>
        );
      })}
      {series.map((ys, k) => (
        <path
          key={names[k]}
          d={pathOf(steps, ys, x, y)}
          className="curve-line"
          stroke={taskColour(k)}
          strokeDasharray={taskDash(k)}
        />
      ))}
      <path d={pathOf(steps, totals, x, y)} className="curve-line total" />
    </svg>
  );
});
