import { useTranslation } from 'react-i18next';
import { useAppState } from '../../state/store.ts';
import { TermHelp } from '../glossary/TermHelp.tsx';

/** One blue ramp (readable with colour-vision deficiencies); the percentage is always printed too. */
const cellColour = (share: number) => `rgba(0, 114, 178, ${Math.min(Math.max(share, 0), 1) * 0.6})`;

/** Under MMoE: how much each task's gate draws on each expert, after the latest epoch. */
export function ExpertUsage() {
  const { t } = useTranslation();
  const run = useAppState((s) => s.run);
  const latest = useAppState((s) => s.epochs[s.epochs.length - 1]);
  const usage = latest?.expertUsage;
  if (!run || !latest || !usage) return null;
  const experts = usage[0]?.length ?? 0;
  const favourite = usage.map((row) => row.indexOf(Math.max(...row)));
  const distinct = new Set(favourite).size;
  return (
    <figure className="conflict" aria-label={t('diagnostics.experts.label')}>
      <figcaption>
        {t('diagnostics.experts.caption', { epoch: latest.epoch })} <TermHelp term="mmoe" />
      </figcaption>
      <table aria-label={t('diagnostics.experts.tableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('results.task')}</th>
            {Array.from({ length: experts }, (_, e) => (
              <th key={e} scope="col">
                {t('diagnostics.experts.expert', { expert: e + 1 })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {usage.map((row, k) => (
            <tr key={run.tasks[k]?.name ?? k}>
              <th scope="row">{run.tasks[k]?.name}</th>
              {row.map((share, e) => (
                <td key={e} style={{ background: cellColour(share) }}>
                  {(share * 100).toFixed(0)} %
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {usage.length > 1 && (
        <p className="muted">
          {distinct === 1
            ? t('diagnostics.experts.sameExpert', { expert: (favourite[0] ?? 0) + 1 })
            : t('diagnostics.experts.differentExperts', { experts: distinct })}
        </p>
      )}
    </figure>
  );
}
