/**
 * The worker's state machine: the loaded table, the backend, the current run. It never touches
 * `self`, so it can be tested in Node with a fake `post`. Commands that change the run are
 * queued and run one at a time; Pause and weight changes act at once, between two steps.
 */
import * as tf from '@tensorflow/tfjs';
import { decodeText } from '../core/csv/decodeText.ts';
import { CsvCancelled, CsvError, parseCsv, type ParsedCsv } from '../core/csv/parseCsv.ts';
import { generateEcommerceTable } from '../core/data/ecommerceSample.ts';
import { summarizeColumns } from '../core/csv/summarizeColumns.ts';
import { cellText, type Table } from '../core/csv/table.ts';
import { PrepareError, prepareDataset } from '../core/data/prepareDataset.ts';
import { splitFractions } from '../core/data/split.ts';
import { MultiTaskTrainer } from '../core/train/multiTaskTrainer.ts';
import { TrainingRunner } from '../core/train/trainingRunner.ts';
import { createEventLoopYielder } from '../core/train/yieldToEventLoop.ts';
import type { BackendChoice } from '../core/types.ts';
import type { RunOutcome } from '../core/train/trainingRunner.ts';
import { trainSingleTaskBaselines } from './singleTaskBaselines.ts';
import type {
  DatasetSource,
  EarlyStoppingConfig,
  FromWorker,
  LoadPhases,
  RunConfig,
  RunState,
  ToWorker,
} from './protocol.ts';
import type { BackendSelection } from './selectBackend.ts';

/** Files larger than this are refused before reading (the table lives in this tab's memory). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** Progress events at most this often. */
const PROGRESS_INTERVAL_MS = 100;
const PREVIEW_ROWS = 20;

export interface SessionDeps {
  selectBackend(choice: BackendChoice): Promise<BackendSelection>;
  fetchBytes(url: string): Promise<Uint8Array>;
  yieldToEventLoop?: () => Promise<void>;
}

interface Run {
  trainer: MultiTaskTrainer;
  runner: TrainingRunner;
  targetEpochs: number;
}

