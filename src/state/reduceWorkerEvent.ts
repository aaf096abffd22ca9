/**
 * Worker events → page state, as a pure function (no timers, no sends, no DOM), so every event
 * can be tested, late and repeated ones included: an event about a run other than the current
 * one is dropped, and so is a repeated epoch, loss batch or acknowledgement.
 */
import { message } from '../core/messages/message.ts';
import type { TaskMetrics } from '../core/metrics/taskMetrics.ts';
import type { FromWorker, RunPatch, WorkerEvent } from '../worker/protocol.ts';
import { suggestedSettings } from '../core/settings/dataDefaults.ts';
import { SETTINGS, type SettingKey, type TrainSettings } from '../core/settings/settingsTable.ts';
import { latest, MAX_CHANGE_MARKS, MAX_EPOCHS, RECENT_EPOCHS, thinOlder } from './boundedHistory.ts';
import { addChangeMarks } from './changeMarks.ts';
import { EMPTY_RESULTS, type AppState } from './store.ts';

/** The state after one worker event (the same object when the event changes nothing). */
export function reduceWorkerEvent(state: AppState, msg: FromWorker): AppState {
  switch (msg.type) {
    case 'loadProgress':
      if (msg.loadId !== state.loadId) return state;
      return { ...state, loadProgress: { name: msg.name, fraction: msg.fraction } };
    case 'loadCancelled':
      if (msg.loadId !== state.loadId) return state; // a newer load is on its way
      return { ...state, pendingPreset: null, loadProgress: null, datasetLoading: false };
    case 'datasetLoaded':
      return adoptDataset(state, msg);
    case 'backendReady':
      return { ...state, backend: { name: msg.backend, reason: msg.reason } };
    case 'engineReady':
      if (state.run && msg.runId !== state.run.runId) return state; // a run since replaced
      return { ...state, engine: { kind: msg.engine, reason: msg.reason } };
    case 'runCreated': {
      if (state.run?.runId === msg.runId) return state;
      const { type: _type, requestId: _requestId, ...info } = msg;
      return { ...state, ...EMPTY_RESULTS, run: info, importedModel: null };
    }
    case 'runReset':
      return { ...state, ...EMPTY_RESULTS };
    case 'memory':
      return { ...state, memory: { numTensors: msg.numTensors, numBytes: msg.numBytes } };
    case 'error': {
      if (msg.source === 'load' && msg.requestId !== state.loadId) return state; // a load since superseded
      // A load that failed ends the load; a refused change touches nothing else; a run's error ends running baselines.
      const load =
        msg.source === 'load'
          ? { pendingPreset: null, pendingAlert: null, datasetLoading: false, loadProgress: null }
          : {};
      const baselines =
        msg.source !== 'load' &&
        msg.source !== 'update' &&
        msg.source !== 'model' &&
        state.baselines?.status === 'running'
          ? { baselines: null }
          : {};
      const model = msg.source === 'model' ? { modelBusy: null } : {};
      return { ...state, alert: msg.message, ...load, ...baselines, ...model };
    }
    case 'modelExported':
    case 'projectExported':
    case 'pong':
      return state; // a download, and the liveness check: the controller's
    case 'checkpoint':
      return state; // the saved run's weights: the run keeper's
    case 'workerLost':
      // The fresh worker has no table and no run: what the page showed of them goes (the saved run stays).
      return {
        ...state,
        ...EMPTY_RESULTS,
        importedModel: null,
        modelBusy: null,
        backend: null,
        alert: message('messages.worker.restarted'),
      };
    case 'modelImported': {
      const { fileName, dataset, epochs, tasks, inputColumns } = msg;
      return { ...state, modelBusy: null, importedModel: { fileName, dataset, epochs, tasks, inputColumns } };
    }
    case 'predicted': {
      const { fileName, rows, columns, extraColumns, unseen } = msg;
      return { ...state, modelBusy: null, predictions: { fileName, rows, columns, extraColumns, unseen } };
    }
  }
  if (msg.runId !== state.run?.runId) return state; // late news of a run that is gone
  return reduceRunEvent(state, msg);
}

