import { memo } from 'react';
import type { ConfusionMatrix } from '../../core/metrics/confusionMatrix.ts';
import { perClassMetrics } from '../../core/metrics/confusionMatrix.ts';

const count = new Intl.NumberFormat('en');

/** One blue hue whose lightness follows the row share: readable without colour vision, and every count is printed. */
function cellStyle(share: number): { background: string; color: string } {
  const lightness = 97 - share * 62;
  // White text only where it keeps a 4.5:1 contrast (WCAG AA); dark text passes from lightness 40 up.
  return { background: `hsl(202 100% ${lightness}%)`, color: lightness < 39 ? '#fff' : '#111' };
}

function fmt(v: number): string {
  return Number.isFinite(v) ? v.toFixed(3) : 'n/a';
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
  const perClass = perClassMetrics(matrix);
  const total = matrix.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
  const correct = matrix.reduce((s, row, c) => s + (row[c] ?? 0), 0);
  return (
    <figure className="diagnostic" aria-label={`Confusion matrix of ${task}`}>
      <figcaption>
        Confusion matrix of {task} on {splitLabel}: rows are the actual class, columns the predicted class; each cell
        shows its count, shaded by its share of the row. {count.format(correct)} of {count.format(total)} rows on the
        diagonal (correct).
      </figcaption>
      <div className="scroll" tabIndex={0} role="region" aria-label={`Confusion matrix of ${task} (scrolls)`}>
        <table aria-label={`Confusion counts of ${task}`} className="confusion">
          <thead>
            <tr>
              <th scope="col">Actual ↓ / predicted →</th>
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
      <div className="scroll" tabIndex={0} role="region" aria-label={`Per-class metrics of ${task} (scrolls)`}>
        <table aria-label={`Per-class metrics of ${task}`}>
          <thead>
            <tr>
              <th scope="col">Class</th>
              <th scope="col">Precision</th>
              <th scope="col">Recall</th>
              <th scope="col">F1</th>
              <th scope="col">Support</th>
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
