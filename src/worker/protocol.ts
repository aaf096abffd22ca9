/** The typed messages between the page and the training worker. Plain data only: no tensors cross. */
import type { ColumnSummary } from '../core/csv/summarizeColumns.ts';
import type { ParseReport } from '../core/csv/parseCsv.ts';
import type { TaskDiagnostics } from '../core/metrics/taskDiagnostics.ts';
import type { TaskMetrics } from '../core/metrics/taskMetrics.ts';
import type { StepLosses } from '../core/train/lossReader.ts';
import type { EpochReport } from '../core/train/trainingRunner.ts';
import type { OptimizerKind } from '../core/train/optimizerKinds.ts';
import type { LearningRateSchedule } from '../core/train/schedules.ts';
import type {
  BackendChoice,
  BackendName,
  ColumnRole,
  DenseLayerSpec,
  EmbeddingSpec,
  InputEncoding,
  TaskSpec,
} from '../core/types.ts';
import type { WeightingConfig } from '../core/weighting/strategies.ts';

/** Everything `train` needs to build a run when none exists yet. */
export interface RunConfig {
  roles: Record<string, ColumnRole>;
  encodings: Record<string, InputEncoding>;
  positiveClasses: Record<string, string>;
  balanceClasses: Record<string, boolean>;
  /** Loss weight per target column name (Manual weighting). */
  weights: Record<string, number>;
  /** Tasks switched off (absent = on). */
  enabled: Record<string, boolean>;
  trunk: DenseLayerSpec[];
  /** 1 = one shared trunk; n ≥ 2 = n experts (copies of the trunk) mixed per task by a learned gate (MMoE). */
  experts: number;
  /** Units of a hidden layer in each task's head (absent or 0 = none). */
  headHidden: Record<string, number>;
  optimizer: OptimizerKind;
  schedule: LearningRateSchedule;
  l1: number;
  l2: number;
  clipNorm: number;
  weighting: WeightingConfig;
  earlyStopping: EarlyStoppingConfig;
  /** Embedding width for high-cardinality categoricals (0 = automatic). */
  embeddingDim: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Drives the weight initialisation, dropout and batch order. */
  seed: number;
  /** Drives which rows go to training, validation and test: kept apart from `seed` so another initialisation can be tried on the same split. */
  splitSeed: number;
  /** Percent of the rows held out for validation (live metrics, early stopping) and for the final test. */
  validationPercent: number;
  testPercent: number;
}

/** Early stopping on the validation loss of a task (by name) or of the weighted total. */
export interface EarlyStoppingConfig {
  enabled: boolean;
  monitor: string; // 'total' or a task name
  patience: number;
}

export type DatasetSource =
  | { kind: 'url'; url: string; name: string }
  | { kind: 'file'; file: File }
  /** A dataset generated in the worker from a seed (no file at all). */
  | { kind: 'generated'; generator: 'ecommerce'; seed: number; name: string };

/** Page → worker: imperative commands. */
export type ToWorker =
  | { type: 'loadDataset'; source: DatasetSource }
  | { type: 'cancelLoad' }
  | { type: 'setBackend'; choice: BackendChoice }
  | { type: 'train'; config: RunConfig }
  | { type: 'pause' }
  | { type: 'step'; config: RunConfig }
  | { type: 'reset' }
  | { type: 'setWeights'; weights: Record<string, number>; enabled: Record<string, boolean> }
  | { type: 'setWeighting'; config: WeightingConfig }
  | { type: 'setLearningRate'; learningRate: number }
  | { type: 'setEarlyStopping'; config: EarlyStoppingConfig }
  | { type: 'getMemory' }
  | { type: 'exportModel' }
  | { type: 'evaluateTest' }
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

/** Worker → page: events, named in the past tense or as nouns. */
export type FromWorker =
  | { type: 'loadProgress'; name: string; fraction: number }
  | { type: 'loadCancelled' }
  | {
      type: 'datasetLoaded';
      name: string;
      rowCount: number;
      columns: ColumnSummary[];
      preview: string[][];
      report: ParseReport;
      encodingNote?: string;
      loadMs: number;
      timings?: LoadPhases & { summarizeMs: number };
    }
  | { type: 'backendReady'; backend: BackendName; reason: string }
  | {
      type: 'runCreated';
      tasks: TaskSpec[];
      parameterCount: number;
      inputSize: number;
      embeddings: EmbeddingSpec[];
      splitRows: { train: number; val: number; test: number };
      stepsPerEpoch: number;
    }
  | { type: 'stateChanged'; state: RunState; epoch: number; targetEpochs: number; step: number; bestEpoch?: number }
  | { type: 'losses'; steps: StepLosses[]; samplesPerSecond: number; epoch: number; targetEpochs: number }
  /** diagnostics: the validation split's plot data at this epoch (the page keeps only the latest). */
  | { type: 'epochEnded'; report: EpochReport; diagnostics: TaskDiagnostics[]; numTensors: number; numBytes: number }
  /** metrics: the baseline's validation metrics after this epoch (absent at epoch 0, its start). */
  | { type: 'baselineProgress'; taskIndex: number; epoch: number; epochs: number; metrics?: TaskMetrics }
  /** Validation metrics of each single-task network and of the multi-task one; the same on the test split when it has rows. */
  | {
      type: 'baselinesDone';
      epochs: number;
      single: TaskMetrics[];
      multi: TaskMetrics[];
      singleTest: TaskMetrics[] | null;
      multiTest: TaskMetrics[] | null;
    }
  | { type: 'baselinesCancelled' }
  /** Validation plot data of the model as it is now (after early stopping restored the best epoch). */
  | { type: 'validationDiagnostics'; epoch: number; diagnostics: TaskDiagnostics[] }
  /** Metrics and plot data of the held-out test split (after a run finishes, or on demand). */
  | { type: 'testEvaluated'; epoch: number; metrics: TaskMetrics[]; diagnostics: TaskDiagnostics[] }
  | { type: 'weightsApplied'; step: number; weights: Record<string, number>; enabled: Record<string, boolean> }
  | { type: 'settingApplied'; step: number; what: 'weighting' | 'learningRate' | 'earlyStopping' }
  | { type: 'runReset'; numTensors: number }
  | { type: 'memory'; numTensors: number; numBytes: number }
  /** The trained model in the TensorFlow.js layers format: model.json text and the weights file. */
  | { type: 'modelExported'; modelJson: string; weights: ArrayBuffer }
  | { type: 'error'; message: string };
