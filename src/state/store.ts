/** The page's state: plain data, one store, updated by the controller and read by components. */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ColumnSummary } from '../core/csv/summarizeColumns.ts';
import type { ParseReport } from '../core/csv/parseCsv.ts';
import type { TaskDiagnostics } from '../core/metrics/taskDiagnostics.ts';
import type { TaskMetrics } from '../core/metrics/taskMetrics.ts';
import type { EpochReport } from '../core/train/trainingRunner.ts';
import { DEFAULT_SCHEDULE } from '../core/train/schedules.ts';
import type { BackendChoice, BackendName, ColumnRole, EmbeddingSpec, InputEncoding, TaskSpec } from '../core/types.ts';
import { DEFAULT_WEIGHTING } from '../core/weighting/strategies.ts';
import type { RunConfig, RunState } from '../worker/protocol.ts';
import type { LossPoint, WeightPoint } from './lossSeries.ts';

export interface DatasetState {
  name: string;
  rowCount: number;
  columns: ColumnSummary[];
  preview: string[][];
  report: ParseReport;
  encodingNote?: string;
  loadMs: number;
}

/** Everything about the network and its training, as the run config carries it (columns aside). */
export type TrainSettings = Omit<
  RunConfig,
  'roles' | 'encodings' | 'positiveClasses' | 'balanceClasses' | 'weights' | 'enabled'
>;

/** Settings that define the network or its optimiser: changing one during a run starts a new run. */
export const ARCHITECTURE_SETTINGS: readonly (keyof TrainSettings)[] = [
  'batchSize',
  'seed',
  'splitSeed',
  'validationPercent',
  'testPercent',
  'trunk',
  'experts',
  'headHidden',
  'embeddingDim',
  'optimizer',
  'schedule',
  'l1',
  'l2',
  'clipNorm',
];

/** Single-task baselines: validation metrics per task and epoch as they train, then the comparison. */
export type BaselineState =
  | { status: 'running'; taskIndex: number; epoch: number; epochs: number; history: TaskMetrics[][] }
  | {
      status: 'done';
      epochs: number;
      history: TaskMetrics[][];
      single: TaskMetrics[];
      multi: TaskMetrics[];
      singleTest: TaskMetrics[] | null;
      multiTest: TaskMetrics[] | null;
    };

export interface SplitDiagnostics {
  epoch: number;
  tasks: TaskDiagnostics[];
}

export interface RunInfo {
  tasks: TaskSpec[];
  parameterCount: number;
  inputSize: number;
  embeddings: EmbeddingSpec[];
  splitRows: { train: number; val: number; test: number };
  stepsPerEpoch: number;
}

export interface AppState {
  sampleId: string;
  datasetLoading: boolean;
  /** The file being read, and how far (0–1). */
  loadProgress: { name: string; fraction: number } | null;
  dataset: DatasetState | null;
  roles: Record<string, ColumnRole>;
  encodings: Record<string, InputEncoding>;
  positiveClasses: Record<string, string>;
  balanceClasses: Record<string, boolean>;
  settings: TrainSettings;
  /** Loss weight per target column, as the sliders show it (Manual weighting). */
  weights: Record<string, number>;
  /** Tasks switched off (absent = on). */
  enabled: Record<string, boolean>;
  /** The weights the worker last reported using, in task order (what automatic strategies chose). */
  latestWeights: number[] | null;
  /** The loss chart shows each task's raw loss or its weighted contribution wᵢ·Lᵢ. */
  lossView: 'raw' | 'weighted';
  /** A change that would discard the trained weights, waiting for the person's confirmation. */
  pendingChange: { message: string; patch: Partial<TrainSettings> } | null;
  bestEpoch: number | null;
  /** The weights the worker confirmed, and the step from which they apply. */
  appliedWeights: { step: number; weights: Record<string, number>; enabled: Record<string, boolean> } | null;
  backendChoice: BackendChoice;
  backend: { name: BackendName; reason: string } | null;
  runState: RunState;
  run: RunInfo | null;
  progress: { epoch: number; targetEpochs: number; step: number; samplesPerSecond: number };
  lossPoints: LossPoint[];
  weightPoints: WeightPoint[];
  epochs: EpochReport[];
  baselines: BaselineState | null;
  /** Metrics on the held-out test split, and the epoch they were measured at. */
  testMetrics: { epoch: number; metrics: TaskMetrics[] } | null;
  /** Diagnostic-plot data of the latest validation pass and of the latest test evaluation. */
  diagnostics: { val: SplitDiagnostics | null; test: SplitDiagnostics | null };
  /** Decision threshold per binary task for the threshold metrics and the ROC operating point. */
  thresholds: Record<string, number>;
  /** Tensors held by the worker's TensorFlow.js after the last epoch or reset. */
  memory: { numTensors: number; numBytes: number } | null;
  alert: string | null;
}

export const DEFAULT_SETTINGS: TrainSettings = {
  epochs: 20,
  batchSize: 64,
  learningRate: 0.005,
  seed: 42,
  splitSeed: 42,
  validationPercent: 15,
  testPercent: 15,
  trunk: [
    { units: 64, activation: 'relu', dropout: 0 },
    { units: 64, activation: 'relu', dropout: 0 },
  ],
  experts: 1,
  headHidden: {},
  embeddingDim: 0,
  optimizer: 'adam',
  schedule: DEFAULT_SCHEDULE,
  l1: 0,
  l2: 0,
  clipNorm: 0,
  weighting: DEFAULT_WEIGHTING,
  earlyStopping: { enabled: false, monitor: 'total', patience: 5 },
};

export const initialState: AppState = {
  sampleId: 'weather',
  datasetLoading: true,
  loadProgress: null,
  dataset: null,
  roles: {},
  encodings: {},
  positiveClasses: {},
  balanceClasses: {},
  settings: DEFAULT_SETTINGS,
  weights: {},
  enabled: {},
  latestWeights: null,
  lossView: 'raw',
  pendingChange: null,
  bestEpoch: null,
  appliedWeights: null,
  backendChoice: 'auto',
  backend: null,
  runState: 'idle',
  run: null,
  progress: { epoch: 0, targetEpochs: 0, step: 0, samplesPerSecond: 0 },
  lossPoints: [],
  weightPoints: [],
  epochs: [],
  memory: null,
  testMetrics: null,
  diagnostics: { val: null, test: null },
  thresholds: {},
  baselines: null,
  alert: null,
};

export const appStore = createStore<AppState>()(() => initialState);

/** React hook: re-renders when the selected slice changes. */
export function useAppState<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}

/** Target columns (tasks), in column order. */
export function targetColumns(state: Pick<AppState, 'dataset' | 'roles'>): string[] {
  return (state.dataset?.columns ?? [])
    .map((c) => c.name)
    .filter((n) => ['binary', 'multiclass', 'regression'].includes(state.roles[n] ?? 'ignore'));
}