type RunEvent = Extract<FromWorker, { runId: number }>;

function reduceRunEvent(state: AppState, msg: RunEvent): AppState {
  switch (msg.type) {
    case 'stateChanged':
      return {
        ...state,
        runState: msg.state,
        bestEpoch: msg.bestEpoch ?? state.bestEpoch,
        restoredEpoch: msg.restoredEpoch ?? null,
        progress: { ...state.progress, epoch: msg.epoch, targetEpochs: msg.targetEpochs, step: msg.step },
      };
    case 'losses': {
      const last = msg.steps[msg.steps.length - 1];
      if (!last || last.step <= state.progress.step) return state;
      return {
        ...state,
        latestWeights: last.weights,
        progress: { ...state.progress, epoch: msg.epoch, step: last.step, samplesPerSecond: msg.samplesPerSecond },
      };
    }
    case 'epochEnded': {
      const previous = state.epochs[state.epochs.length - 1];
      if (previous && previous.epoch >= msg.report.epoch) return state;
      return {
        ...state,
        epochs: thinOlder(
          [...state.epochs, msg.report],
          MAX_EPOCHS,
          RECENT_EPOCHS,
          (e) => e.epoch,
          // The best epoch, and those the tables and plots on screen refer to.
          (e) =>
            e.epoch === msg.report.bestEpoch ||
            e.epoch === state.restoredEpoch ||
            e.epoch === state.diagnostics.val?.epoch ||
            e.epoch === state.pendingValDiagnostics?.epoch ||
            e.epoch === state.testMetrics?.epoch,
        ),
        bestEpoch: msg.report.bestEpoch,
        memory: { numTensors: msg.numTensors, numBytes: msg.numBytes },
        pendingValDiagnostics: { epoch: msg.report.epoch, tasks: msg.diagnostics },
      };
    }
    case 'validationDiagnostics':
      return {
        ...state,
        pendingValDiagnostics: null,
        diagnostics: { ...state.diagnostics, val: { epoch: msg.epoch, tasks: msg.diagnostics } },
      };
    case 'testEvaluated':
      return {
        ...state,
        testMetrics: { epoch: msg.epoch, metrics: msg.metrics },
        diagnostics: { ...state.diagnostics, test: { epoch: msg.epoch, tasks: msg.diagnostics } },
      };
    case 'applied':
      return applyAcknowledgement(state, msg.step, msg.patch);
    case 'baselineProgress':
      return baselineProgress(state, msg);
    case 'baselinesDone': {
      if (state.baselines?.status !== 'running') return state;
      const { type: _type, runId: _runId, ...result } = msg;
      return { ...state, baselines: { status: 'done', history: state.baselines.history, ...result } };
    }
    case 'baselinesCancelled':
      return { ...state, baselines: null };
    default:
      return state;
  }
}

/** A new table: roles from the sample's preset or the inference, every weight 1, results cleared. */
function adoptDataset(state: AppState, msg: WorkerEvent<'datasetLoaded'>): AppState {
  // An older load that finished before the worker heard of the newer one: its table is the
  // worker's now, so the page shows it, but the page keeps loading and keeps the preset for the newer.
  const current = msg.loadId === state.loadId;
  const preset = current ? state.pendingPreset : null;
  const { type: _type, timings: _timings, loadId: _loadId, ...dataset } = msg;
  const loading = current
    ? { pendingPreset: null, pendingAlert: null, datasetLoading: false, loadProgress: null }
    : { pendingPreset: state.pendingPreset, pendingAlert: state.pendingAlert, datasetLoading: true };
  return {
    ...state,
    ...EMPTY_RESULTS,
    dataset,
    roles: Object.fromEntries(msg.columns.map((c) => [c.name, preset?.roles[c.name] ?? c.suggestedRole])),
    encodings: Object.fromEntries(msg.columns.map((c) => [c.name, c.suggestedEncoding])),
    positiveClasses: { ...preset?.positiveClasses },
    balanceClasses: {},
    chainedTo: {},
    thresholds: {},
    weights: Object.fromEntries(msg.columns.map((c) => [c.name, 1])),
    enabled: {},
    ...dataDefaults(state, msg),
    ...loading,
    alert: current ? (msg.report.alert ?? state.pendingAlert) : state.alert,
  };
}

