/**
 * The page's commands: user actions → store changes and worker commands. Worker events go
 * through the pure reducer (reduceWorkerEvent); what they cause beyond state — chart buffering,
 * downloads, a memory request — happens here. Live settings go to a running run as `update`
 * patches by task index; a setting that redefines the run first asks (settings table).
 */
import { message, messages } from '../core/messages/message.ts';
import { defaultSettings, redefiningKeys } from '../core/settings/settingsTable.ts';
import { lessonById } from '../lessons/lessons.ts';
import type { BackendChoice, ColumnRole, EngineChoice, InputEncoding } from '../core/types.ts';
import type { WeightingConfig } from '../core/weighting/strategies.ts';
import type { TrainingClient } from '../worker/client.ts';
import type { DatasetSource, EarlyStoppingConfig, FromWorker, RunConfig, RunInfo } from '../worker/protocol.ts';
import { ChartBuffer } from './chartBuffer.ts';
import { createLessonTracker } from './lessonTracker.ts';
import { livePatch } from './livePatch.ts';
import { createModelActions, type ModelActions } from './modelActions.ts';
import { createRunKeeper, type RunActions } from './runKeeper.ts';
import type { RunStorage } from './runStorage.ts';
import { reduceWorkerEvent } from './reduceWorkerEvent.ts';
import { sampleSource } from './sampleSource.ts';
import {
  classroomLinkFor,
  sharedFileCheck,
  shareLinkFor,
  type ClassroomOptions,
  type SharedSetup,
} from './shareLink.ts';
import { appStore, type AppState, type TrainSettings } from './store.ts';
import { createWeightSender } from './weightSender.ts';
import { createWorkerRecovery } from './workerRecovery.ts';

export interface Controller extends ModelActions, RunActions {
  /** Opens a shared setup (from a link): its settings, its sample; what was wrong with the link is said. */
  openShared(setup: SharedSetup): void;
  /** A link to the current setup: the sample and the settings (never the data). */
  shareLink(base: string): string;
  /** A classroom link: the setup (or a lesson), what to hide and the language. */
  classroomLink(base: string, options: ClassroomOptions): string;
  /** Shows whatever a classroom link hid. */
  showEverything(): void;
  /** Loads a built-in sample; `correlation` sets the correlated-tasks sample's task correlation. */
  loadSample(id: string, options?: { correlation?: number; roles?: Record<string, ColumnRole> }): void;
  /** Opens a lesson: its sample, roles, settings and weights (the current run goes), and its panel. */
  openLesson(id: string): void;
  closeLesson(): void;
  loadFile(file: File): void;
  cancelLoad(): void;
  setRole(column: string, role: ColumnRole): void;
  setEncoding(column: string, encoding: InputEncoding): void;
  setPositiveClass(column: string, label: string): void;
  setBalanceClasses(column: string, on: boolean): void;
  /** Chains a binary task to the binary task it is observed after (ESMM), or unchains it (null). */
  setChainedTo(column: string, condition: string | null): void;
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
  /** Which engine takes the steps; a run that trains pauses, and goes on from where it is. */
  setEngine(choice: EngineChoice): void;
  train(): void;
  pause(): void;
  step(): void;
  reset(): void;
  evaluateTest(): void;
  /** Puts the best epoch's weights back (a run until paused keeps going past it). */
  restoreBest(): void;
  trainBaselines(): void;
  cancelBaselines(): void;
  dismissAlert(): void;
  dispose(): void;
}

