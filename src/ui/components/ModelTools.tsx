import { useTranslation } from 'react-i18next';
import { cellOf } from '../../core/predict/predictionColumns.ts';
import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { useFormat } from '../i18n/useFormat.ts';

const PREVIEW_ROWS = 10;

/** Which model predicts (the run's or an imported bundle), Import model, Predict CSV and the predictions' preview. */
export function ModelTools() {
  const { t } = useTranslation();
  const { format } = useFormat();
  const controller = useController();
  const run = useAppState((s) => s.run);
  const epoch = useAppState((s) => s.progress.epoch);
  const imported = useAppState((s) => s.importedModel);
  const predictions = useAppState((s) => s.predictions);
  const busy = useAppState((s) => s.modelBusy);
  const inputColumns = imported?.inputColumns ?? run?.inputColumns ?? null;
  const tasks = (imported?.tasks ?? run?.tasks ?? []).map((task) => task.name).join(', ');
  const inUse = imported
    ? t('keep.model.imported', {
        file: imported.fileName,
        dataset: imported.dataset.name,
        count: imported.epochs,
        tasks,
      })
    : run
      ? t('keep.model.run', { epoch, tasks })
      : t('keep.model.none');
  const previewRows = predictions ? Math.min(PREVIEW_ROWS, predictions.rows) : 0;
  return (
    <section className="model-tools" aria-labelledby="model-tools-heading">
      <h3 id="model-tools-heading">{t('keep.model.heading')}</h3>
      <p role="status" aria-label={t('keep.model.inUseLabel')}>
        {inUse}
      </p>
      <div className="file-row">
        <label>
          {t('keep.model.import')}{' '}
          <input
            type="file"
            accept=".json,application/json"
            disabled={busy !== null}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) controller.importModel(file);
              e.target.value = ''; // the same file again is a new import
            }}
          />
        </label>
        <label>
          {t('keep.model.predict')}{' '}
          <input
            type="file"
            accept=".csv,.tsv,.txt,text/csv"
            disabled={busy !== null || !inputColumns}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) controller.predict(file);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {inputColumns && <p className="muted">{t('keep.model.needs', { columns: inputColumns.join(', ') })}</p>}
      {busy && <p role="status">{t(busy === 'import' ? 'keep.model.importing' : 'keep.model.predicting')}</p>}
      {predictions && (
        <>
          <p role="status" aria-label={t('keep.predictions.summaryLabel')}>
            {t('keep.predictions.summary', { count: predictions.rows, file: predictions.fileName })}
            {predictions.extraColumns.length > 0 &&
              ` ${t('keep.predictions.ignored', { columns: predictions.extraColumns.join(', ') })}`}
            {predictions.unseen.map((u) => ` ${t('keep.predictions.unseen', { column: u.column, count: u.rows })}`)}
          </p>
          <div className="scroll" tabIndex={0} role="region" aria-label={t('keep.predictions.region')}>
            <table aria-label={t('keep.predictions.table')}>
              <caption className="muted">
                {t('keep.predictions.caption', { shown: previewRows, rows: predictions.rows })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">row</th>
                  {predictions.columns.map((c) => (
                    <th key={c.name} scope="col">
                      {c.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {Array.from({ length: previewRows }, (_, r) => (
                  <tr key={r}>
                    <td>{r + 1}</td>
                    {predictions.columns.map((c) => (
                      <td key={c.name}>{c.kind === 'number' ? format(c.values[r], 4) : cellOf(c, r)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="button" onClick={() => controller.downloadPredictions()}>
            {t('keep.predictions.download')}
          </button>
        </>
      )}
    </section>
  );
}
