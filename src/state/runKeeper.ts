/**
 * Keeps every run: a record and its weights are saved at each epoch end (so a reload or a crashed
 * tab loses at most the epoch under way), listed in `Runs`, renamed, deleted, compared, and
 * reopened — the settings and curves back on the page, the weights back in a worker run that
 * trains on from its last epoch. A save that fails (a full disk) says so once and leaves every
 * earlier save as it was; training goes on.
 */
import { message, messages } from '../core/messages/message.ts';
import { MessageError } from '../core/messages/messageError.ts';
import { readSettings } from '../core/settings/readSettings.ts';
import { SETTING_KEYS } from '../core/settings/settingsTable.ts';
import type { TrainingClient } from '../worker/client.ts';
import type { FromWorker, RunConfig, WorkerEvent } from '../worker/protocol.ts';
import type { RunStorage } from './runStorage.ts';
import { SAVED_RUN_VERSION, type RunWeights, type SavedRun } from './savedRun.ts';
import type { appStore, AppState } from './store.ts';

export interface RunActions {
  reopenRun(id: string): void;
  renameRun(id: string, name: string): void;
  deleteRun(id: string): void;
  /** The runs whose curves and metrics the comparison shows (2–4; fewer closes it). */
  compareRuns(ids: string[]): void;
}

export interface RunKeeperDeps {
  client: TrainingClient;
  store: typeof appStore;
  storage: RunStorage;
  nextRequestId(): number;
  /** Loads a built-in sample (a run reopened on a sample loads it first). */
  loadSample(id: string, correlation?: number): void;
  /** The config the controller sent with this createRun (what the run was built from). */
  sentConfig(requestId: number): RunConfig | null;
}

/** The part of the page's state a saved run's config is made of. */
export function configOf(state: AppState): RunConfig {
  const { settings, roles, weights, enabled, encodings, positiveClasses, balanceClasses, chainedTo } = state;
  return { ...settings, roles, weights, enabled, encodings, positiveClasses, balanceClasses, chainedTo };
}

