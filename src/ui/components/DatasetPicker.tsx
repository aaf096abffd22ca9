import { useState, type DragEvent } from 'react';
import { SAMPLE_DATASETS } from '../../core/data/sampleDatasets.ts';
import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { NumberField } from './NumberField.tsx';

/** Sample dataset picker, and the CSV chooser that is also a drop zone. */
export function DatasetPicker() {
  const controller = useController();
  const sampleId = useAppState((s) => s.sampleId);
  const correlation = useAppState((s) => s.sampleCorrelation);
  const loading = useAppState((s) => s.datasetLoading);
  const progress = useAppState((s) => s.loadProgress);
  const [dragging, setDragging] = useState(false);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) controller.loadFile(file);
  };

  return (
    <div className="dataset-picker">
      <label>
        Sample dataset
        <select value={sampleId} onChange={(e) => controller.loadSample(e.target.value)}>
          {SAMPLE_DATASETS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      {sampleId === 'correlated' && (
        <NumberField
          label="Task correlation"
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
          The cosine similarity of the two tasks' weight vectors; a new value generates the table again.
        </span>
      )}
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
          Upload CSV
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
        <span className="muted">or drop a file here. It is read in this tab only.</span>
      </div>
      {progress ? (
        <div className="load-progress">
          <label>
            Reading {progress.name}
            <progress aria-label="Loading progress" max={1} value={progress.fraction} />
          </label>
          <span className="muted">{Math.round(progress.fraction * 100)} %</span>
          <button type="button" onClick={() => controller.cancelLoad()}>
            Cancel
          </button>
        </div>
      ) : (
        loading && <p className="muted">Loading dataset…</p>
      )}
    </div>
  );
}
