import { useTranslation } from 'react-i18next';
import { useAppState } from '../../state/store.ts';
import { TermHelp } from '../glossary/TermHelp.tsx';

/** Blue for agreement, orange for conflict (distinguishable with colour-vision deficiencies); the number is always shown too. */
function cellColour(c: number): string {
  const a = Math.min(Math.abs(c), 1) * 0.6;
  return c >= 0 ? `rgba(0, 114, 178, ${a})` : `rgba(213, 94, 0, ${a})`;
}

/** Cosine similarity of each pair of tasks' gradients on the shared trunk, after the latest epoch. */
export function GradientConflict() {
  const { t } = useTranslation();
  const run = useAppState((s) => s.run);
  const latest = useAppState((s) => s.epochs[s.epochs.length - 1]);
  if (!run || !latest || run.tasks.length < 2) return null;
  const names = run.tasks.map((task) => task.name);
  const worst = latest.gradientCosine
    .flatMap((row, i) => row.map((c, j) => ({ c, i, j })))
    .filter((x) => x.i < x.j)
    .sort((a, b) => a.c - b.c)[0];
  return (
    <figure className="conflict" aria-label={t('diagnostics.conflict.label')}>
      <figcaption>
        {latest.expertUsage
          ? t('diagnostics.conflict.captionExperts', { epoch: latest.epoch })
          : t('diagnostics.conflict.caption', { epoch: latest.epoch })}{' '}
        <TermHelp term="gradientConflict" />
      </figcaption>
      <table aria-label={t('diagnostics.conflict.tableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('results.task')}</th>
            {names.map((n) => (
              <th key={n} scope="col">
                {n}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {latest.gradientCosine.map((row, i) => (
            <tr key={names[i]}>
              <th scope="row">{names[i]}</th>
              {row.map((c, j) => (
                <td key={j} style={{ background: cellColour(c) }}>
                  {c.toFixed(2)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {worst && (
        <p className="muted">
          {t(worst.c < 0 ? 'diagnostics.conflict.worstConflicts' : 'diagnostics.conflict.worstAgrees', {
            first: names[worst.i] ?? '',
            second: names[worst.j] ?? '',
            cosine: worst.c.toFixed(2),
          })}
        </p>
      )}
    </figure>
  );
}
