import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfusionMatrix } from '../../core/metrics/confusionMatrix.ts';
import { perClassMetrics } from '../../core/metrics/confusionMatrix.ts';
import { useFormat } from '../i18n/useFormat.ts';

/** One blue hue whose lightness follows the row share: readable without colour vision, and every count is printed. */
function cellStyle(share: number): { background: string; color: string } {
  const lightness = 97 - share * 62;
  // White text only where it keeps a 4.5:1 contrast (WCAG AA); dark text passes from lightness 40 up.
  return { background: `hsl(202 100% ${lightness}%)`, color: lightness < 39 ? '#fff' : '#111' };
}

/** Confusion matrix heatmap (rows: actual class, columns: predicted) and per-class precision / recall. */
export const ConfusionMatrixTable = memo(function ConfusionMatrixTable({
  task,
  labels,
  matrix,
  splitLabel,
}: {
  task: string;
  labels: string[];
  matrix: ConfusionMatrix;
  splitLabel: string;
}) {
  const { t } = useTranslation();
  const count = useFormat().formatter({});
  const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : t('results.notAvailable'));
  const perClass = perClassMetrics(matrix);
  const total = matrix.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
  const correct = matrix.reduce((s, row, c) => s + (row[c] ?? 0), 0);
  const label = t('diagnostics.confusion.label', { task });
  const perClassLabel = t('diagnostics.confusion.perClass', { task });
  return (
    <figure className="diagnostic" aria-label={label}>
      <figcaption>
        {t('diagnostics.confusion.caption', {
          task,
          split: splitLabel,
          correct: count.format(correct),
          total: count.format(total),
        })}
      </figcaption>
      <div className="scroll" tabIndex={0} role="region" aria-label={t('results.scrolls', { label })}>
        <table aria-label={t('diagnostics.confusion.counts', { task })} className="confusion">
          <thead>
            <tr>
              <th scope="col">{t('diagnostics.confusion.corner')}</th>
              {labels.map((l) => (
                <th key={l} scope="col">
                  {l}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.map((row, a) => {
              const rowTotal = row.reduce((s, v) => s + v, 0);
              return (
                <tr key={labels[a]}>
                  <th scope="row">{labels[a]}</th>
                  {row.map((v, p) => (
                    <td
                      key={p}
                      style={cellStyle(rowTotal ? v / rowTotal : 0)}
                      className={a === p ? 'diagonal' : undefined}
                    >
                      {count.format(v)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="scroll" tabIndex={0} role="region" aria-label={t('results.scrolls', { label: perClassLabel })}>
        <table aria-label={perClassLabel}>
          <thead>
            <tr>
              <th scope="col">{t('diagnostics.confusion.class')}</th>
              <th scope="col">{t('results.metrics.precision')}</th>
              <th scope="col">{t('results.metrics.recall')}</th>
              <th scope="col">{t('results.metrics.f1')}</th>
              <th scope="col">{t('diagnostics.confusion.support')}</th>
            </tr>
          </thead>
          <tbody>
            {perClass.map((m, c) => (
              <tr key={labels[c]}>
                <th scope="row">{labels[c]}</th>
                <td>{fmt(m.precision)}</td>
                <td>{fmt(m.recall)}</td>
                <td>{fmt(m.f1)}</td>
                <td>{count.format(m.support)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
});
