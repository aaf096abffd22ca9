import { describe, expect, it } from 'vitest';
import { parseCsvSync } from '../core/csv/parseCsv.ts';
import type { ColumnSummary } from '../core/csv/summarizeColumns.ts';
import { message } from '../core/messages/message.ts';
import type { TaskMetrics } from '../core/metrics/taskMetrics.ts';
import type { EpochReport } from '../core/train/trainingRunner.ts';
import { inEnglish } from '../i18n/inEnglish.ts';
import type { FromWorker, WorkerEvent } from '../worker/protocol.ts';
import { MAX_CHANGE_MARKS, MAX_EPOCHS } from './boundedHistory.ts';
import { reduceWorkerEvent, showPendingDiagnostics } from './reduceWorkerEvent.ts';
import { initialState, type AppState } from './store.ts';

const column = (name: string, suggestedRole: ColumnSummary['suggestedRole']): ColumnSummary => ({
  name,
  type: 'numeric',
  kind: 'numeric',
  missing: 0,
  distinct: 10,
  topValues: [],
  suggestedRole,
  suggestedEncoding: 'numeric',
});

const loaded: WorkerEvent<'datasetLoaded'> = {
  type: 'datasetLoaded',
  loadId: 0,
  name: 'toy',
  rowCount: 100,
  columns: [column('x', 'input'), column('a', 'binary'), column('b', 'regression')],
  preview: [],
  report: { shortRows: 0, longRows: 0, blankRows: 0, firstRaggedRows: [], renamedHeaders: [], delimiter: ',' },
  loadMs: 5,
  fingerprint: { name: 'toy', rows: 100, bytes: 1000, sha256: 'ab' },
  timings: { readMs: 1, decodeMs: 1, parseMs: 1, summarizeMs: 1 },
};

const created = (runId: number): WorkerEvent<'runCreated'> => ({
  type: 'runCreated',
  requestId: 1,
  runId,
  tasks: [
    { name: 'a', kind: 'binary', numClasses: 2, classLabels: ['0', '1'] },
    { name: 'b', kind: 'regression', numClasses: 1, classLabels: [] },
  ],
  initialWeights: [1, 1],
  initialEnabled: [true, true],
  parameterCount: 10,
  inputSize: 1,
  embeddings: [],
  splitRows: { train: 70, val: 15, test: 15 },
  stepsPerEpoch: 2,
  inputColumns: ['x'],
});

const metrics = (loss: number): TaskMetrics => ({ loss, count: 15 });
const report = (epoch: number): EpochReport => ({
  epoch,
  step: epoch * 2,
  trainLoss: [1, 1],
  trainTotal: 2,
  val: [metrics(1 / epoch), metrics(2 / epoch)],
  gradientCosine: [],
  expertUsage: null,
  weights: [1, 1],
  learningRate: 0.01,
  trainMs: 1,
  evalMs: 1,
  rows: 70,
  bestEpoch: epoch,
});
const epochEnded = (runId: number, epoch: number): WorkerEvent<'epochEnded'> => ({
  type: 'epochEnded',
  runId,
  report: report(epoch),
  diagnostics: [],
  numTensors: 50,
  numBytes: 1000,
});
const losses = (runId: number, steps: number[]): WorkerEvent<'losses'> => ({
  type: 'losses',
  runId,
  steps: steps.map((step) => ({ step, epoch: 1, perTask: [1, 2], total: 3, weights: [1, 0.5] })),
  samplesPerSecond: 500,
  epoch: 0,
});

const reduceAll = (events: FromWorker[], from: AppState = initialState) => events.reduce(reduceWorkerEvent, from);
/** A state with the toy table loaded and run 1 created. */
const withRun = () => reduceAll([loaded, created(1)]);

