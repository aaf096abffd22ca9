/**
 * The typed messages between the page and the training worker. Plain data only: no tensors cross.
 *
 * A run's life: `createRun{config}` → `runCreated{runId, tasks…}`; then `train{untilEpoch}`,
 * `step`, `pause`, and `update{patch}` → `applied{step, patch}` (live settings only: a patch that
 * would redefine the network is refused with an `error`). After `runCreated` everything about a
 * task is by its index in `tasks`; names appear only at the edges (the page, exports).
 * Events about a run carry its `runId`, so the page can drop late events of a run it reset.
 */
import type { ColumnSummary } from '../core/csv/summarizeColumns.ts';
import type { ParseReport } from '../core/csv/parseCsv.ts';
import type { Message } from '../core/messages/message.ts';
import type { TaskDiagnostics } from '../core/metrics/taskDiagnostics.ts';
import type { TaskMetrics } from '../core/metrics/taskMetrics.ts';
import type { PredictionColumn } from '../core/predict/predictionColumns.ts';
import type { TrainSettings } from '../core/settings/settingsTable.ts';
import type { StepLosses } from '../core/train/lossReader.ts';
import type { EpochReport } from '../core/train/trainingRunner.ts';
import type { TrainingState } from '../core/train/multiTaskTrainer.ts';
import type {
  BackendChoice,
  BackendName,
  EngineChoice,
  ColumnRole,
  EmbeddingSpec,
  InputEncoding,
  TaskSpec,
} from '../core/types.ts';
import type { WeightingConfig } from '../core/weighting/strategies.ts';
import type { WeightsData } from './weightsData.ts';

export type { WeightsData } from './weightsData.ts';

/** Which table a run was trained on: its name, size and a hash of its bytes (never its rows). */
export interface DatasetFingerprint {
  name: string;
  rows: number;
  /** The file's size in bytes (0 for a generated sample). */
  bytes: number;
  /** SHA-256 of the file's bytes, or of a generated sample's recipe, in hex. */
  sha256: string;
}

/** Where a saved run stopped: the worker builds the run, puts these weights in, and trains on from here. */
export interface ResumePoint {
  epoch: number;
  step: number;
  weights: WeightsData;
  /** The optimisers' state, the random sequence's position…: absent in a run saved without it (it then starts those afresh). */
  training?: TrainingState;
}

export type { EarlyStoppingSettings as EarlyStoppingConfig } from '../core/settings/settingsTable.ts';

/** How each column is used: the part of a run's definition that is about the table. */
export interface ColumnSetup {
  roles: Record<string, ColumnRole>;
  encodings: Record<string, InputEncoding>;
  positiveClasses: Record<string, string>;
  balanceClasses: Record<string, boolean>;
  /** Chained binary targets (ESMM): task name → the binary task it is observed after (purchased → clicked). */
  chainedTo: Record<string, string>;
  /** Loss weight per target column name (Manual weighting), at the start. */
  weights: Record<string, number>;
  /** Tasks switched off at the start (absent = on). */
  enabled: Record<string, boolean>;
}

/** Everything `createRun` needs: the settings table's values and the column setup. */
export type RunConfig = TrainSettings & ColumnSetup;

/** Live changes to a run, by task index. Anything else redefines the run and is refused. */
export interface RunPatch {
  /** Manual loss weight per task, in task order. */
  weights?: number[];
  /** Per task, in task order: false = switched off. */
  enabled?: boolean[];
  learningRate?: number;
  weighting?: WeightingConfig;
  /** monitor: 'total' or a task index. */
  earlyStopping?: { enabled: boolean; monitor: 'total' | number; patience: number };
  /** A new target for the training under way (null = until paused). */
  untilEpoch?: number | null;
  /** At most this many steps per second, to narrate a run (0 = as fast as it goes). */
  maxStepsPerSecond?: number;
}

export type DatasetSource =
  | { kind: 'url'; url: string; name: string }
  | { kind: 'file'; file: File }
  /** A dataset generated in the worker from a seed (no file at all). */
  | { kind: 'generated'; generator: 'ecommerce'; seed: number; name: string }
  /** Two regression tasks whose weight vectors have cosine `correlation` (the MMoE paper's protocol). */
  | { kind: 'generated'; generator: 'correlated'; seed: number; correlation: number; name: string };

