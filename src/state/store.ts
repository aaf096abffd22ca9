/** The page's state: plain data, one store, changed by the event reducer and the controller, read by components. */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Message } from '../core/messages/message.ts';
import type { TaskDiagnostics } from '../core/metrics/taskDiagnostics.ts';
import type { TaskMetrics } from '../core/metrics/taskMetrics.ts';
import { defaultSettings, type TrainSettings } from '../core/settings/settingsTable.ts';
import type { EpochReport } from '../core/train/trainingRunner.ts';
import type { BackendChoice, BackendName, ColumnRole, EngineChoice, InputEncoding } from '../core/types.ts';
import type { DatasetInfo, RunInfo, RunState, WorkerEvent } from '../worker/protocol.ts';
import type { RunRecord } from '../lessons/runRecord.ts';
import type { SavedRun } from './savedRun.ts';
import type { SharedFile } from './shareLink.ts';
import type { Hideable } from './classroom.ts';
import type { LossPoint, WeightPoint } from './lossSeries.ts';

export type { TrainSettings } from '../core/settings/settingsTable.ts';
export type { RunInfo } from '../worker/protocol.ts';

/** A loaded table as the page keeps it (what `datasetLoaded` said, less the timings). */
export type DatasetState = DatasetInfo;

/** Single-task baselines: validation metrics per task and epoch as they train, then the comparison. */
export type BaselineState =
  | { status: 'running'; taskIndex: number; epoch: number; epochs: number; history: TaskMetrics[][] }
  | ({ status: 'done'; history: TaskMetrics[][] } & Omit<WorkerEvent<'baselinesDone'>, 'type' | 'runId'>);

/** A live change marked on the curves at the step it took effect (weights, strategy, learning rate). */
export interface ChangeMark {
  step: number;
  kind: 'weights' | 'weighting' | 'learningRate';
  label: Message;
  /** Weights: the weights before the change (a quick drag merges into one mark). */
  before?: { weights: number[]; enabled: boolean[] };
}

export interface SplitDiagnostics {
  epoch: number;
  tasks: TaskDiagnostics[];
}