/** Creates a session that answers commands through `post`. */
export function createTrainingSession(post: (msg: FromWorker) => void, deps: SessionDeps) {
  const yieldToEventLoop = deps.yieldToEventLoop ?? createEventLoopYielder();
  let table: Table | null = null;
  let backend: BackendSelection | null = null;
  let run: Run | null = null;
  let state: RunState = 'idle';
  let stopRequested = false;
  let weightsByName: Record<string, number> = {};
  let enabledByName: Record<string, boolean> = {};

  let queue: Promise<void> = Promise.resolve();
  let cancelLoadRequested = false;
  let loadQueue: Promise<void> = Promise.resolve();

  const enqueue = (work: () => Promise<void>) => {
    queue = queue.then(work).catch((e: unknown) => {
      post({ type: 'error', message: messageOf(e) });
      if (run && state === 'running') setState('paused');
    });
    return queue;
  };

  const setState = (next: RunState, bestEpoch?: number) => {
    state = next;
    post({
      type: 'stateChanged',
      state,
      epoch: run?.trainer.epochsCompleted ?? 0,
      targetEpochs: run?.targetEpochs ?? 0,
      step: run?.trainer.globalStep ?? 0,
      ...(bestEpoch ? { bestEpoch } : {}),
    });
  };

  const weightVector = (trainer: MultiTaskTrainer) => trainer.tasks.map((t) => weightsByName[t.name] ?? 1);
  const enabledVector = (trainer: MultiTaskTrainer) => trainer.tasks.map((t) => enabledByName[t.name] ?? true);
  /** The early-stopping settings in effect (the baselines copy them). */
  let earlyStopping: EarlyStoppingConfig = { enabled: false, monitor: 'total', patience: 5 };
  const earlyStoppingFor = (trainer: MultiTaskTrainer, c: EarlyStoppingConfig) => ({
    enabled: c.enabled,
    patience: c.patience,
    monitor:
      c.monitor === 'total'
        ? ('total' as const)
        : Math.max(
            0,
            trainer.tasks.findIndex((t) => t.name === c.monitor),
          ),
  });

  /** Turns a run's outcome into the state the page shows (and an alert for a divergence). */
  const settle = (outcome: RunOutcome) => {
    if (outcome.kind === 'done') setState('done');
    else if (outcome.kind === 'stoppedEarly') setState('stoppedEarly', outcome.bestEpoch);
    else if (outcome.kind === 'diverged') {
      const { step, task, restoredStep } = outcome.divergence;
      setState('paused');
      post({
        type: 'error',
        message: `Training diverged: the ${task ? `loss of "${task}"` : 'weighted total loss'} became NaN or infinite at step ${step}, so training stopped. The last good weights (step ${restoredStep}) were restored. Lower the learning rate (or turn on gradient clipping), then press Train.`,
      });
    } else setState('paused');
  };

  const disposeRun = () => {
    if (!run) return;
    run.runner.dispose();
    run.trainer.dispose();
    run = null;
    setState('idle');
    post({ type: 'runReset', numTensors: tf.memory().numTensors });
  };

  const ensureBackend = async () => {
    if (backend) return;
    backend = await deps.selectBackend('auto');
    post({ type: 'backendReady', ...backend });
  };

  const ensureRun = async (config: RunConfig): Promise<Run> => {
    await ensureBackend();
    if (run) return run;
    if (!table) throw new Error('No dataset is loaded yet. Pick a sample dataset or upload a CSV file.');
    weightsByName = { ...config.weights };
    enabledByName = { ...config.enabled };
    const data = prepareDataset(
      table,
      {
        roles: config.roles,
        encodings: config.encodings,
        positiveClasses: config.positiveClasses,
        balanceClasses: config.balanceClasses,
      },
      {
        seed: config.splitSeed,
        embeddingDim: config.embeddingDim,
        fractions: splitFractions(config.validationPercent, config.testPercent),
      },
    );
    const trainer = new MultiTaskTrainer(data, {
      trunk: config.trunk,
      experts: config.experts,
      headHidden: data.tasks.map((t) => config.headHidden[t.name] ?? 0),
      batchSize: config.batchSize,
      learningRate: config.learningRate,
      seed: config.seed,
      weights: data.tasks.map((t) => config.weights[t.name] ?? 1),
      enabled: data.tasks.map((t) => config.enabled[t.name] ?? true),
      optimizer: config.optimizer,
      schedule: config.schedule,
      l1: config.l1,
      l2: config.l2,
      clipNorm: config.clipNorm,
      weighting: config.weighting,
    });
    const runner = new TrainingRunner(
      trainer,
      {
        onLosses: (steps, samplesPerSecond) =>
          post({
            type: 'losses',
            steps,
            samplesPerSecond,
            epoch: trainer.epochsCompleted,
            targetEpochs: run?.targetEpochs ?? 0,
          }),
        onEpoch: (report, diagnostics) => {
          const memory = tf.memory();
          post({ type: 'epochEnded', report, diagnostics, numTensors: memory.numTensors, numBytes: memory.numBytes });
        },
      },
      yieldToEventLoop,
    );
    earlyStopping = config.earlyStopping;
    runner.setEarlyStopping(earlyStoppingFor(trainer, config.earlyStopping));
    run = { trainer, runner, targetEpochs: config.epochs };
    post({
      type: 'runCreated',
      tasks: trainer.tasks,
      parameterCount: trainer.parameterCount,
      inputSize: data.inputSize,
      embeddings: data.embeddings,
      splitRows: { train: data.train.rows, val: data.val.rows, test: data.test.rows },
      stepsPerEpoch: trainer.stepsPerEpoch,
    });
    return run;
  };

  const train = async (config: RunConfig) => {
    const current = await ensureRun(config);
    const done = current.trainer.epochsCompleted;
    current.targetEpochs = done >= config.epochs ? done + config.epochs : config.epochs;
    stopRequested = false;
    setState('running');
    const outcome = await current.runner.runUntil(current.targetEpochs, () => stopRequested);
    if (run === current) await afterSegment(current, outcome);
  };

  /** Shows the outcome; after early stopping the best epoch's plot data replaces the last's; a finished run is tested. */
  const afterSegment = async (current: Run, outcome: RunOutcome) => {
    settle(outcome);
    if (outcome.kind === 'stoppedEarly') {
      const { diagnostics } = await current.trainer.evaluateWithDiagnostics('val');
      post({ type: 'validationDiagnostics', epoch: outcome.bestEpoch, diagnostics });
    }
    if (run === current && (outcome.kind === 'done' || outcome.kind === 'stoppedEarly')) await evaluateTest();
  };

  let cancelBaselines = false;
  const trainBaselines = async () => {
    if (!run) throw new Error('Train the multi-task model first: the baselines use its data, split, epochs and trunk.');
    await trainSingleTaskBaselines(run.trainer, {
      earlyStopping,
      multiAtBest: state === 'stoppedEarly',
      post,
      yieldToEventLoop,
      cancelled: () => cancelBaselines,
    });
  };

  /** The held-out test split, touched only when asked or when a run finishes. */
  const evaluateTest = async () => {
    if (!run) throw new Error('There is no trained model yet. Press Train first.');
    if (run.trainer.data.test.rows === 0) return;
    const { metrics, diagnostics } = await run.trainer.evaluateWithDiagnostics('test');
    post({ type: 'testEvaluated', epoch: run.trainer.epochsCompleted, metrics, diagnostics });
  };

  const step = async (config: RunConfig) => {
    const current = await ensureRun(config);
    const outcome = await current.runner.stepAndReport();
    if (run === current) await afterSegment(current, outcome);
  };

  const loadDataset = async (source: DatasetSource) => {
    const startMs = performance.now();
    const marks: { read?: number; decode?: number; parse?: number } = {};
    cancelLoadRequested = false;
    let parsed: ParsedCsv;
    let name: string;
    let encodingNote: string | undefined;
    if (source.kind === 'generated') {
      name = source.name;
      parsed = {
        table: generateEcommerceTable(source.seed),
        report: { shortRows: 0, longRows: 0, blankRows: 0, firstRaggedRows: [], renamedHeaders: [], delimiter: ',' },
      };
    } else {
      let bytes: Uint8Array;
      if (source.kind === 'url') {
        name = source.name;
        bytes = await deps.fetchBytes(source.url);
      } else {
        name = source.file.name;
        if (source.file.size > MAX_FILE_BYTES) {
          throw new CsvError(
            `"${name}" is ${(source.file.size / 1e6).toFixed(0)} MB; the limit is ${MAX_FILE_BYTES / 1e6} MB. Use a sample of the file (for example its first rows).`,
          );
        }
        bytes = new Uint8Array(await source.file.arrayBuffer());
      }
      marks.read = performance.now();
      const decoded = decodeText(bytes);
      marks.decode = performance.now();
      encodingNote = decoded.note;
      let lastProgressMs = 0;
      parsed = await parseCsv(decoded.text, {
        onProgress: (fraction) => {
          const now = performance.now();
          if (now - lastProgressMs < PROGRESS_INTERVAL_MS && fraction < 1) return;
          lastProgressMs = now;
          post({ type: 'loadProgress', name, fraction });
        },
        shouldCancel: () => cancelLoadRequested,
        yieldToEventLoop,
      });
    }
    // Parsing ran beside any training; only a good table replaces the current one and its run.
    stopRequested = true;
    marks.parse = performance.now();
    const phases =
      marks.read && marks.decode
        ? { readMs: marks.read - startMs, decodeMs: marks.decode - marks.read, parseMs: marks.parse - marks.decode }
        : null;
    await enqueue(async () => adoptTable(parsed, name, startMs, encodingNote, phases));
  };

  const adoptTable = (
    parsed: ParsedCsv,
    name: string,
    startMs: number,
    encodingNote: string | undefined,
    phases: LoadPhases | null,
  ) => {
    disposeRun();
    table = parsed.table;
    const loaded = parsed.table;
    const previewCount = Math.min(PREVIEW_ROWS, loaded.rowCount);
    const preview = Array.from({ length: previewCount }, (_, r) => loaded.columns.map((c) => cellText(c, r)));
    const summarizeStart = performance.now();
    const columns = summarizeColumns(loaded);
    const timings = phases ? { ...phases, summarizeMs: performance.now() - summarizeStart } : undefined;
    post({
      type: 'datasetLoaded',
      name,
      rowCount: loaded.rowCount,
      columns,
      preview,
      report: parsed.report,
      loadMs: performance.now() - startMs,
      ...(encodingNote ? { encodingNote } : {}),
      ...(timings ? { timings } : {}),
    });
  };

  /** Saves the model as TF.js layers-format artifacts, with the preprocessing needed to use it. */
  const exportModel = async () => {
    if (!run) throw new Error('There is no trained model yet. Press Train first.');
    const { trainer } = run;
    trainer.model.setUserDefinedMetadata({
      tasks: trainer.tasks.map((t, k) => ({ ...t, targetScale: trainer.data.targetScales[k] ?? null })),
      featureNames: trainer.data.featureNames,
      embeddings: trainer.data.embeddings,
      epochs: trainer.epochsCompleted,
    });
    await trainer.model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        const weights = Array.isArray(artifacts.weightData)
          ? tf.io.concatenateArrayBuffers(artifacts.weightData)
          : (artifacts.weightData ?? new ArrayBuffer(0));
        const modelJson = JSON.stringify({
          modelTopology: artifacts.modelTopology,
          format: artifacts.format,
          generatedBy: artifacts.generatedBy,
          convertedBy: artifacts.convertedBy ?? null,
          userDefinedMetadata: artifacts.userDefinedMetadata,
          weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
        });
        post({ type: 'modelExported', modelJson, weights });
        return {
          modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: weights.byteLength },
        };
      }),
    );
  };

  const setBackend = async (choice: BackendChoice) => {
    disposeRun();
    backend = await deps.selectBackend(choice);
    post({ type: 'backendReady', ...backend });
  };

  return {
    /** Handles one command from the page. Resolves when that command's work (if queued) is done. */
    handle(msg: ToWorker): Promise<void> {
      switch (msg.type) {
        case 'pause':
          stopRequested = true;
          return Promise.resolve();
        case 'setWeights': {
          weightsByName = { ...weightsByName, ...msg.weights };
          enabledByName = { ...enabledByName, ...msg.enabled };
          if (run) run.trainer.setTaskWeights(weightVector(run.trainer), enabledVector(run.trainer));
          post({
            type: 'weightsApplied',
            step: run?.trainer.globalStep ?? 0,
            weights: { ...weightsByName },
            enabled: { ...enabledByName },
          });
          return Promise.resolve();
        }
        case 'setWeighting':
          run?.trainer.setWeighting(msg.config);
          post({ type: 'settingApplied', step: run?.trainer.globalStep ?? 0, what: 'weighting' });
          return Promise.resolve();
        case 'setLearningRate':
          run?.trainer.setLearningRate(msg.learningRate);
          post({ type: 'settingApplied', step: run?.trainer.globalStep ?? 0, what: 'learningRate' });
          return Promise.resolve();
        case 'setEarlyStopping':
          earlyStopping = msg.config;
          if (run) run.runner.setEarlyStopping(earlyStoppingFor(run.trainer, msg.config));
          post({ type: 'settingApplied', step: run?.trainer.globalStep ?? 0, what: 'earlyStopping' });
          return Promise.resolve();
        case 'getMemory': {
          const m = tf.memory();
          post({ type: 'memory', numTensors: m.numTensors, numBytes: m.numBytes });
          return Promise.resolve();
        }
        case 'reset':
          stopRequested = true;
          cancelBaselines = true;
          return enqueue(async () => disposeRun());
        case 'loadDataset':
          // Loads run on their own queue, so a file can be parsed while a model trains.
          loadQueue = loadQueue
            .then(() => loadDataset(msg.source))
            .catch((e: unknown) =>
              post(e instanceof CsvCancelled ? { type: 'loadCancelled' } : { type: 'error', message: messageOf(e) }),
            );
          return loadQueue;
        case 'cancelLoad':
          cancelLoadRequested = true;
          return Promise.resolve();
        case 'setBackend':
          stopRequested = true;
          return enqueue(() => setBackend(msg.choice));
        case 'train':
          return enqueue(() => train(msg.config));
        case 'step':
          return enqueue(() => step(msg.config));
        case 'exportModel':
          return enqueue(exportModel);
        case 'evaluateTest':
          return enqueue(evaluateTest);
        case 'trainBaselines':
          cancelBaselines = false; // here, not when the queued work starts: a Cancel sent meanwhile must count
          return enqueue(trainBaselines);
        case 'cancelBaselines':
          cancelBaselines = true;
          return Promise.resolve();
      }
    },
  };
}

function messageOf(e: unknown): string {
  if (e instanceof CsvError || e instanceof PrepareError) return e.message;
  if (e instanceof RangeError && /allocation|memory|Invalid array length/i.test(e.message))
    return "The file is too large for this tab's memory. Use a sample of the file.";
  if (e instanceof Error) return `Something went wrong: ${e.message}`;
  return `Something went wrong: ${String(e)}`;
}