export function createRunKeeper(deps: RunKeeperDeps) {
  const { client, store, storage } = deps;
  const get = () => store.getState();
  const set = (patch: Partial<AppState>) => store.setState(patch);
  /** The record of the run on the page, and the weights of its best epoch so far. */
  let current: { id: string; name: string; createdAt: number; runId: number; config: RunConfig } | null = null;
  let best: RunWeights['best'] = null;
  /** A reopen waiting for its createRun's answer (or for its sample's table), with the run's saved best weights. */
  let resuming: { requestId: number; run: SavedRun; best: RunWeights['best'] } | null = null;
  let waitingForTable: { loadId: number; id: string } | null = null;
  /** One save at a time; a newer checkpoint waiting replaces an older one. */
  let saving: Promise<void> = Promise.resolve();
  let queued: WorkerEvent<'checkpoint'> | null = null;
  let failedRunId: number | null = null;

  const refresh = async () => {
    try {
      set({ savedRuns: await storage.list() });
    } catch {
      set({ savedRuns: [] }); // no IndexedDB here (a private window): the runs panel says nothing is kept
    }
  };

  const say = (e: unknown) =>
    set({ alert: e instanceof MessageError ? e.detail : message('messages.runs.saveFailed', { detail: String(e) }) });

  const save = async (checkpoint: WorkerEvent<'checkpoint'>) => {
    const state = get();
    if (!current || checkpoint.runId !== current.runId || !state.dataset || !state.run) return;
    const latest = {
      ...checkpoint.weights,
      epoch: checkpoint.epoch,
      step: checkpoint.step,
      training: checkpoint.training,
    };
    if (checkpoint.bestEpoch !== null && checkpoint.bestEpoch === checkpoint.epoch)
      best = { ...checkpoint.weights, epoch: checkpoint.epoch };
    const run: SavedRun = {
      version: SAVED_RUN_VERSION,
      id: current.id,
      name: current.name,
      createdAt: current.createdAt,
      updatedAt: Date.now(),
      dataset: {
        ...state.dataset.fingerprint,
        sampleId: state.datasetFromFile ? null : state.sampleId,
        ...(state.sampleId === 'correlated' ? { correlation: state.sampleCorrelation } : {}),
      },
      // The live settings as they are now (a weight dragged mid-run is part of where the run stands).
      config: {
        ...current.config,
        learningRate: state.settings.learningRate,
        weighting: state.settings.weighting,
        earlyStopping: state.settings.earlyStopping,
        maxStepsPerSecond: state.settings.maxStepsPerSecond,
        weights: state.weights,
        enabled: state.enabled,
      },
      tasks: state.run.tasks,
      epochs: state.epochs.filter((e) => e.epoch <= checkpoint.epoch),
      changeMarks: state.changeMarks,
      epoch: checkpoint.epoch,
      step: checkpoint.step,
      bestEpoch: checkpoint.bestEpoch,
    };
    const start = performance.now();
    await storage.save(run, { id: run.id, latest, best });
    performance.measure('mtl:run-saved', {
      start,
      detail: {
        epoch: run.epoch,
        weightBytes: checkpoint.weights.data.byteLength,
        stateBytes: checkpoint.training.optimizers.reduce((sum, o) => sum + o.data.byteLength, 0),
      },
    });
    // While it was written the run may have gone (reset, reopen, delete) or been renamed: that stands.
    if (current?.id !== run.id) return;
    const others = get().savedRuns.filter((r) => r.id !== run.id);
    set({ savedRuns: [{ ...run, name: current.name }, ...others], savedRunId: run.id });
  };

  const enqueueSave = (checkpoint: WorkerEvent<'checkpoint'>) => {
    const idle = queued === null;
    queued = checkpoint;
    if (!idle) return;
    saving = saving.then(async () => {
      const next = queued;
      queued = null;
      if (!next) return;
      try {
        await save(next);
      } catch (e) {
        if (failedRunId !== next.runId) say(e); // said once per run, not at every epoch
        failedRunId = next.runId;
      }
    });
  };

  /** Puts a saved run back: the page's settings and curves now, the weights once the worker built it. */
  const resume = async (id: string) => {
    const { run, weights } = await storage.load(id);
    if (!run || !weights) {
      set({ alert: message('messages.runs.missing') });
      return;
    }
    const { settings, problems } = readSettings(Object.fromEntries(SETTING_KEYS.map((k) => [k, run.config[k]])));
    const config: RunConfig = { ...run.config, ...settings };
    set({
      settings: { ...settings, runUntilPaused: false, epochs: Math.max(settings.epochs, 1) },
      roles: config.roles,
      encodings: config.encodings,
      positiveClasses: config.positiveClasses,
      balanceClasses: config.balanceClasses,
      chainedTo: config.chainedTo,
      weights: config.weights,
      enabled: config.enabled,
      ...(problems.length > 0
        ? { alert: message('messages.runs.settingsProblems', { problems: messages(problems) }) }
        : {}),
    });
    const requestId = deps.nextRequestId();
    resuming = { requestId, run: { ...run, config }, best: weights.best };
    const { epoch, step, specs, data, training } = weights.latest;
    const resumeAt = { epoch, step, weights: { specs, data }, ...(training ? { training } : {}) };
    client.send({ type: 'createRun', config, requestId, resume: resumeAt });
  };

  const onEvent = (msg: FromWorker) => {
    switch (msg.type) {
      case 'runCreated': {
        const reopened = resuming && msg.requestId === resuming.requestId ? resuming : null;
        if (reopened) {
          resuming = null;
          const { run } = reopened;
          current = { id: run.id, name: run.name, createdAt: run.createdAt, runId: msg.runId, config: run.config };
          best = reopened.best;
          const last = run.epochs.at(-1);
          set({
            savedRunId: run.id,
            epochs: run.epochs,
            changeMarks: run.changeMarks,
            // Early stopping watches afresh from here (its best so far is not carried into the worker).
            bestEpoch: null,
            latestWeights: last?.weights ?? null,
            progress: { epoch: run.epoch, step: run.step, targetEpochs: run.epoch, samplesPerSecond: 0 },
            pendingValDiagnostics: null,
            runState: 'paused', // where it stopped; Train goes on from here
          });
          return;
        }
        const state = get();
        const dataset = state.dataset?.name ?? '';
        const same = state.savedRuns.filter((r) => r.dataset.name === dataset).length;
        current = {
          id: crypto.randomUUID(),
          name: `${dataset} #${same + 1}`,
          createdAt: Date.now(),
          runId: msg.runId,
          config: deps.sentConfig(msg.requestId) ?? configOf(state),
        };
        best = null;
        set({ savedRunId: null });
        return;
      }
      case 'runReset':
        current = null;
        set({ savedRunId: null });
        return;
      case 'checkpoint':
        if (msg.runId !== current?.runId) return; // a run that is gone
        // The best weights are taken as the checkpoint arrives (a queued save may be skipped).
        if (msg.bestEpoch !== null && msg.bestEpoch === msg.epoch) best = { ...msg.weights, epoch: msg.epoch };
        enqueueSave(msg);
        return;
      case 'loadCancelled':
        if (waitingForTable && msg.loadId >= waitingForTable.loadId) waitingForTable = null;
        return;
      case 'workerLost':
        // What was waiting on the old worker will never be answered.
        if (resuming) waitingForTable = { loadId: Number.POSITIVE_INFINITY, id: resuming.run.id };
        resuming = null;
        queued = null;
        current = null;
        return;
      case 'datasetLoaded':
        if (waitingForTable && get().loadId > waitingForTable.loadId) waitingForTable = null; // superseded
        if (waitingForTable && msg.loadId === waitingForTable.loadId) {
          const { id } = waitingForTable;
          waitingForTable = null;
          void reopenIfSameTable(id);
        }
        return;
      case 'error':
        if (resuming && msg.requestId === resuming.requestId && msg.source === undefined) resuming = null;
        if (waitingForTable && msg.source === 'load' && msg.requestId === waitingForTable.loadId)
          waitingForTable = null;
        return;
    }
  };

  /** Reopens when the loaded table is the run's (same hash and rows); else says which file it needs. */
  const reopenIfSameTable = async (id: string) => {
    const run = get().savedRuns.find((r) => r.id === id);
    const fingerprint = get().datasetLoading ? undefined : get().dataset?.fingerprint;
    if (!run) return;
    if (fingerprint && fingerprint.sha256 === run.dataset.sha256 && fingerprint.rows === run.dataset.rows) {
      await resume(id);
      return;
    }
    if (run.dataset.sampleId && waitingForTable === null && !get().datasetLoading) {
      deps.loadSample(run.dataset.sampleId, run.dataset.correlation);
      waitingForTable = { loadId: get().loadId, id };
      return;
    }
    set({ alert: message('messages.runs.otherTable', { name: run.dataset.name, count: run.dataset.rows }) });
  };

  const actions: RunActions = {
    reopenRun(id) {
      if (resuming || waitingForTable) return; // one reopen at a time (a double click)
      void reopenIfSameTable(id).catch(say);
    },
    renameRun(id, name) {
      const trimmed = name.trim().slice(0, 120);
      if (!trimmed) return;
      set({ savedRuns: get().savedRuns.map((r) => (r.id === id ? { ...r, name: trimmed } : r)) });
      if (current?.id === id) current.name = trimmed;
      void storage.rename(id, trimmed).catch(say);
    },
    deleteRun(id) {
      set({
        savedRuns: get().savedRuns.filter((r) => r.id !== id),
        comparedRuns: get().comparedRuns.filter((r) => r !== id),
      });
      if (current?.id === id) current = null; // the run on the page stays; it is just not kept any more
      void storage.remove(id).catch(say);
    },
    compareRuns(ids) {
      set({ comparedRuns: ids.slice(0, 4) });
    },
  };

  /** After a lost worker: reopen this run (or the one a reopen was waiting for) once the table is loaded again. */
  const reopenAfterLoad = (id: string | null, loadId: number) => {
    const pending = waitingForTable?.loadId === Number.POSITIVE_INFINITY ? waitingForTable.id : null;
    waitingForTable = id || pending ? { loadId, id: (id ?? pending) as string } : null;
  };

  /** A reopen's createRun is on its way: Train must not create another run in its place. */
  const isResuming = () => resuming !== null;

  void refresh();
  return { actions, onEvent, refresh, reopenAfterLoad, isResuming, whenSaved: () => saving };
}