/**
 * The new table's data-dependent defaults (batch size, patience: src/core/settings/dataDefaults.ts)
 * replace the settings a person has not changed: those still at the table's default or at the
 * previous table's suggestion.
 */
function dataDefaults(state: AppState, msg: WorkerEvent<'datasetLoaded'>): Pick<AppState, 'settings' | 'suggested'> {
  const suggested = suggestedSettings({ rowCount: msg.rowCount, columns: msg.columns });
  const settings: TrainSettings = { ...state.settings, headHidden: {} };
  const untouched = (key: SettingKey) => {
    const now = JSON.stringify(state.settings[key]);
    return now === JSON.stringify(SETTINGS[key].default) || now === JSON.stringify(state.suggested[key]);
  };
  for (const key of Object.keys(suggested) as SettingKey[])
    if (untouched(key)) (settings as Record<SettingKey, unknown>)[key] = suggested[key];
  // A monitored task that is not a column of the new table means nothing there.
  if (!msg.columns.some((c) => c.name === settings.earlyStopping.monitor))
    settings.earlyStopping = { ...settings.earlyStopping, monitor: 'total' };
  return { settings, suggested };
}

/**
 * The weights the worker confirmed, and the change marked on the curves; an acknowledgement
 * older than the last one is stale.
 */
function applyAcknowledgement(state: AppState, step: number, patch: RunPatch): AppState {
  const lastMark = state.changeMarks[state.changeMarks.length - 1];
  const current = state.appliedWeights;
  if ((current && step < current.step) || (lastMark && step < lastMark.step)) return state;
  const tasks = state.run?.tasks ?? [];
  const before = {
    weights: current?.weights ?? state.run?.initialWeights ?? tasks.map(() => 1),
    enabled: current?.enabled ?? state.run?.initialEnabled ?? tasks.map(() => true),
  };
  const marked = addChangeMarks(state.changeMarks, step, patch, before, tasks);
  const changeMarks = marked === state.changeMarks ? marked : latest(marked, MAX_CHANGE_MARKS);
  if (!patch.weights && !patch.enabled) return changeMarks === state.changeMarks ? state : { ...state, changeMarks };
  const weights = patch.weights ?? before.weights;
  const enabled = patch.enabled ?? before.enabled;
  return { ...state, changeMarks, appliedWeights: { step, weights, enabled } };
}

/** One baseline epoch: a round starts with the first task's epoch 0; a repeated epoch is dropped. */
function baselineProgress(state: AppState, msg: WorkerEvent<'baselineProgress'>): AppState {
  const starting = msg.taskIndex === 0 && msg.epoch === 0;
  if (!starting && state.baselines?.status !== 'running') return state;
  const previous = starting ? [] : (state.baselines?.history ?? []);
  const history = previous.map((h) => h.slice());
  while (history.length <= msg.taskIndex) history.push([]);
  const taskHistory = history[msg.taskIndex] as TaskMetrics[];
  if (msg.metrics) {
    if (taskHistory.length >= msg.epoch) return state;
    taskHistory.push(msg.metrics);
  }
  return {
    ...state,
    baselines: { status: 'running', taskIndex: msg.taskIndex, epoch: msg.epoch, epochs: msg.epochs, history },
  };
}

/** Shows the newest validation plot data (the controller calls it at most every few seconds while training). */
export function showPendingDiagnostics(state: AppState): AppState {
  if (!state.pendingValDiagnostics) return state;
  return {
    ...state,
    diagnostics: { ...state.diagnostics, val: state.pendingValDiagnostics },
    pendingValDiagnostics: null,
  };
}