describe('reduceWorkerEvent', () => {
  it('loadProgress, loadCancelled: shows and clears the progress; a cancel drops the pending preset', () => {
    const s = reduceAll([{ type: 'loadProgress', loadId: 0, name: 'big.csv', fraction: 0.4 }]);
    expect(s.loadProgress).toEqual({ name: 'big.csv', fraction: 0.4 });
    const preset = { roles: { a: 'binary' as const }, positiveClasses: {} };
    const c = reduceWorkerEvent(
      { ...s, pendingPreset: preset, datasetLoading: true },
      { type: 'loadCancelled', loadId: 0 },
    );
    expect(c).toMatchObject({ loadProgress: null, datasetLoading: false, pendingPreset: null });
  });

  it('an older load that answers after a newer was asked for: its table shows, the page keeps loading for the newer', () => {
    // The page asked for load 1 (the first sample), then load 2 (a lesson's) before 1 answered.
    const preset = { roles: { b: 'ignore' as const }, positiveClasses: {} };
    const asked = { ...withRun(), loadId: 2, datasetLoading: true, pendingPreset: preset };
    const stale = reduceWorkerEvent(asked, { ...loaded, loadId: 1 });
    expect(stale.dataset?.name).toBe('toy');
    expect(stale.run).toBeNull(); // the worker replaced the table, so its run is gone
    expect(stale).toMatchObject({ datasetLoading: true, pendingPreset: preset });
    expect(stale.roles.b).toBe('regression'); // the preset waits for its own table
    // Nor do a cancel or an error of the older load end the newer one.
    expect(reduceWorkerEvent(stale, { type: 'loadCancelled', loadId: 1 })).toBe(stale);
    expect(reduceWorkerEvent(stale, { type: 'loadProgress', loadId: 1, name: 'old.csv', fraction: 0.5 })).toBe(stale);
    const failed = {
      type: 'error' as const,
      source: 'load' as const,
      requestId: 1,
      message: message('messages.csv.emptyFile'),
    };
    expect(reduceWorkerEvent(stale, failed)).toBe(stale);
    const fresh = reduceWorkerEvent(stale, { ...loaded, loadId: 2 });
    expect(fresh).toMatchObject({ datasetLoading: false, pendingPreset: null });
    expect(fresh.roles.b).toBe('ignore');
    // The newer load's error does end it.
    expect(reduceWorkerEvent(stale, { ...failed, requestId: 2 }).datasetLoading).toBe(false);
  });

  it("datasetLoaded: roles from the sample's preset over the inference, every weight 1, old results cleared", () => {
    const before = { ...withRun(), pendingPreset: { roles: { b: 'ignore' as const }, positiveClasses: { a: '1' } } };
    const s = reduceWorkerEvent(before, loaded);
    expect(s.roles).toEqual({ x: 'input', a: 'binary', b: 'ignore' });
    expect(s.positiveClasses).toEqual({ a: '1' });
    expect(s.weights).toEqual({ x: 1, a: 1, b: 1 });
    expect(s.run).toBeNull();
    expect(s.dataset).not.toHaveProperty('timings');
    expect(s.pendingPreset).toBeNull();
  });

  it("datasetLoaded: the table's data-dependent defaults replace the settings a person has not changed", () => {
    // 100 rows → 70 training rows: batch 16, 5 steps an epoch → patience 20 (capped); see dataDefaults.
    const s = reduceWorkerEvent(initialState, loaded);
    expect(s.settings.batchSize).toBe(16);
    expect(s.settings.earlyStopping).toEqual({ enabled: true, monitor: 'total', patience: 20 });
    const big = { ...loaded, rowCount: 100_000 };
    expect(reduceWorkerEvent(s, big).settings.batchSize).toBe(256); // still the suggestion: follows the table
    const chosen = { ...s, settings: { ...s.settings, batchSize: 50 } };
    expect(reduceWorkerEvent(chosen, big).settings.batchSize).toBe(50); // the person's choice stays
  });

  it('backendReady and memory: shown as they come', () => {
    const reason = message('messages.backend.chosen', { backend: 'wasm' });
    const s = reduceAll([
      { type: 'backendReady', backend: 'wasm', reason },
      { type: 'memory', requestId: 1, numTensors: 4, numBytes: 64 },
    ]);
    expect(s.backend).toEqual({ name: 'wasm', reason });
    expect(s.backend && inEnglish(s.backend.reason)).toBe('Chosen: wasm.');
    expect(s.memory).toEqual({ numTensors: 4, numBytes: 64 });
  });

  it('runCreated: a new run starts with empty results; the same run announced twice changes nothing', () => {
    const s = reduceAll([epochEnded(1, 1)], withRun());
    expect(s.epochs).toHaveLength(1);
    expect(reduceWorkerEvent(s, created(1))).toBe(s);
    const next = reduceWorkerEvent(s, created(2));
    expect(next.run?.runId).toBe(2);
    expect(next.epochs).toEqual([]);
  });

  it('stateChanged: state, progress and best epoch; ignored for another run', () => {
    const change: WorkerEvent<'stateChanged'> = {
      type: 'stateChanged',
      runId: 1,
      state: 'stoppedEarly',
      epoch: 6,
      targetEpochs: 20,
      step: 12,
      bestEpoch: 3,
      restoredEpoch: 3,
    };
    const s = reduceWorkerEvent(withRun(), change);
    expect(s).toMatchObject({ runState: 'stoppedEarly', bestEpoch: 3, restoredEpoch: 3 });
    // Training on: the model no longer holds the restored epoch.
    const on = reduceWorkerEvent(s, { ...change, state: 'running', bestEpoch: undefined, restoredEpoch: undefined });
    expect(on).toMatchObject({ runState: 'running', bestEpoch: 3, restoredEpoch: null });
    expect(s.progress).toMatchObject({ epoch: 6, targetEpochs: 20, step: 12 });
    const stale = withRun();
    expect(reduceWorkerEvent(stale, { ...change, runId: 99 })).toBe(stale);
  });

  it('losses: latest weights and progress; a repeated or older batch and a reset run are ignored', () => {
    const s = reduceWorkerEvent(withRun(), losses(1, [1, 2, 3]));
    expect(s.progress).toMatchObject({ step: 3, samplesPerSecond: 500 });
    expect(s.latestWeights).toEqual([1, 0.5]);
    expect(reduceWorkerEvent(s, losses(1, [2, 3]))).toBe(s);
    const reset = reduceWorkerEvent(s, { type: 'runReset', numTensors: 4 });
    expect(reset.run).toBeNull();
    expect(reduceWorkerEvent(reset, losses(1, [4]))).toBe(reset);
  });

  it('epochEnded: appended once per epoch, in order; its plot data waits to be shown', () => {
    const s = reduceAll([epochEnded(1, 1), epochEnded(1, 2), epochEnded(1, 2), epochEnded(1, 1)], withRun());
    expect(s.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(s.bestEpoch).toBe(2); // each report says which epoch early stopping counts as best
    expect(s.memory).toEqual({ numTensors: 50, numBytes: 1000 });
    expect(s.pendingValDiagnostics?.epoch).toBe(2);
    expect(s.diagnostics.val).toBeNull();
    const shown = showPendingDiagnostics(s);
    expect(shown.diagnostics.val?.epoch).toBe(2);
    expect(shown.pendingValDiagnostics).toBeNull();
    expect(showPendingDiagnostics(shown)).toBe(shown);
  });

  it('an hour of epochs stays bounded: the first, the best and the latest 500 whole, the rest sampled', () => {
    let s = withRun();
    for (let e = 1; e <= 3000; e++) {
      const r = epochEnded(1, e);
      s = reduceWorkerEvent(s, { ...r, report: { ...r.report, bestEpoch: Math.min(e, 777) } });
    }
    const kept = s.epochs.map((e) => e.epoch);
    expect(kept.length).toBeLessThanOrEqual(MAX_EPOCHS);
    expect(kept.slice(0, 1)).toEqual([1]);
    expect(kept).toContain(777);
    expect(kept.slice(-500)).toEqual(Array.from({ length: 500 }, (_, i) => 2501 + i));
    expect(s.bestEpoch).toBe(777);
  });

  it('validationDiagnostics and testEvaluated: shown at once, with their epoch', () => {
    const s = reduceAll(
      [
        epochEnded(1, 1),
        { type: 'validationDiagnostics', runId: 1, epoch: 1, diagnostics: [] },
        { type: 'testEvaluated', runId: 1, epoch: 1, metrics: [metrics(0.5)], diagnostics: [] },
      ],
      withRun(),
    );
    expect(s.diagnostics.val?.epoch).toBe(1);
    expect(s.pendingValDiagnostics).toBeNull(); // the restored epoch's data wins over the last epoch's
    expect(s.testMetrics).toEqual({ epoch: 1, metrics: [metrics(0.5)] });
  });

  it('applied: weights by task index from the step they apply; an older acknowledgement arriving late is dropped', () => {
    const s = reduceAll(
      [
        { type: 'applied', runId: 1, step: 5, patch: { weights: [2, 0] } },
        { type: 'applied', runId: 1, step: 9, patch: { enabled: [true, false] } },
        { type: 'applied', runId: 1, step: 7, patch: { weights: [3, 3] } },
      ],
      withRun(),
    );
    expect(s.appliedWeights).toEqual({ step: 9, weights: [2, 0], enabled: [true, false] });
    const lr = reduceWorkerEvent(s, { type: 'applied', runId: 1, step: 10, patch: { learningRate: 0.1 } });
    expect(lr.appliedWeights?.step).toBe(9);
  });

  it('baselines: progress per task and epoch, a repeated epoch once; done keeps the history; cancelled clears', () => {
    const progress = (taskIndex: number, epoch: number, loss?: number): WorkerEvent<'baselineProgress'> => ({
      type: 'baselineProgress',
      runId: 1,
      taskIndex,
      epoch,
      epochs: 2,
      ...(loss === undefined ? {} : { metrics: metrics(loss) }),
    });
    const s = reduceAll(
      [progress(0, 0), progress(0, 1, 0.9), progress(0, 1, 0.9), progress(1, 0), progress(1, 1, 0.5)],
      withRun(),
    );
    expect(s.baselines?.history.map((h) => h.map((m) => m.loss))).toEqual([[0.9], [0.5]]);
    const done = reduceWorkerEvent(s, {
      type: 'baselinesDone',
      runId: 1,
      epochs: 2,
      single: [metrics(1)],
      multi: [metrics(2)],
      singleTest: null,
      multiTest: null,
    });
    expect(done.baselines).toMatchObject({ status: 'done', epochs: 2, history: [[metrics(0.9)], [metrics(0.5)]] });
    // A late progress event of the finished round does not reopen it; a new round starts at task 0, epoch 0.
    expect(reduceWorkerEvent(done, progress(1, 2, 0.4))).toBe(done);
    expect(reduceWorkerEvent(done, progress(0, 0)).baselines?.history).toEqual([[]]);
    expect(reduceWorkerEvent(s, { type: 'baselinesCancelled', runId: 1 }).baselines).toBeNull();
  });

  it('error: shows the alert, stops a load and running baselines, keeps finished results', () => {
    const badFile = message('messages.csv.emptyFile');
    const no = message('messages.patch.monitor');
    const running = reduceWorkerEvent(withRun(), {
      type: 'baselineProgress',
      runId: 1,
      taskIndex: 0,
      epoch: 0,
      epochs: 2,
    });
    const s = reduceWorkerEvent(
      { ...running, datasetLoading: true, loadProgress: { name: 'f', fraction: 0.1 } },
      { type: 'error', message: badFile, source: 'load', requestId: 0 },
    );
    expect(s).toMatchObject({ alert: badFile, datasetLoading: false, loadProgress: null });
    expect(s.alert && inEnglish(s.alert)).toBe(
      'The file is empty. Choose a CSV file with a header row and at least one data row.',
    );
    expect(s.baselines?.status).toBe('running'); // a load's error is not the baselines'
    expect(s.run?.runId).toBe(1);
    // A refused live change says so and leaves the rest alone; a run's error ends running baselines.
    const refused = reduceWorkerEvent(running, { type: 'error', message: no, source: 'update' });
    expect(refused).toMatchObject({ alert: no, baselines: running.baselines });
    const diverged = message('messages.worker.divergedTotal', { step: 3, restoredStep: 2 });
    expect(reduceWorkerEvent(running, { type: 'error', message: diverged }).baselines).toBeNull();
  });

  it("datasetLoaded: the parse report's alert is shown, else the one waiting for the table (a share link's)", () => {
    const { report } = parseCsvSync('a,b\n1,2\n"3,4\n5,6\n');
    const alerted = reduceWorkerEvent(initialState, { ...loaded, report });
    expect(alerted.alert && inEnglish(alerted.alert)).toBe(
      'Data row 2 opens a quote (") that never closes, which would have merged the next line into one cell: the quote was read as a plain character. Check that row in the file; the dataset summary lists every problem.',
    );
    const waiting = message('messages.settings.unreadable');
    const s = reduceWorkerEvent({ ...initialState, pendingAlert: waiting }, loaded);
    expect(s).toMatchObject({ alert: waiting, pendingAlert: null });
  });

  it('modelExported changes no state (the controller downloads it)', () => {
    const s = withRun();
    expect(reduceWorkerEvent(s, { type: 'modelExported', requestId: 1, bundle: '{}' })).toBe(s);
  });

  it('workerLost: the run and the backend go with the worker, the table and settings stay, and the page says so', () => {
    const s = reduceAll([epochEnded(1, 1), { type: 'workerLost' }], withRun());
    expect(s).toMatchObject({ run: null, epochs: [], backend: null, runState: 'idle' });
    expect(s.dataset?.name).toBe('toy');
    expect(s.alert?.key).toBe('messages.worker.restarted');
  });

  it('an imported model is the one in use until a run is created; predictions replace the last ones', () => {
    const imported = {
      type: 'modelImported' as const,
      requestId: 3,
      fileName: 'm.json',
      dataset: { name: 'toy', rows: 100 },
      epochs: 4,
      tasks: [],
      inputColumns: ['x'],
    };
    const s = reduceAll([{ type: 'runReset', numTensors: 0 }, imported], { ...withRun(), modelBusy: 'import' });
    expect(s).toMatchObject({ modelBusy: null, importedModel: { fileName: 'm.json', inputColumns: ['x'] } });
    expect(reduceWorkerEvent(s, created(2)).importedModel).toBeNull();
    const failed = reduceWorkerEvent(
      { ...s, modelBusy: 'predict' },
      { type: 'error', source: 'model', requestId: 4, message: message('messages.bundle.noModel') },
    );
    expect(failed).toMatchObject({ modelBusy: null, importedModel: { fileName: 'm.json' } });
  });

  it('runReset: every result of the run goes, the table and settings stay', () => {
    const s = reduceAll([epochEnded(1, 1), losses(1, [1, 2]), { type: 'runReset', numTensors: 4 }], withRun());
    expect(s).toMatchObject({ run: null, runState: 'idle', epochs: [], latestWeights: null });
    expect(s.dataset?.name).toBe('toy');
    expect(s.weights).toEqual({ x: 1, a: 1, b: 1 });
  });
});

describe('change marks on the curves', () => {
  const applied = (step: number, patch: WorkerEvent<'applied'>['patch']): WorkerEvent<'applied'> => ({
    type: 'applied',
    runId: 1,
    step,
    patch,
  });

  it('labels each acknowledged change at its step: a weight, a switch, the strategy, the learning rate', () => {
    const s = reduceAll(
      [
        applied(40, { weights: [0, 1] }),
        applied(100, { enabled: [false, true] }),
        applied(200, { weighting: { strategy: 'uncertainty', dwaTemperature: 2, gradNormAlpha: 1.5 } }),
        applied(300, { learningRate: 0.01 }),
        applied(400, { earlyStopping: { enabled: true, monitor: 'total', patience: 3 } }),
      ],
      withRun(),
    );
    expect(s.changeMarks.map((m) => [m.step, inEnglish(m.label)])).toEqual([
      [40, 'a → 0'],
      [100, 'a off'],
      [200, 'Weighting: Uncertainty'],
      [300, 'Learning rate 0.01'],
    ]);
  });

  it('a weight moved every few seconds for an hour: the latest marks only', () => {
    let s = withRun();
    for (let i = 1; i <= 1000; i++) s = reduceWorkerEvent(s, applied(i * 100, { weights: [i % 2, 1] }));
    expect(s.changeMarks).toHaveLength(MAX_CHANGE_MARKS);
    expect(s.changeMarks.at(-1)?.step).toBe(100_000);
    expect(s.changeMarks[0]?.step).toBe((1001 - MAX_CHANGE_MARKS) * 100);
    expect(s.appliedWeights?.weights).toEqual([0, 1]);
  });

  it('one drag (acknowledgements a few steps apart) is one mark, from where it started to where it ended', () => {
    const s = reduceAll(
      [applied(50, { weights: [0.8, 1] }), applied(54, { weights: [0.4, 1] }), applied(58, { weights: [0.2, 2] })],
      withRun(),
    );
    expect(s.changeMarks.map((m) => [m.step, inEnglish(m.label)])).toEqual([[58, 'a → 0.2 · b → 2']]);
    // Dragged back to where it was: no change left to mark.
    expect(reduceWorkerEvent(s, applied(60, { weights: [1, 1] })).changeMarks).toEqual([]);
    // An acknowledgement that changes nothing marks nothing; a late, older one is dropped.
    const same = reduceWorkerEvent(withRun(), applied(10, { weights: [1, 1] }));
    expect(same.changeMarks).toEqual([]);
    expect(reduceWorkerEvent(s, applied(20, { weights: [3, 3] }))).toBe(s);
  });
});
