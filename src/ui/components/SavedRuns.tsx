import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bestHeadline, type SavedRun } from '../../state/savedRun.ts';
import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { headlineLabel } from '../headlineMetric.ts';
import { useFormat } from '../i18n/useFormat.ts';

const MAX_COMPARED = 4;

/** Every run kept in this browser: tick two to four to compare, rename, reopen (and train on), delete. */
export function SavedRuns() {
  const { t, i18n } = useTranslation();
  const { format } = useFormat();
  const controller = useController();
  const runs = useAppState((s) => s.savedRuns);
  const currentId = useAppState((s) => s.savedRunId);
  const [ticked, setTicked] = useState<string[]>([]);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const kept = ticked.filter((id) => runs.some((r) => r.id === id));
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const bestOf = (run: SavedRun) =>
    run.tasks
      .map((task, k) => `${task.name} ${headlineLabel(task.kind)} ${format(bestHeadline(run, k), 3)}`)
      .join(' · ');
  if (runs.length === 0) return <p className="muted">{t('keep.runs.none')}</p>;
  return (
    <div className="saved-runs">
      <p className="muted">{t('keep.runs.note')}</p>
      <div className="scroll" tabIndex={0} role="region" aria-label={t('keep.runs.region')}>
        <table aria-label={t('keep.runs.table')}>
          <thead>
            <tr>
              <th scope="col">{t('keep.runs.compare')}</th>
              <th scope="col">{t('keep.runs.name')}</th>
              <th scope="col">{t('keep.runs.date')}</th>
              <th scope="col">{t('keep.runs.dataset')}</th>
              <th scope="col">{t('keep.runs.epochs')}</th>
              <th scope="col">{t('keep.runs.best')}</th>
              <th scope="col">{t('keep.runs.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id} aria-current={run.id === currentId ? 'true' : undefined}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('keep.runs.select', { name: run.name })}
                    checked={kept.includes(run.id)}
                    disabled={!kept.includes(run.id) && kept.length >= MAX_COMPARED}
                    onChange={(e) =>
                      setTicked(e.target.checked ? [...kept, run.id] : kept.filter((id) => id !== run.id))
                    }
                  />
                </td>
                <th scope="row">
                  {renaming?.id === run.id ? (
                    <form
                      onSubmit={(e) => {
                        e.preventDefault();
                        controller.renameRun(run.id, renaming.name);
                        setRenaming(null);
                      }}
                    >
                      <input
                        aria-label={t('keep.runs.newName', { name: run.name })}
                        value={renaming.name}
                        maxLength={120}
                        autoFocus
                        onChange={(e) => setRenaming({ id: run.id, name: e.target.value })}
                        onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
                      />
                      <button type="submit">{t('keep.runs.saveName')}</button>
                    </form>
                  ) : (
                    run.name
                  )}
                  {run.id === currentId && <span className="muted"> {t('keep.runs.onPage')}</span>}
                </th>
                <td>{date.format(run.updatedAt)}</td>
                <td>
                  {run.dataset.name} ({t('keep.runs.rows', { count: run.dataset.rows })})
                </td>
                <td>{run.epoch}</td>
                <td>{bestOf(run)}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    aria-label={t('keep.runs.reopenRun', { name: run.name })}
                    onClick={() => controller.reopenRun(run.id)}
                  >
                    {t('keep.runs.reopen')}
                  </button>
                  <button
                    type="button"
                    aria-label={t('keep.runs.renameRun', { name: run.name })}
                    onClick={() => setRenaming({ id: run.id, name: run.name })}
                  >
                    {t('keep.runs.rename')}
                  </button>
                  <button
                    type="button"
                    aria-label={t('keep.runs.deleteRun', { name: run.name })}
                    onClick={() => {
                      if (window.confirm(t('keep.runs.confirmDelete', { name: run.name })))
                        controller.deleteRun(run.id);
                    }}
                  >
                    {t('keep.runs.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" disabled={kept.length < 2} onClick={() => controller.compareRuns(kept)}>
        {t('keep.runs.compareRuns')}
      </button>{' '}
      <span className="muted">{t('keep.runs.compareHint', { max: MAX_COMPARED })}</span>
    </div>
  );
}
