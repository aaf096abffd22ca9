/**
 * Connects the worker to the store: turns worker events into state (loss points batched and
 * flushed a few times a second, so drawing never competes with training) and user actions into
 * commands.
 */
import { DEFAULT_SAMPLE_ID, SAMPLE_DATASETS } from '../core/data/sampleDatasets.ts';
import type { TaskMetrics } from '../core/metrics/taskMetrics.ts';
import type { BackendChoice, ColumnRole, InputEncoding } from '../core/types.ts';
import type { TrainingClient } from '../worker/client.ts';
import type { FromWorker, RunConfig } from '../worker/protocol.ts';
import { LossSeries } from './lossSeries.ts';
import type { WeightingConfig } from '../core/weighting/strategies.ts';
import type { EarlyStoppingConfig } from '../worker/protocol.ts';
import {
  appStore,
  ARCHITECTURE_SETTINGS,
  initialState,
  type AppState,
  type SplitDiagnostics,
  type TrainSettings,
} from './store.ts';

const CHART_FLUSH_MS = 1000;
/** How often the validation diagnostic plots may redraw while training runs. */
const DIAGNOSTICS_FLUSH_MS = 10_000;
/** Slider drags send at most one weight update per this interval (the last value always goes). */
const WEIGHT_SEND_MS = 100;

export interface Controller {
  loadSample(id: string): void;
  loadFile(file: File): void;
  cancelLoad(): void;
  setRole(column: string, role: ColumnRole): void;
  setEncoding(column: string, encoding: InputEncoding): void;
  setPositiveClass(column: string, label: string): void;
  setBalanceClasses(column: string, on: boolean): void;
  /** Changes settings; one that redefines the network during a run first asks (see confirmPendingChange). */
  setSettings(patch: Partial<TrainSettings>): void;
  confirmPendingChange(apply: boolean): void;
  setWeight(task: string, weight: number): void;
  setTaskEnabled(task: string, on: boolean): void;
  setWeighting(config: WeightingConfig): void;
  setLearningRate(learningRate: number): void;
  setEarlyStopping(config: EarlyStoppingConfig): void;
  setLossView(view: 'raw' | 'weighted'): void;
  setThreshold(task: string, threshold: number): void;
  setBackend(choice: BackendChoice): void;
  train(): void;
  pause(): void;
  step(): void;
  reset(): void;
  exportModel(): void;
  evaluateTest(): void;
  trainBaselines(): void;
  cancelBaselines(): void;
  dismissAlert(): void;
  dispose(): void;
}

