/**
 * The worker's model outside training: the bundle out (Export model), the run's PyTorch project
 * (Export PyTorch project), a bundle in (Import model) and predictions on a new file, with the
 * run's model or an imported one — whichever came last.
 * Predictions run beside training: the outputs are computed in one synchronous pass, from the
 * weights as they are at that moment.
 */
import * as tf from '@tensorflow/tfjs';
import { MAX_BUNDLE_BYTES, readModelBundle } from '../core/bundle/modelBundle.ts';
import { encodeNewRows } from '../core/data/encodeNewRows.ts';
import type { Preprocessing } from '../core/data/preprocessing.ts';
import { message } from '../core/messages/message.ts';
import type { Table } from '../core/csv/table.ts';
import { MessageError } from '../core/messages/messageError.ts';
import { predictionColumns } from '../core/predict/predictionColumns.ts';
import type { ActiveRun } from './activeRun.ts';
import { exportBundle } from './exportModel.ts';
import { loadTable } from './loadTable.ts';
import type { FromWorker } from './protocol.ts';
import { pytorchProjectFiles, type TableFacts } from './pytorchProject.ts';

const MIB = 1024 * 1024;
/** Rows per predict call: bounded memory on the device for a large file. */
const PREDICT_BATCH = 4096;

interface Predictor {
  model: tf.LayersModel;
  preprocessing: Preprocessing;
}

interface ImportedModel extends Predictor {
  fileName: string;
  /** What the bundle said it was trained on, kept for a re-export. */
  dataset: { name: string; rows: number };
  epochs: number;
}

export interface ModelToolsDeps {
  post(msg: FromWorker): void;
  run(): ActiveRun | null;
  /** The loaded table's name and size (what the bundle says it was trained on). */
  table(): { name: string; rows: number } | null;
  /** The loaded table itself and what its load knew of it (the PyTorch project). */
  loaded(): { table: Table; facts: TableFacts } | null;
  yieldToEventLoop(): Promise<void>;
}

