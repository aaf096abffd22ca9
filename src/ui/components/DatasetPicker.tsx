import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useHidden } from '../classroom/useHidden.ts';
import { SAMPLE_DATASETS } from '../../core/data/sampleDatasets.ts';
import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { NumberField } from './NumberField.tsx';
import { sampleLabelKey } from './sampleLabels.ts';

/** Sample dataset picker, and the CSV chooser that is also a drop zone. */
export function DatasetPicker() {
  const { t } = useTranslation();
  const controller = useController();
  const sampleId = useAppState((s) => s.sampleId);
  const correlation = useAppState((s) => s.sampleCorrelation);
  const loading = useAppState((s) => s.datasetLoading);
  const progress = useAppState((s) => s.loadProgress);
  const [dragging, setDragging] = useState(false);
  const samplesHidden = useHidden('samples');
  const uploadHidden = useHidden('upload');

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) controller.loadFile(file);
  };

  return (
    <div className="dataset-picker">
      {!samplesHidden && (
        <>
          <label>
            {t('data.picker.sampleDataset')}
            <select value={sampleId} onChange={(e) => controller.loadSample(e.target.value)}>
              {SAMPLE_DATASETS.map((s) => {
                const key = sampleLabelKey(s.id);
                return (
                  <option key={s.id} value={s.id}>
                    {key ? t(key) : s.label}
                  </option>
                );
              })}
            </select>
          </label>
          {sampleId === 'correlated' && (
            <NumberField
              label={t('data.picker.taskCorrelation')}
              value={correlation}
              min={-1}
              max={1}
              step={0.05}
              describedBy="correlation-help"
              onCommit={(v) => controller.loadSample('correlated', { correlation: v })}
            />
          )}
          {sampleId === 'correlated' && (
            <span id="correlation-help" className="visually-hidden">
              {t('data.picker.correlationHelp')}
            </span>
          )}
        </>
      )}
      {!uploadHidden && (
        <div
          className={`dropzone${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label>
            {t('data.picker.uploadCsv')}
            <input
              type="file"
              accept=".csv,.tsv,.txt,text/csv"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) controller.loadFile(file);
                e.target.value = '';
              }}
            />
          </label>
          <span className="muted">{t('data.picker.dropHint')}</span>
        </div>
      )}
      {progress ? (
        <div className="load-progress">
          <label>
            {t('data.picker.reading', { name: progress.name })}
            <progress aria-label={t('data.picker.loadingProgress')} max={1} value={progress.fraction} />
          </label>
          <span className="muted">{t('data.picker.percent', { percent: Math.round(progress.fraction * 100) })}</span>
          <button type="button" onClick={() => controller.cancelLoad()}>
            {t('data.picker.cancel')}
          </button>
        </div>
      ) : (
        loading && <p className="muted">{t('data.picker.loading')}</p>
      )}
    </div>
  );
}