export function createController(client: TrainingClient): Controller {
  const set = (patch: Partial<AppState>) => appStore.setState(patch);
  const get = () => appStore.getState();
  const series = new LossSeries();
  let dirty = false;
  let pendingPreset: { roles: Record<string, ColumnRole>; positiveClasses: Record<string, string> } | null = null;
  let weightsDirty = false;
  let weightTimer: ReturnType<typeof setTimeout> | null = null;
  const sendWeights = () => {
    weightTimer = null;
    if (!weightsDirty) return;
    weightsDirty = false;
    client.send({ type: 'setWeights', weights: get().weights, enabled: get().enabled });
    weightTimer = setTimeout(sendWeights, WEIGHT_SEND_MS);
  };
  const queueWeights = () => {
    weightsDirty = true;
    if (!weightTimer) sendWeights();
  };

  // The validation plots redraw at most every DIAGNOSTICS_FLUSH_MS while training runs (an epoch
  // can take half a second and redrawing every plot is heavy); at once otherwise.
  let pendingDiagnostics: SplitDiagnostics | null = null;
  let lastDiagnosticsMs = -Infinity;
  const showDiagnostics = (val: SplitDiagnostics) => {
    pendingDiagnostics = null;
    lastDiagnosticsMs = performance.now();
    set({ diagnostics: { ...get().diagnostics, val } });
  };
  const flushDiagnostics = (force: boolean) => {
    if (pendingDiagnostics && (force || performance.now() - lastDiagnosticsMs >= DIAGNOSTICS_FLUSH_MS))
      showDiagnostics(pendingDiagnostics);
  };

  const flushTimer = setInterval(() => {
    flushDiagnostics(false);
    if (!dirty) return;
    dirty = false;
    const weightPoints = series.takeWeightSnapshot();
    set(weightPoints ? { lossPoints: series.snapshot(), weightPoints } : { lossPoints: series.snapshot() });
  }, CHART_FLUSH_MS);

  const clearResults = () => {
    series.clear();
    dirty = false;
    pendingDiagnostics = null;
    set({
      testMetrics: null,
      diagnostics: { val: null, test: null },
      baselines: null,
      lossPoints: [],
      weightPoints: [],
      epochs: [],
      run: null,
      progress: initialState.progress,
      appliedWeights: null,
      latestWeights: null,
      bestEpoch: null,
    });
  };

  const onEvent = (msg: FromWorker) => {
    switch (msg.type) {
      case 'loadProgress':
        set({ loadProgress: { name: msg.name, fraction: msg.fraction } });
        break;
      case 'loadCancelled':
        pendingPreset = null;
        set({ loadProgress: null, datasetLoading: false });
        break;
      case 'datasetLoaded': {
        performance.mark('mtl:dataset-ready', { detail: msg.timings ?? null });
        const roles = Object.fromEntries(
          msg.columns.map((c) => [c.name, pendingPreset?.roles[c.name] ?? c.suggestedRole]),
        );
        const encodings = Object.fromEntries(msg.columns.map((c) => [c.name, c.suggestedEncoding]));
        const positiveClasses = { ...pendingPreset?.positiveClasses };
        pendingPreset = null;
        const weights = Object.fromEntries(msg.columns.map((c) => [c.name, 1]));
        const settings = get().settings;
        clearResults();
        set({
          dataset: {
            name: msg.name,
            rowCount: msg.rowCount,
            columns: msg.columns,
            preview: msg.preview,
            report: msg.report,
            loadMs: msg.loadMs,
            ...(msg.encodingNote ? { encodingNote: msg.encodingNote } : {}),
          },
          roles,
          encodings,
          positiveClasses,
          balanceClasses: {},
          thresholds: {},
          weights,
          enabled: {},
          settings: { ...settings, headHidden: {}, earlyStopping: { ...settings.earlyStopping, monitor: 'total' } },
          datasetLoading: false,
          loadProgress: null,
          alert: null,
        });
        break;
      }
      case 'backendReady':
        set({ backend: { name: msg.backend, reason: msg.reason } });
        client.send({ type: 'getMemory' });
        break;
      case 'runCreated':
        set({
          run: {
            tasks: msg.tasks,
            parameterCount: msg.parameterCount,
            inputSize: msg.inputSize,
            embeddings: msg.embeddings,
            splitRows: msg.splitRows,
            stepsPerEpoch: msg.stepsPerEpoch,
          },
        });
        break;
      case 'stateChanged':
        if (msg.state !== 'running') {
          series.releaseTail();
          dirty = true;
          flushDiagnostics(true);
        }
        set({
          runState: msg.state,
          bestEpoch: msg.bestEpoch ?? null,
          progress: { ...get().progress, epoch: msg.epoch, targetEpochs: msg.targetEpochs, step: msg.step },
        });
        break;
      case 'losses': {
        series.add(msg.steps);
        dirty = true;
        const last = msg.steps[msg.steps.length - 1];
        if (last)
          set({
            latestWeights: last.weights,
            progress: {
              epoch: msg.epoch,
              targetEpochs: msg.targetEpochs,
              step: last.step,
              samplesPerSecond: msg.samplesPerSecond,
            },
          });
        break;
      }
      case 'epochEnded':
        if (get().epochs.length === 0) performance.mark('mtl:first-epoch-end');
        set({ epochs: [...get().epochs, msg.report], memory: { numTensors: msg.numTensors, numBytes: msg.numBytes } });
        pendingDiagnostics = { epoch: msg.report.epoch, tasks: msg.diagnostics };
        flushDiagnostics(get().runState !== 'running');
        break;
      case 'weightsApplied':
        set({ appliedWeights: { step: msg.step, weights: msg.weights, enabled: msg.enabled } });
        break;
      case 'settingApplied':
        break;
      case 'runReset':
        clearResults();
        client.send({ type: 'getMemory' });
        break;
      case 'baselineProgress':
        {
          // A new round of baselines starts with the first task's epoch 0.
          const previous = msg.taskIndex === 0 && msg.epoch === 0 ? [] : (get().baselines?.history ?? []);
          const history = previous.map((h) => h.slice());
          while (history.length <= msg.taskIndex) history.push([]);
          if (msg.metrics) (history[msg.taskIndex] as TaskMetrics[]).push(msg.metrics);
          set({
            baselines: { status: 'running', taskIndex: msg.taskIndex, epoch: msg.epoch, epochs: msg.epochs, history },
          });
        }
        break;
      case 'baselinesDone':
        set({
          baselines: {
            status: 'done',
            epochs: msg.epochs,
            history: get().baselines?.history ?? [],
            single: msg.single,
            multi: msg.multi,
            singleTest: msg.singleTest,
            multiTest: msg.multiTest,
          },
        });
        break;
      case 'baselinesCancelled':
        set({ baselines: null });
        break;
      case 'validationDiagnostics':
        showDiagnostics({ epoch: msg.epoch, tasks: msg.diagnostics });
        break;
      case 'testEvaluated':
        set({
          testMetrics: { epoch: msg.epoch, metrics: msg.metrics },
          diagnostics: { ...get().diagnostics, test: { epoch: msg.epoch, tasks: msg.diagnostics } },
        });
        break;
      case 'modelExported':
        saveFile('model.json', new Blob([msg.modelJson], { type: 'application/json' }));
        saveFile('weights.bin', new Blob([msg.weights], { type: 'application/octet-stream' }));
        break;
      case 'memory':
        set({ memory: { numTensors: msg.numTensors, numBytes: msg.numBytes } });
        break;
      case 'error':
        pendingPreset = null;
        set({
          alert: msg.message,
          datasetLoading: false,
          loadProgress: null,
          baselines: get().baselines?.status === 'running' ? null : get().baselines,
        });
        break;
    }
  };
  const unsubscribe = client.subscribe(onEvent);

  const runConfig = (): RunConfig => {
    const { settings, roles, weights, enabled, encodings, positiveClasses, balanceClasses } = get();
    return { ...settings, roles, weights, enabled, encodings, positiveClasses, balanceClasses };
  };

  const controller: Controller = {
    loadSample(id) {
      const sample =
        SAMPLE_DATASETS.find((s) => s.id === id) ?? SAMPLE_DATASETS.find((s) => s.id === DEFAULT_SAMPLE_ID);
      if (!sample) return;
      pendingPreset = { roles: sample.roles, positiveClasses: sample.positiveClasses ?? {} };
      set({ sampleId: sample.id, datasetLoading: true, alert: null });
      const source =
        sample.source.kind === 'file'
          ? { kind: 'url' as const, url: new URL(sample.source.path, document.baseURI).href, name: sample.label }
          : {
              kind: 'generated' as const,
              generator: sample.source.generator,
              seed: sample.source.seed,
              name: sample.label,
            };
      client.send({ type: 'loadDataset', source });
    },
    loadFile(file) {
      performance.mark('mtl:file-picked');
      pendingPreset = null;
      set({ datasetLoading: true, alert: null, loadProgress: { name: file.name, fraction: 0 } });
      client.send({ type: 'loadDataset', source: { kind: 'file', file } });
    },
    cancelLoad() {
      client.send({ type: 'cancelLoad' });
    },
    setRole(column, role) {
      set({ roles: { ...get().roles, [column]: role } });
    },
    setEncoding(column, encoding) {
      set({ encodings: { ...get().encodings, [column]: encoding } });
    },
    setPositiveClass(column, label) {
      // A threshold on the old positive class's score would mean the opposite now.
      const thresholds = { ...get().thresholds };
      delete thresholds[column];
      set({ positiveClasses: { ...get().positiveClasses, [column]: label }, thresholds });
    },
    setBalanceClasses(column, on) {
      set({ balanceClasses: { ...get().balanceClasses, [column]: on } });
    },
    setSettings(patch) {
      const redefines = Object.keys(patch).some((k) => ARCHITECTURE_SETTINGS.includes(k as keyof TrainSettings));
      if (redefines && get().run) {
        set({
          pendingChange: {
            message:
              'This change defines a new network, so the trained weights and curves will be discarded. Apply it?',
            patch,
          },
        });
        return;
      }
      set({ settings: { ...get().settings, ...patch } });
    },
    confirmPendingChange(apply) {
      const pending = get().pendingChange;
      set({ pendingChange: null });
      if (!pending || !apply) return;
      client.send({ type: 'reset' });
      set({ settings: { ...get().settings, ...pending.patch } });
    },
    setThreshold(task, threshold) {
      set({ thresholds: { ...get().thresholds, [task]: threshold } });
    },
    setWeight(task, weight) {
      set({ weights: { ...get().weights, [task]: weight } });
      queueWeights();
    },
    setTaskEnabled(task, on) {
      set({ enabled: { ...get().enabled, [task]: on } });
      queueWeights();
    },
    setWeighting(config) {
      set({ settings: { ...get().settings, weighting: config } });
      client.send({ type: 'setWeighting', config });
    },
    setLearningRate(learningRate) {
      set({ settings: { ...get().settings, learningRate } });
      client.send({ type: 'setLearningRate', learningRate });
    },
    setEarlyStopping(config) {
      set({ settings: { ...get().settings, earlyStopping: config } });
      client.send({ type: 'setEarlyStopping', config });
    },
    setLossView(view) {
      set({ lossView: view });
    },
    setBackend(choice) {
      set({ backendChoice: choice });
      client.send({ type: 'setBackend', choice });
    },
    train() {
      set({ alert: null });
      client.send({ type: 'train', config: runConfig() });
    },
    pause() {
      client.send({ type: 'pause' });
    },
    step() {
      set({ alert: null });
      client.send({ type: 'step', config: runConfig() });
    },
    reset() {
      client.send({ type: 'reset' });
    },
    exportModel() {
      client.send({ type: 'exportModel' });
    },
    evaluateTest() {
      client.send({ type: 'evaluateTest' });
    },
    trainBaselines() {
      set({ alert: null });
      client.send({ type: 'trainBaselines' });
    },
    cancelBaselines() {
      client.send({ type: 'cancelBaselines' });
    },
    dismissAlert() {
      set({ alert: null });
    },
    dispose() {
      clearInterval(flushTimer);
      if (weightTimer) clearTimeout(weightTimer);
      unsubscribe();
    },
  };
  return controller;
}

/** Hands a file made in this tab to the browser's downloads (an object URL: nothing is uploaded). */
export function saveFile(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