export function createModelTools(deps: ModelToolsDeps) {
  let imported: ImportedModel | null = null;
  /** Which model Predict and Export use: the one that came last. */
  let useImported = false;

  const predictor = (): Predictor | null => {
    const run = deps.run();
    if (useImported && imported) return imported;
    return run ? { model: run.trainer.model, preprocessing: run.trainer.data.preprocessing } : imported;
  };

  const dropImported = () => {
    imported?.model.dispose();
    imported = null;
  };

  return {
    /** A new run was created: it is the model in use now (an imported one goes). */
    runCreated() {
      useImported = false;
      dropImported();
    },

    async exportModel(requestId: number) {
      const run = deps.run();
      const chosen = predictor();
      if (!chosen) throw new MessageError(message('messages.bundle.noModel'));
      const fromRun = run !== null && chosen.model === run.trainer.model;
      const bundle = await exportBundle({
        model: chosen.model,
        preprocessing: chosen.preprocessing,
        dataset: (fromRun ? deps.table() : imported?.dataset) ?? { name: '', rows: 0 },
        epochs: fromRun ? run.trainer.epochsCompleted : (imported?.epochs ?? 0),
      });
      deps.post({ type: 'modelExported', requestId, bundle });
    },

    /** The run's PyTorch project files: the run's own (an imported bundle has no run to retrace). */
    async exportProject(requestId: number) {
      const run = deps.run();
      const loaded = deps.loaded();
      if (!run || !loaded) throw new MessageError(message('messages.bundle.noRun'));
      const files = await pytorchProjectFiles(run, loaded.table, loaded.facts);
      deps.post({ type: 'projectExported', requestId, files });
    },

    async importModel(requestId: number, file: File) {
      if (file.size > MAX_BUNDLE_BYTES)
        throw new MessageError(
          message('messages.bundle.tooLarge', { size: Math.round(file.size / MIB), limit: MAX_BUNDLE_BYTES / MIB }),
        );
      const { bundle, weightSpecs, weightData } = readModelBundle(await file.text());
      let model: tf.LayersModel;
      try {
        model = await tf.loadLayersModel(
          tf.io.fromMemory({ modelTopology: bundle.model.modelTopology as object, weightSpecs, weightData }),
        );
      } catch (e) {
        throw new MessageError(
          message('messages.bundle.modelRefused', { detail: e instanceof Error ? e.message : '' }),
        );
      }
      const { preprocessing } = bundle;
      // Widths too: a head narrower than its classes would give wrong probabilities without an error.
      const inputWidths = [
        ...(preprocessing.featureNames.length > 0 ? [preprocessing.featureNames.length] : []),
        ...preprocessing.embeddings.map(() => 1),
      ];
      const outputWidths = preprocessing.tasks.map((t) => (t.kind === 'multiclass' ? t.numClasses : 1));
      const widths = (list: tf.SymbolicTensor[]) => list.map((s) => s.shape[1]);
      if (
        JSON.stringify(widths(model.inputs)) !== JSON.stringify(inputWidths) ||
        JSON.stringify(widths(model.outputs)) !== JSON.stringify(outputWidths)
      ) {
        model.dispose();
        throw new MessageError(message('messages.bundle.inconsistent'));
      }
      dropImported();
      imported = { model, preprocessing, fileName: file.name, dataset: bundle.dataset, epochs: bundle.epochs };
      useImported = true;
      deps.post({
        type: 'modelImported',
        requestId,
        fileName: file.name,
        dataset: bundle.dataset,
        epochs: bundle.epochs,
        tasks: preprocessing.tasks,
        inputColumns: preprocessing.inputs.map((r) => r.column),
      });
    },

    async predict(requestId: number, file: File, signal: AbortSignal) {
      if (!predictor()) throw new MessageError(message('messages.bundle.noModel'));
      const loaded = await loadTable(
        { kind: 'file', file },
        {
          fetchBytes: () => Promise.reject(new Error('no fetch')),
          yieldToEventLoop: deps.yieldToEventLoop,
          onProgress: () => {},
          signal,
        },
      );
      // The model is looked up again: a reset or an import may have come while the file was read.
      const chosen = predictor();
      if (!chosen) throw new MessageError(message('messages.bundle.noModel'));
      const table = loaded.parsed.table;
      const encoded = encodeNewRows(table, chosen.preprocessing);
      const outputs = await predictInBatches(chosen.model, encoded, chosen.preprocessing);
      deps.post({
        type: 'predicted',
        requestId,
        fileName: loaded.name,
        rows: encoded.rows,
        columns: predictionColumns(
          chosen.preprocessing.tasks,
          chosen.preprocessing.targetScales,
          outputs,
          encoded.rows,
        ),
        extraColumns: encoded.extraColumns,
        unseen: encoded.unseen,
      });
    },

    dispose() {
      dropImported();
    },
  };
}

/** Every head's outputs for every row, row-major per task, computed batch by batch. */
async function predictInBatches(
  model: tf.LayersModel,
  encoded: ReturnType<typeof encodeNewRows>,
  preprocessing: Preprocessing,
): Promise<Float32Array[]> {
  const width = preprocessing.featureNames.length;
  const widths = preprocessing.tasks.map((t) => (t.kind === 'multiclass' ? t.numClasses : 1));
  const outputs = widths.map((w) => new Float32Array(encoded.rows * w));
  for (let start = 0; start < encoded.rows; start += PREDICT_BATCH) {
    const end = Math.min(encoded.rows, start + PREDICT_BATCH);
    const n = end - start;
    const batch = tf.tidy(() => {
      const inputs: tf.Tensor[] = [];
      if (width > 0) inputs.push(tf.tensor2d(encoded.x.subarray(start * width, end * width), [n, width]));
      for (const ids of encoded.embeddingIds) inputs.push(tf.tensor2d(ids.subarray(start, end), [n, 1]));
      const out = model.predict(inputs.length === 1 ? (inputs[0] as tf.Tensor) : inputs);
      return Array.isArray(out) ? out : [out];
    });
    try {
      const values = await Promise.all(batch.map((t) => t.data() as Promise<Float32Array>));
      values.forEach((v, k) => (outputs[k] as Float32Array).set(v, start * (widths[k] as number)));
    } finally {
      tf.dispose(batch);
    }
  }
  return outputs;
}