export interface AppState {
  sampleId: string;
  /** The table came from the person's own file (a share link then holds the settings only). */
  datasetFromFile: boolean;
  /** The correlated-tasks sample's task correlation (−1…1). */
  sampleCorrelation: number;
  datasetLoading: boolean;
  /** The newest load asked of the worker: an older one that still answers does not end the loading. */
  loadId: number;
  /** Roles and positive classes a sample brings, waiting for its table to load. */
  pendingPreset: { roles: Record<string, ColumnRole>; positiveClasses: Record<string, string> } | null;
  /** An alert to show once the table being loaded is in (what was wrong with a share link). */
  pendingAlert: Message | null;
  /** The file being read, and how far (0–1). */
  loadProgress: { name: string; fraction: number } | null;
  dataset: DatasetState | null;
  roles: Record<string, ColumnRole>;
  encodings: Record<string, InputEncoding>;
  positiveClasses: Record<string, string>;
  balanceClasses: Record<string, boolean>;
  /** Chained binary targets (ESMM): task → the binary task it is observed after. */
  chainedTo: Record<string, string>;
  settings: TrainSettings;
  /** The data-dependent defaults the loaded table suggested (a later table replaces those not changed since). */
  suggested: Partial<TrainSettings>;
  /** Loss weight per target column, as the sliders show it (Manual weighting). */
  weights: Record<string, number>;
  /** Tasks switched off (absent = on). */
  enabled: Record<string, boolean>;
  /** The weights the worker last reported using, in task order (what automatic strategies chose). */
  latestWeights: number[] | null;
  /** The loss chart shows each task's raw loss or its weighted contribution wᵢ·Lᵢ. */
  lossView: 'raw' | 'weighted';
  /** A change that would discard the trained weights, waiting for the person's confirmation. */
  pendingChange: { message: Message; patch: Partial<TrainSettings> } | null;
  /** The best epoch so far by early stopping's measure (null when it is off). */
  bestEpoch: number | null;
  /** The epoch whose weights the model holds when a best epoch was restored (null = the latest). */
  restoredEpoch: number | null;
  /** Every live change of the run, in step order, for the markers on the curves. */
  changeMarks: ChangeMark[];
  /** The weights the worker confirmed, in task order, and the step from which they apply. */
  appliedWeights: { step: number; weights: number[]; enabled: boolean[] } | null;
  backendChoice: BackendChoice;
  backend: { name: BackendName; reason: Message } | null;
  engineChoice: EngineChoice;
  /** The engine taking the current run's steps (null = TensorFlow.js) and why; null before a run. */
  engine: { kind: 'wasm' | 'webgpu' | null; reason: Message } | null;
  runState: RunState;
  run: RunInfo | null;
  /** targetEpochs: null while a run trains until paused. */
  progress: { epoch: number; targetEpochs: number | null; step: number; samplesPerSecond: number };
  lossPoints: LossPoint[];
  weightPoints: WeightPoint[];
  epochs: EpochReport[];
  baselines: BaselineState | null;
  /** Metrics on the held-out test split, and the epoch they were measured at. */
  testMetrics: { epoch: number; metrics: TaskMetrics[] } | null;
  /** Diagnostic-plot data of the latest validation pass shown, and of the latest test evaluation. */
  diagnostics: { val: SplitDiagnostics | null; test: SplitDiagnostics | null };
  /** The newest validation plot data, not drawn yet (plots redraw at most every few seconds while training). */
  pendingValDiagnostics: SplitDiagnostics | null;
  /** Decision threshold per binary task for the threshold metrics and the ROC operating point. */
  thresholds: Record<string, number>;
  /** Tensors held by the worker's TensorFlow.js after the last epoch or reset. */
  memory: { numTensors: number; numBytes: number } | null;
  alert: Message | null;
  /** The open lesson and the runs made since it opened (its checks compare them). */
  lesson: { id: string; runs: RunRecord[] } | null;
  /** Panels and controls a classroom link hid (see src/state/classroom.ts). */
  hidden: readonly Hideable[];
  /** A model bundle imported since the last run was created: the model Predict uses. */
  importedModel: Omit<WorkerEvent<'modelImported'>, 'type' | 'requestId'> | null;
  /** The latest predictions, for the preview and the download. */
  predictions: Omit<WorkerEvent<'predicted'>, 'type' | 'requestId'> | null;
  /** A bundle being imported or a file being predicted. */
  modelBusy: 'import' | 'predict' | null;
  /** Every run kept in this browser, newest first. */
  savedRuns: SavedRun[];
  /** The saved record of the run on the page (null until its first epoch is saved). */
  savedRunId: string | null;
  /** The runs the comparison shows (2–4 ids; fewer: none shown). */
  comparedRuns: string[];
  /** The file a share link was made with, until a file is uploaded and checked against it. */
  expectedFile: SharedFile | null;
}

/** The defaults of every training setting, from the settings table. */
export const DEFAULT_SETTINGS: TrainSettings = defaultSettings();

/** What a run leaves on the page; cleared when the run goes. */
export const EMPTY_RESULTS = {
  testMetrics: null,
  diagnostics: { val: null, test: null },
  pendingValDiagnostics: null,
  baselines: null,
  lossPoints: [],
  weightPoints: [],
  epochs: [],
  run: null,
  runState: 'idle',
  progress: { epoch: 0, targetEpochs: 0, step: 0, samplesPerSecond: 0 },
  appliedWeights: null,
  changeMarks: [],
  latestWeights: null,
  bestEpoch: null,
  restoredEpoch: null,
  engine: null,
} satisfies Partial<AppState>;

export const initialState: AppState = {
  ...EMPTY_RESULTS,
  sampleId: 'weather',
  sampleCorrelation: 0.9,
  datasetFromFile: false,
  datasetLoading: true,
  loadId: 0,
  pendingPreset: null,
  pendingAlert: null,
  loadProgress: null,
  dataset: null,
  roles: {},
  encodings: {},
  positiveClasses: {},
  balanceClasses: {},
  chainedTo: {},
  settings: DEFAULT_SETTINGS,
  suggested: {},
  weights: {},
  enabled: {},
  lossView: 'raw',
  pendingChange: null,
  backendChoice: 'auto',
  backend: null,
  engineChoice: 'auto',
  engine: null,
  memory: null,
  thresholds: {},
  alert: null,
  lesson: null,
  hidden: [],
  importedModel: null,
  predictions: null,
  modelBusy: null,
  savedRuns: [],
  savedRunId: null,
  comparedRuns: [],
  expectedFile: null,
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
