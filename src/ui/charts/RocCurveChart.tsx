import { memo, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Line, LineChart, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { precisionRecallF1, type BinaryCounts } from '../../core/metrics/classificationMetrics.ts';
import type { RocPoint } from '../../core/metrics/rocCurve.ts';
import { THRESHOLD_STEP, THRESHOLDS, thresholdIndex } from '../../core/metrics/taskDiagnostics.ts';
import { TermHelp } from '../glossary/TermHelp.tsx';
import { TASK_COLOURS } from '../palette.ts';
import { ChartImageButtons } from './ChartImageButtons.tsx';

interface Props {
  task: string;
  roc: RocPoint[];
  /** Counts at each of THRESHOLDS. */
  atThreshold: BinaryCounts[];
  positives: number;
  negatives: number;
  nonFinite: number;
  auc: number | undefined;
  threshold: number;
  splitLabel: string;
  /** Stable across renders (the controller's), so the memoised chart skips unchanged epochs. */
  onThreshold(task: string, threshold: number): void;
}

const LINE = TASK_COLOURS[1] as string;

/** Accuracy, precision, recall and F1 when scores ≥ threshold are called positive. */
function atThreshold(counts: BinaryCounts, threshold: number, positives: number, negatives: number) {
  const n = positives + negatives;
  return {
    threshold,
    counts,
    accuracy: n ? (counts.tp + counts.tn) / n : NaN,
    ...precisionRecallF1(counts),
    tpr: counts.tp / Math.max(positives, 1),
    fpr: counts.fp / Math.max(negatives, 1),
  };
}

/** ROC curve with its AUC, the operating point of the chosen threshold, and the metrics at 0.5 and at that threshold. */
export const RocCurveChart = memo(function RocCurveChart({
  task,
  roc,
  atThreshold: counts,
  positives,
  negatives,
  nonFinite,
  auc,
  threshold,
  splitLabel,
  onThreshold,
}: Props) {
  const { t } = useTranslation();
  const figureRef = useRef<HTMLElement>(null);
  const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : t('results.notAvailable'));
  const rows = useMemo(() => {
    const at = (t: number) =>
      atThreshold(counts[thresholdIndex(t)] ?? { tp: 0, fp: 0, tn: 0, fn: 0 }, t, positives, negatives);
    return threshold === 0.5 ? [at(0.5)] : [at(0.5), at(threshold)];
  }, [counts, positives, negatives, threshold]);
  const chosen = rows[rows.length - 1] as ReturnType<typeof atThreshold>;
  return (
    <figure ref={figureRef} className="diagnostic" aria-label={t('diagnostics.roc.label', { task })}>
      <figcaption>
        <ChartImageButtons figure={figureRef} name={t('diagnostics.roc.label', { task })} file={`roc-curve-${task}`} />
        {t('diagnostics.roc.caption', {
          task,
          split: splitLabel,
          auc: auc !== undefined && Number.isFinite(auc) ? auc.toPrecision(4) : t('results.notAvailable'),
          positives,
          negatives,
          leftOut: nonFinite ? t('diagnostics.roc.leftOut', { rows: nonFinite }) : '',
          threshold: threshold.toFixed(2),
          tpr: fmt(chosen.tpr),
          fpr: fmt(chosen.fpr),
        })}
      </figcaption>
      <div aria-hidden="true">
        <LineChart
          accessibilityLayer={false}
          width={260}
          height={240}
          data={roc}
          margin={{ top: 8, right: 12, bottom: 18, left: 0 }}
        >
          <XAxis
            dataKey="fpr"
            type="number"
            domain={[0, 1]}
            ticks={[0, 0.5, 1]}
            label={{ value: t('diagnostics.roc.falsePositiveRate'), position: 'insideBottom', offset: -10 }}
          />
          <YAxis
            dataKey="tpr"
            type="number"
            domain={[0, 1]}
            ticks={[0, 0.5, 1]}
            width={52}
            label={{
              value: t('diagnostics.roc.truePositiveRate'),
              angle: -90,
              position: 'insideLeft',
              offset: 6,
              style: { textAnchor: 'middle' },
            }}
          />
          <Tooltip
            formatter={(v) => fmt(Number(v))}
            labelFormatter={(l) => t('diagnostics.roc.fprTooltip', { value: fmt(Number(l)) })}
          />
          <ReferenceLine
            segment={[
              { x: 0, y: 0 },
              { x: 1, y: 1 },
            ]}
            stroke="#777"
            strokeDasharray="4 4"
          />
          <Line
            dataKey="tpr"
            name={t('diagnostics.roc.truePositiveRate')}
            stroke={LINE}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
            type="linear"
          />
          <ReferenceDot x={chosen.fpr} y={chosen.tpr} r={6} fill="#fff" stroke="#000" strokeWidth={2} />
        </LineChart>
      </div>
      <div className="threshold">
        <label htmlFor={`threshold-${task}`}>{t('diagnostics.roc.threshold')}</label> <TermHelp term="threshold" />
        <input
          id={`threshold-${task}`}
          type="range"
          aria-label={t('diagnostics.roc.thresholdOf', { task })}
          min={THRESHOLDS[0]}
          max={THRESHOLDS[THRESHOLDS.length - 1]}
          step={THRESHOLD_STEP}
          value={threshold}
          onChange={(e) => onThreshold(task, Number(e.target.value))}
        />
        <output htmlFor={`threshold-${task}`}>{threshold.toFixed(2)}</output>
      </div>
      <div
        className="scroll"
        tabIndex={0}
        role="region"
        aria-label={t('results.scrolls', { label: t('diagnostics.roc.thresholdMetrics', { task }) })}
      >
        <table aria-label={t('diagnostics.roc.thresholdMetrics', { task })}>
          <thead>
            <tr>
              <th scope="col">{t('diagnostics.roc.thresholdColumn')}</th>
              <th scope="col">{t('results.metrics.accuracy')}</th>
              <th scope="col">{t('results.metrics.precision')}</th>
              <th scope="col">{t('results.metrics.recall')}</th>
              <th scope="col">{t('results.metrics.f1')}</th>
              <th scope="col">{t('diagnostics.roc.tp')}</th>
              <th scope="col">{t('diagnostics.roc.fp')}</th>
              <th scope="col">{t('diagnostics.roc.tn')}</th>
              <th scope="col">{t('diagnostics.roc.fn')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.threshold}>
                <th scope="row">{r.threshold.toFixed(2)}</th>
                <td>{fmt(r.accuracy)}</td>
                <td>{fmt(r.precision)}</td>
                <td>{fmt(r.recall)}</td>
                <td>{fmt(r.f1)}</td>
                <td>{r.counts.tp}</td>
                <td>{r.counts.fp}</td>
                <td>{r.counts.tn}</td>
                <td>{r.counts.fn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
});