/** storage: where runs are kept (null: none are, as in the lesson rehearsals under Node). */
export function createController(client: TrainingClient, storage: RunStorage | null = null): Controller {
  const set = (patch: Partial<AppState>) => appStore.setState(patch);
  const get = () => appStore.getState();
  const charts = new ChartBuffer(get, set);
  let nextRequestId = 1;
  const models = createModelActions(client, appStore, () => nextRequestId++);
  const keeper = storage
    ? createRunKeeper({
        client,
        store: appStore,
        storage,
        nextRequestId: () => nextRequestId++,
        loadSample: (id, correlation) => controller.loadSample(id, correlation === undefined ? {} : { correlation }),
        sentConfig: (requestId) => (requestId === creatingId ? creating : null),
      })
    : null;
  /** The config of a createRun the worker has not answered yet, and that request's id. */
  let creating: RunConfig | null = null;
  let creatingId = 0;
  /** A Reset was sent and its `runReset` has not come back: the run on the page is already gone. */
  let resetting = false;
  const sendReset = () => {
    resetting = get().run !== null;
    creating = null;
    client.send({ type: 'reset' });
  };

  const weightSender = createWeightSender(client, appStore);
  const queueWeights = () => weightSender.queue();
  const requestMemory = () => client.send({ type: 'getMemory', requestId: nextRequestId++ });

  /** What changed on the page between createRun and runCreated goes to the new run at once. */
  const catchUp = (sent: RunConfig, run: RunInfo) => {
    const { settings, weights, enabled } = get();
    const changed = (['learningRate', 'weighting', 'earlyStopping', 'maxStepsPerSecond'] as const).filter(
      (k) => JSON.stringify(settings[k]) !== JSON.stringify(sent[k]),
    );
    const patch = livePatch(Object.fromEntries(changed.map((k) => [k, settings[k]])), run);
    if (settings.runUntilPaused !== sent.runUntilPaused || settings.epochs !== sent.epochs)
      patch.untilEpoch = settings.runUntilPaused ? null : settings.epochs;
    if (Object.keys(patch).length > 0) client.send({ type: 'update', patch });
    if (JSON.stringify([weights, enabled]) !== JSON.stringify([sent.weights, sent.enabled])) queueWeights();
  };

  const lessons = createLessonTracker(appStore);

  const recovery = createWorkerRecovery({
    client,
    store: appStore,
    sendLoad: (source, patch) => sendLoad(source, patch),
    reopenAfterLoad: (id, loadId) => keeper?.reopenAfterLoad(id, loadId),
  });

  const onEvent = (msg: FromWorker) => {
    models.onEvent(msg);
    const before = get();
    const after = reduceWorkerEvent(before, msg);
    if (after !== before) appStore.setState(after, true);
    keeper?.onEvent(msg);
    if (msg.type === 'workerLost') {
      creating = null; // the lost worker's answers will never come
      resetting = false;
      recovery.recover(before.savedRunId);
    }
    if (msg.type === 'datasetLoaded') lessons.tableLoaded(msg.loadId);
    if (msg.type === 'loadCancelled') lessons.loadEnded(msg.loadId);
    if (msg.type === 'error' && msg.source === 'load' && msg.requestId !== undefined) lessons.loadEnded(msg.requestId);
    const runChanged = after.run?.runId !== before.run?.runId;
    if (runChanged || msg.type === 'datasetLoaded') charts.clear();
    switch (msg.type) {
      case 'datasetLoaded': {
        performance.mark('mtl:dataset-ready', { detail: msg.timings ?? null });
        recovery.loaded(msg.loadId);
        const expected = get().expectedFile;
        if (expected && get().datasetFromFile && msg.loadId === get().loadId)
          set({ expectedFile: null, alert: sharedFileCheck(expected, msg.fingerprint) });
        break;
      }
      case 'runCreated':
        if (creating && runChanged) catchUp(creating, msg);
        creating = null;
        resetting = false;
        break;
      case 'runReset':
        resetting = false;
        requestMemory();
        break;
      case 'backendReady':
        requestMemory();
        break;
      case 'stateChanged':
        if (after !== before && msg.state !== 'running') charts.settle();
        break;
      case 'losses':
        if (after !== before) charts.add(msg.steps.filter((s) => s.step > before.progress.step));
        break;
      case 'epochEnded':
        if (after !== before) {
          if (before.epochs.length === 0) performance.mark('mtl:first-epoch-end');
          charts.diagnosticsArrived();
        }
        break;
      case 'error':
        if (msg.source === 'load') break; // its requestId is a loadId, not one of the requests below
        if (msg.requestId !== undefined && msg.requestId === creatingId) creating = null;
        break;
    }
  };
  const unsubscribe = client.subscribe(onEvent);

  /** Creates the run first when there is none (or one is being created). */
  const ensureRun = () => {
    if ((get().run && !resetting) || creating || keeper?.isResuming()) return;
    const { settings, roles, weights, enabled, encodings, positiveClasses, balanceClasses, chainedTo } = get();
    creating = { ...settings, roles, weights, enabled, encodings, positiveClasses, balanceClasses, chainedTo };
    creatingId = nextRequestId++;
    client.send({ type: 'createRun', config: creating, requestId: creatingId });
  };

  /** The epoch `train` aims at: none when running until paused; a run past Epochs trains that many more. */
  const targetEpoch = (): number | null => {
    const { settings, progress, run } = get();
    if (settings.runUntilPaused) return null;
    const done = run && !resetting ? progress.epoch : 0;
    return done >= settings.epochs ? done + settings.epochs : settings.epochs;
  };

  const applySettings = (patch: Partial<TrainSettings>) => {
    // Typing an epoch count asks for a run of that length.
    const full = patch.epochs !== undefined ? { ...patch, runUntilPaused: false } : patch;
    set({ settings: { ...get().settings, ...full } });
    const { run, runState, progress, settings } = get();
    if (!run) return;
    const live = livePatch(full, run);
    if (runState === 'running' && (full.epochs !== undefined || full.runUntilPaused !== undefined)) {
      // While it trains, the target moves; switching "until paused" off finishes at least the current epoch.
      live.untilEpoch = settings.runUntilPaused ? null : Math.max(settings.epochs, progress.epoch + 1);
    }
    if (Object.keys(live).length > 0) client.send({ type: 'update', patch: live });
  };

  /** Asks the worker for a table under a fresh load id (its answers carry it: see AppState.loadId). */
  const sendLoad = (source: DatasetSource, patch: Partial<AppState>) => {
    const loadId = get().loadId + 1;
    set({ datasetLoading: true, alert: null, ...patch, loadId });
    recovery.asked(loadId, source);
    client.send({ type: 'loadDataset', source, loadId });
  };

  const controller: Controller = {
    ...models.actions,
    reopenRun: (id) => keeper?.actions.reopenRun(id),
    renameRun: (id, name) => keeper?.actions.renameRun(id, name),
    deleteRun: (id) => keeper?.actions.deleteRun(id),
    compareRuns: (ids) => keeper?.actions.compareRuns(ids),
    openShared(setup) {
      const problems =
        setup.problems.length > 0 ? message('shell.link.problems', { problems: messages(setup.problems) }) : null;
      set({ hidden: setup.hidden ?? [] });
      if (setup.lessonId) controller.openLesson(setup.lessonId);
      else {
        controller.loadSample(
          setup.sampleId,
          setup.correlation === undefined ? {} : { correlation: setup.correlation },
        );
        set({ settings: setup.settings });
      }
      // After the sample's load was asked for (which forgets any file a link named), this link's file.
      set({ alert: problems, pendingAlert: problems, expectedFile: setup.file ?? null });
    },
    shareLink(base) {
      const { sampleId, settings, sampleCorrelation, datasetFromFile, dataset } = get();
      const file = datasetFromFile && dataset ? dataset.fingerprint : undefined;
      return shareLinkFor(base, datasetFromFile ? null : sampleId, settings, sampleCorrelation, file);
    },
    classroomLink(base, options) {
      const { sampleId, settings, sampleCorrelation, datasetFromFile } = get();
      return classroomLinkFor(base, datasetFromFile ? null : sampleId, settings, sampleCorrelation, options);
    },
    showEverything() {
      set({ hidden: [] });
    },
    openLesson(id) {
      const lesson = lessonById(id);
      if (!lesson) return;
      // A lesson starts from the defaults, not from what the last setup changed.
      set({ lesson: { id: lesson.id, runs: [] }, settings: defaultSettings(), suggested: {} });
      const { sampleId, correlation, roles } = lesson.preset;
      controller.loadSample(sampleId, {
        ...(correlation === undefined ? {} : { correlation }),
        ...(roles ? { roles } : {}),
      });
      lessons.expect(lesson, get().loadId);
    },
    closeLesson() {
      set({ lesson: null });
    },
    loadSample(id, options = {}) {
      const load = sampleSource(id, options.correlation);
      if (!load) return;
      const { sample, source, correlation } = load;
      // A sample opens running until paused: time to steer it (an open lesson keeps its own length).
      const settings = { ...get().settings, runUntilPaused: get().lesson ? get().settings.runUntilPaused : true };
      sendLoad(source, {
        sampleId: sample.id,
        datasetFromFile: false,
        pendingPreset: { roles: { ...sample.roles, ...options.roles }, positiveClasses: sample.positiveClasses ?? {} },
        expectedFile: null, // a sample now: a link's file is no longer what the page waits for
        settings,
        ...(correlation === undefined ? {} : { sampleCorrelation: correlation }),
      });
    },
    loadFile(file) {
      performance.mark('mtl:file-picked');
      sendLoad(
        { kind: 'file', file },
        {
          pendingPreset: null,
          loadProgress: { name: file.name, fraction: 0 },
          settings: { ...get().settings, runUntilPaused: false }, // your own data: a run of Epochs epochs
          datasetFromFile: true,
        },
      );
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
    setChainedTo(column, condition) {
      const chainedTo = { ...get().chainedTo };
      if (condition === null) delete chainedTo[column];
      else chainedTo[column] = condition;
      set({ chainedTo });
    },
    setSettings(patch) {
      if (redefiningKeys(patch).length > 0 && get().run) {
        set({
          pendingChange: { message: message('shell.confirmRedefine'), patch },
        });
        return;
      }
      applySettings(patch);
    },
    confirmPendingChange(apply) {
      const pending = get().pendingChange;
      set({ pendingChange: null });
      if (!pending || !apply) return;
      sendReset();
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
    setWeighting(weighting) {
      applySettings({ weighting });
    },
    setLearningRate(learningRate) {
      applySettings({ learningRate });
    },
    setEarlyStopping(earlyStopping) {
      applySettings({ earlyStopping });
    },
    setLossView(view) {
      set({ lossView: view });
    },
    setBackend(choice) {
      set({ backendChoice: choice });
      client.send({ type: 'setBackend', choice });
    },
    setEngine(choice) {
      set({ engineChoice: choice });
      client.send({ type: 'setEngine', choice });
    },
    train() {
      set({ alert: null });
      const untilEpoch = targetEpoch();
      ensureRun();
      client.send({ type: 'train', untilEpoch });
    },
    pause() {
      client.send({ type: 'pause' });
    },
    step() {
      set({ alert: null });
      ensureRun();
      client.send({ type: 'step' });
    },
    reset() {
      sendReset();
    },
    evaluateTest() {
      client.send({ type: 'evaluateTest' });
    },
    restoreBest() {
      client.send({ type: 'restoreBest' });
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
      charts.dispose();
      weightSender.dispose();
      unsubscribe();
      lessons.dispose();
    },
  };
  return controller;
}
