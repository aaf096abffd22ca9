/** The page's state: plain data, one store, updated by the controller and read by components. */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ColumnSummary } from '../core/csv/summarizeColumns.ts';
import type { ParseReport } from '../core/csv/parseCsv.ts';
import type { EpochReport } from '../core/train/trainingRunner.ts';
import type { Activation, BackendChoice, BackendName, ColumnRole, EmbeddingSpec, InputEncoding, TaskSpec } from '../core/types.ts';
import type { RunState } from '../worker/protocol.ts';
import type { LossPoint } from './lossSeries.ts';

export interface DatasetState {
  name: string;
  rowCount: number;
  columns: ColumnSummary[];
  preview: string[][];
  report: ParseReport;
  encodingNote?: string;
  loadMs: number;
}

export interface TrainSettings {
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  trunkUnits: number[];
  activation: Activation;
  headHiddenUnits: number;
  embeddingDim: number;
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
  /** Loss weight per target column, as the sliders show it. */
  weights: Record<string, number>;
  /** The weights the worker confirmed, and the step from which they apply. */
  appliedWeights: { step: number; weights: Record<string, number> } | null;
  backendChoice: BackendChoice;
  backend: { name: BackendName; reason: string } | null;
  runState: RunState;
  run: RunInfo | null;
  progress: { epoch: number; targetEpochs: number; step: number; samplesPerSecond: number };
  lossPoints: LossPoint[];
  epochs: EpochReport[];
  /** Tensors held by the worker's TensorFlow.js after the last epoch or reset. */
  memory: { numTensors: number; numBytes: number } | null;
  alert: string | null;
}

export const DEFAULT_SETTINGS: TrainSettings = {
  epochs: 20,
  batchSize: 64,
  learningRate: 0.005,
  seed: 42,
  trunkUnits: [64, 64],
  activation: 'relu',
  headHiddenUnits: 0,
  embeddingDim: 0,
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
  appliedWeights: null,
  backendChoice: 'auto',
  backend: null,
  runState: 'idle',
  run: null,
  progress: { epoch: 0, targetEpochs: 0, step: 0, samplesPerSecond: 0 },
  lossPoints: [],
  epochs: [],
  memory: null,
  alert: null,
};

export const appStore = createStore<AppState>()(() => initialState);

/** React hook: re-renders when the selected slice changes. */
export function useAppState<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}

/** Target columns (tasks), in column order. */
export function targetColumns(state: Pick<AppState, 'dataset' | 'roles'>): string[] {
  return (state.dataset?.columns ?? []).map((c) => c.name).filter((n) => ['binary', 'multiclass', 'regression'].includes(state.roles[n] ?? 'ignore'));
}
