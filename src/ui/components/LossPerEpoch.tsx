import { useTranslation } from 'react-i18next';
import { useAppState } from '../../state/store.ts';
import { useFormat } from '../i18n/useFormat.ts';

/**
 * Rows drawn at most: a run until paused makes thousands of epochs in an hour, and a row costs
 * DOM and React memory for as long as the page lives (the export holds every epoch the page
 * keeps: src/state/boundedHistory.ts).
 */
export const MAX_EPOCH_ROWS = 500;

/** Each epoch's mean training loss per task, the weighted total, its time and speed, as a table. */
export function LossPerEpoch() {
  const { t } = useTranslation();
  const num = useFormat().formatter({ maximumSignificantDigits: 4 });
  const run = useAppState((s) => s.run);
  const epochs = useAppState((s) => s.epochs);
  const tasks = run?.tasks ?? [];
  const shown = epochs.length > MAX_EPOCH_ROWS ? epochs.slice(-MAX_EPOCH_ROWS) : epochs;
  return (
    <>
      {epochs.length > 0 && (
        <details>
          <summary>{t('results.lossPerEpoch.summary')}</summary>
          <table aria-label={t('results.lossPerEpoch.label')}>
            <thead>
              <tr>
                <th scope="col">{t('results.lossPerEpoch.epoch')}</th>
                {tasks.map((task) => (
                  <th key={task.name} scope="col">
                    {t('results.lossPerEpoch.taskTrain', { task: task.name })}
                  </th>
                ))}
                <th scope="col">{t('results.lossPerEpoch.weightedTotal')}</th>
                <th scope="col">{t('results.lossPerEpoch.seconds')}</th>
                <th scope="col">{t('results.lossPerEpoch.samplesPerSecond')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={e.epoch}>
                  <td>{e.epoch}</td>
                  {e.trainLoss.map((l, k) => (
                    <td key={k}>{num.format(l)}</td>
                  ))}
                  <td>{num.format(e.trainTotal)}</td>
                  <td>{(e.trainMs / 1000).toFixed(2)}</td>
                  <td>{Math.round((e.rows * 1000) / e.trainMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length < epochs.length && (
            <p className="muted">
              {t('results.lossPerEpoch.latestOnly', { shown: shown.length, total: epochs.at(-1)?.epoch ?? 0 })}
            </p>
          )}
        </details>
      )}
    </>
  );
}