/** Page → worker: imperative commands. `requestId` ties a reply to its request. */
export type ToWorker =
  /** loadId: echoed by the load's datasetLoaded, loadCancelled or error (as requestId), so the page knows which load answered. */
  | { type: 'loadDataset'; source: DatasetSource; loadId: number }
  | { type: 'cancelLoad' }
  | { type: 'setBackend'; choice: BackendChoice }
  /** Which engine takes the steps (selectEngine.ts): from the current run on (it pauses a run that trains). */
  | { type: 'setEngine'; choice: EngineChoice }
  /** Builds a run (replacing any current one) from the loaded table. */
  | { type: 'createRun'; config: RunConfig; requestId: number; resume?: ResumePoint }
  /** Answered by `pong`: the page's check that the worker is alive. */
  | { type: 'ping'; id: number }
  /** Trains the current run until `untilEpoch` epochs are complete; null = until paused. */
  | { type: 'train'; untilEpoch: number | null }
  | { type: 'pause' }
  /** One optimisation step of the current run. */
  | { type: 'step' }
  | { type: 'update'; patch: RunPatch }
  | { type: 'reset' }
  | { type: 'getMemory'; requestId: number }
  /** The model bundle of the run's model, or of the imported one when it came after the run. */
  | { type: 'exportModel'; requestId: number }
  /** The run's PyTorch project files (docs/pytorch-project.md), answered by `projectExported`. */
  | { type: 'exportProject'; requestId: number }
  /** A model bundle (Export model's file) to predict with. */
  | { type: 'importModel'; file: File; requestId: number }
  /** Predictions of the model in use for every row of a CSV with its input columns. */
  | { type: 'predict'; file: File; requestId: number }
  | { type: 'evaluateTest' }
  /** Puts the best epoch's weights back (early stopping keeps them; a run until paused only tracks them). */
  | { type: 'restoreBest' }
  /** Train one separate network per task (same data, split, epochs, trunk) for comparison. */
  | { type: 'trainBaselines' }
  | { type: 'cancelBaselines' };

/** Where a file's load time went, in the worker (for the benchmark). */
export interface LoadPhases {
  readMs: number;
  decodeMs: number;
  parseMs: number;
}

export type RunState = 'idle' | 'running' | 'paused' | 'done' | 'stoppedEarly';

/** What `runCreated` says about the new run. */
export interface RunInfo {
  runId: number;
  tasks: TaskSpec[];
  /** The manual weights and switches the run starts with, in task order. */
  initialWeights: number[];
  initialEnabled: boolean[];
  parameterCount: number;
  inputSize: number;
  embeddings: EmbeddingSpec[];
  splitRows: { train: number; val: number; test: number };
  stepsPerEpoch: number;
  /** The input columns the model reads (a file to predict needs them). */
  inputColumns: string[];
}

/** A loaded table, as the page sees it. */
export interface DatasetInfo {
  name: string;
  rowCount: number;
  columns: ColumnSummary[];
  preview: string[][];
  report: ParseReport;
  fingerprint: DatasetFingerprint;
  /** How the file was decoded, when it was not plain UTF-8 (a note for the dataset summary). */
  encodingNote?: Message;
  loadMs: number;
}

