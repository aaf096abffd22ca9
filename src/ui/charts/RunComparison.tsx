import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { HEADLINE_KEY } from '../../core/metrics/headlineKey.ts';
import { bestHeadline, type SavedRun } from '../../state/savedRun.ts';
import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { headlineLabel } from '../headlineMetric.ts';
import { useFormat } from '../i18n/useFormat.ts';
import { taskColour, taskDash } from '../palette.ts';
import { ChartImageButtons } from './ChartImageButtons.tsx';

/**
 * Two to four saved runs side by side: per task (by name) each run's validation headline metric
 * by epoch, one line per run (colour and dash tell them apart), then their final metrics.
 */
export default function RunComparison() {
  const { t } = useTranslation();
  const { format } = useFormat();
  const controller = useController();
  const ids = useAppState((s) => s.comparedRuns);
  const all = useAppState((s) => s.savedRuns);
  const figureRef = useRef<HTMLElement>(null);
  const runs = ids.map((id) => all.find((r) => r.id === id)).filter((r): r is SavedRun => r !== undefined);
  if (runs.length < 2) return null;
  const taskNames = [...new Set(runs.flatMap((r) => r.tasks.map((task) => task.name)))];
  const name = t('keep.compare.label');
  return (
    <section className="run-comparison" aria-labelledby="run-comparison-heading">
      <h3 id="run-comparison-heading">{t('keep.compare.heading', { count: runs.length })}</h3>
      <button type="button" onClick={() => controller.compareRuns([])}>
        {t('keep.compare.close')}
      </button>
      <figure ref={figureRef} aria-label={name} className="chart">
        <figcaption>
          <ChartImageButtons
            figure={figureRef}
            name={name}
            file="run-comparison"
            legend={runs.map((r, i) => ({ label: r.name, colour: taskColour(i), dash: taskDash(i) }))}
          />
          {t('keep.compare.caption')}
        </figcaption>
        <ul className="chart-legend">
          {runs.map((r, i) => (
            <li key={r.id} style={{ color: taskColour(i) }}>
              <svg width="24" height="8" aria-hidden="true">
                <line
                  x1="0"
                  y1="4"
                  x2="24"
                  y2="4"
                  stroke={taskColour(i)}
                  strokeWidth="2"
                  strokeDasharray={taskDash(i)}
                />
              </svg>{' '}
              <span className="legend-text">{r.name}</span>
            </li>
          ))}
        </ul>
        <div className="small-multiples">
          {taskNames.map((task) => {
            const kind = runs.flatMap((r) => r.tasks).find((x) => x.name === task)?.kind ?? 'regression';
            const byEpoch = new Map<number, Record<string, number>>();
            runs.forEach((r, i) => {
              const k = r.tasks.findIndex((x) => x.name === task);
              if (k < 0) return;
              for (const e of r.epochs) {
                const v = e.val[k]?.[HEADLINE_KEY[kind]];
                if (v === undefined || !Number.isFinite(v)) continue;
                byEpoch.set(e.epoch, { ...byEpoch.get(e.epoch), epoch: e.epoch, [`run${i}`]: v });
              }
            });
            const data = [...byEpoch.values()].sort((a, b) => (a.epoch ?? 0) - (b.epoch ?? 0));
            return (
              <div
                key={task}
                className="small-multiple"
                role="img"
                aria-label={t('keep.compare.taskChart', { task, metric: headlineLabel(kind) })}
              >
                <p className="small-multiple-title">
                  {task} — {headlineLabel(kind)}
                </p>
                <LineChart
                  accessibilityLayer={false}
                  width={320}
                  height={150}
                  data={data}
                  margin={{ top: 6, right: 8, bottom: 4, left: 8 }}
                >
                  <XAxis
                    dataKey="epoch"
                    type="number"
                    domain={['dataMin', 'dataMax']}
                    tickCount={4}
                    allowDecimals={false}
                  />
                  <YAxis
                    domain={['auto', 'auto']}
                    tickCount={4}
                    width={56}
                    tickFormatter={(v: number) => format(v, 3)}
                  />
                  <Tooltip formatter={(v) => format(Number(v), 4)} />
                  {runs.map((r, i) => (
                    <Line
                      key={r.id}
                      dataKey={`run${i}`}
                      name={r.name}
                      stroke={taskColour(i)}
                      strokeDasharray={taskDash(i)}
                      dot={false}
                      isAnimationActive={false}
                      connectNulls
                    />
                  ))}
                </LineChart>
              </div>
            );
          })}
        </div>
      </figure>
      <table aria-label={t('keep.compare.table')}>
        <thead>
          <tr>
            <th scope="col">{t('keep.compare.run')}</th>
            <th scope="col">{t('keep.runs.epochs')}</th>
            {taskNames.map((task) => (
              <th key={task} scope="col">
                {task}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => {
            const last = r.epochs.at(-1);
            return (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                <td>{r.epoch}</td>
                {taskNames.map((task) => {
                  const k = r.tasks.findIndex((x) => x.name === task);
                  const kind = r.tasks[k]?.kind;
                  const value = kind ? last?.val[k]?.[HEADLINE_KEY[kind]] : undefined;
                  return (
                    <td key={task}>
                      {kind
                        ? t('keep.compare.final', {
                            metric: headlineLabel(kind),
                            value: format(value, 3),
                            best: format(bestHeadline(r, k), 3),
                          })
                        : '–'}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
