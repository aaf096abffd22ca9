/**
 * The page's side of the model outside training: Export model saves the bundle, Export PyTorch
 * project zips the run's project, Import model sends a bundle to the worker, Predict CSV asks for
 * predictions and Download predictions writes them.
 * Downloads happen only for requests this page made (a late answer to nothing is dropped).
 */
import { fileSlug } from '../core/fileSlug.ts';
import { message } from '../core/messages/message.ts';
import { predictionsCsv } from '../core/predict/predictionsCsv.ts';
import type { TrainingClient } from '../worker/client.ts';
import type { FromWorker, WorkerEvent } from '../worker/protocol.ts';
import { metricsExport } from './metricsExport.ts';
import { saveFile } from './saveFile.ts';
import type { appStore } from './store.ts';

export interface ModelActions {
  exportModel(): void;
  /** The run as a PyTorch project (a zip: the template, the run's files, its metrics). */
  exportProject(): void;
  importModel(file: File): void;
  predict(file: File): void;
  downloadPredictions(): void;
}

const withoutExtension = (name: string) => name.replace(/\.[a-z0-9]+$/i, '');

export function createModelActions(client: TrainingClient, store: typeof appStore, nextId: () => number) {
  const exports = new Set<number>();
  const projects = new Set<number>();
  const get = () => store.getState();
  const actions: ModelActions = {
    exportModel() {
      const requestId = nextId();
      exports.add(requestId);
      client.send({ type: 'exportModel', requestId });
    },
    exportProject() {
      const requestId = nextId();
      projects.add(requestId);
      client.send({ type: 'exportProject', requestId });
    },
    importModel(file) {
      store.setState({ modelBusy: 'import', alert: null });
      client.send({ type: 'importModel', file, requestId: nextId() });
    },
    predict(file) {
      store.setState({ modelBusy: 'predict', alert: null });
      client.send({ type: 'predict', file, requestId: nextId() });
    },
    downloadPredictions() {
      const predictions = get().predictions;
      if (!predictions) return;
      const csv = predictionsCsv(predictions.columns, predictions.rows);
      saveFile(
        `${fileSlug(withoutExtension(predictions.fileName), 'data')}-predictions.csv`,
        new Blob([csv], { type: 'text/csv' }),
      );
    },
  };
  const onEvent = (msg: FromWorker) => {
    if (msg.type === 'modelExported' && exports.delete(msg.requestId)) {
      const name = get().importedModel?.fileName ?? get().dataset?.name ?? 'model';
      saveFile(
        `${fileSlug(withoutExtension(name), 'model')}-model.json`,
        new Blob([msg.bundle], { type: 'application/json' }),
      );
    }
    if (msg.type === 'projectExported' && projects.delete(msg.requestId)) void saveProject(msg);
    if (msg.type === 'error' && msg.requestId !== undefined && msg.source === 'model') {
      exports.delete(msg.requestId);
      projects.delete(msg.requestId);
    }
  };
  /** Zips the worker's files with the template and the metrics as Export metrics has them now. */
  const saveProject = async (msg: WorkerEvent<'projectExported'>) => {
    const state = get();
    const metrics = metricsExport(state)?.csv ?? '';
    const name = `${fileSlug(withoutExtension(state.dataset?.name ?? ''), 'run')}-pytorch.zip`;
    try {
      const { pytorchProjectZip } = await import('./pytorchProjectZip.ts');
      const zip = await pytorchProjectZip(msg.files, metrics);
      saveFile(name, new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      store.setState({ alert: message('messages.worker.unexpected', { detail }) });
    }
  };
  return { actions, onEvent };
}