/** Worker → page: events, named in the past tense or as nouns. */
export type FromWorker =
  | { type: 'loadProgress'; loadId: number; name: string; fraction: number }
  | { type: 'loadCancelled'; loadId: number }
  | ({ type: 'datasetLoaded'; loadId: number; timings?: LoadPhases & { summarizeMs: number } } & DatasetInfo)
  /** reason: one sentence for the Backend status, which backend and why. */
  | { type: 'backendReady'; backend: BackendName; reason: Message }
  /** The engine taking the run's steps (null = TensorFlow.js) and why, for the Backend status. */
  | { type: 'engineReady'; runId: number; engine: 'wasm' | 'webgpu' | null; reason: Message }
  /** requestId: the createRun's it answers. */
  | ({ type: 'runCreated'; requestId: number } & RunInfo)
  /** targetEpochs: null while training until paused. */
  | {
      type: 'stateChanged';
      runId: number;
      state: RunState;
      epoch: number;
      targetEpochs: number | null;
      step: number;
      /** After early stopping: the best epoch, whose weights were restored. */
      bestEpoch?: number;
      /** The epoch whose weights the model holds, when it is not the last one (a restored best epoch). */
      restoredEpoch?: number;
    }
  | { type: 'losses'; runId: number; steps: StepLosses[]; samplesPerSecond: number; epoch: number }
  /** diagnostics: the validation split's plot data at this epoch (the page keeps only the latest). */
  | {
      type: 'epochEnded';
      runId: number;
      report: EpochReport;
      diagnostics: TaskDiagnostics[];
      numTensors: number;
      numBytes: number;
    }
  /** metrics: the baseline's validation metrics after this epoch (absent at epoch 0, its start). */
  | { type: 'baselineProgress'; runId: number; taskIndex: number; epoch: number; epochs: number; metrics?: TaskMetrics }
  /** Validation metrics of each single-task network and of the multi-task one; the same on the test split when it has rows. */
  | {
      type: 'baselinesDone';
      runId: number;
      epochs: number;
      single: TaskMetrics[];
      multi: TaskMetrics[];
      singleTest: TaskMetrics[] | null;
      multiTest: TaskMetrics[] | null;
    }
  | { type: 'baselinesCancelled'; runId: number }
  /** Validation plot data of the model as it is now (after early stopping restored the best epoch). */
  | { type: 'validationDiagnostics'; runId: number; epoch: number; diagnostics: TaskDiagnostics[] }
  /** Metrics and plot data of the held-out test split (after a run finishes, or on demand). */
  | { type: 'testEvaluated'; runId: number; epoch: number; metrics: TaskMetrics[]; diagnostics: TaskDiagnostics[] }
  /** A live patch took effect from this step on (the patch as applied, by task index). */
  | { type: 'applied'; runId: number; step: number; patch: RunPatch }
  | { type: 'runReset'; numTensors: number }
  /** The weights at an epoch's end, for the saved run (bestEpoch: early stopping's best so far, when on). */
  | {
      type: 'checkpoint';
      runId: number;
      epoch: number;
      step: number;
      bestEpoch: number | null;
      weights: WeightsData;
      training: TrainingState;
    }
  | { type: 'pong'; id: number }
  /** Said by the page's client, not the worker: the worker stopped answering and a fresh one replaced it. */
  | { type: 'workerLost' }
  | { type: 'memory'; requestId: number | null; numTensors: number; numBytes: number }
  /** The model bundle's JSON text (src/core/bundle/modelBundle.ts). */
  | { type: 'modelExported'; requestId: number; bundle: string }
  /** The run's PyTorch project: file name → JSON text (the page adds the template and the metrics, and zips them). */
  | { type: 'projectExported'; requestId: number; files: Record<string, string> }
  /** A bundle was imported: it is the model Predict uses now (until a run is created). */
  | {
      type: 'modelImported';
      requestId: number;
      fileName: string;
      dataset: { name: string; rows: number };
      epochs: number;
      tasks: TaskSpec[];
      inputColumns: string[];
    }
  /** Predictions for every row of a file, per task output column; what the file had that the model ignores. */
  | {
      type: 'predicted';
      requestId: number;
      fileName: string;
      rows: number;
      columns: PredictionColumn[];
      extraColumns: string[];
      unseen: { column: string; rows: number }[];
    }
  /**
   * requestId: set when the error answers that request. source: 'load' for a dataset that could
   * not be loaded, 'update' for a refused live change, 'baselines' for the baselines; else a run's.
   */
  | { type: 'error'; message: Message; requestId?: number; source?: 'load' | 'update' | 'baselines' | 'model' };

/** One event type, by its `type`. */
export type WorkerEvent<T extends FromWorker['type']> = Extract<FromWorker, { type: T }>;
