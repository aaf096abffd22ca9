/**
 * A run as the browser keeps it: what defines it (settings, column setup, the table's
 * fingerprint), what it did (every epoch's report, the live changes) and where it stopped. The
 * weights are kept beside it (RunWeights), so the list of runs reads small records only.
 */
import { HEADLINE_KEY } from '../core/metrics/headlineKey.ts';
import type { TaskSpec } from '../core/types.ts';
import type { EpochReport } from '../core/train/trainingRunner.ts';
import type { TrainingState } from '../core/train/multiTaskTrainer.ts';
import type { DatasetFingerprint, RunConfig, WeightsData } from '../worker/protocol.ts';
import type { ChangeMark } from './store.ts';

export const SAVED_RUN_VERSION = 1;

export interface SavedRun {
  version: number;
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  /** The table it was trained on; sampleId when it was a built-in sample (then it can be loaded again by itself). */
  dataset: DatasetFingerprint & { sampleId: string | null; correlation?: number };
  config: RunConfig;
  tasks: TaskSpec[];
  epochs: EpochReport[];
  changeMarks: ChangeMark[];
  /** Where it stopped: completed epochs and steps at the last saved epoch end. */
  epoch: number;
  step: number;
  bestEpoch: number | null;
}

/** The weights of a saved run: at its last saved epoch and at its best epoch (when early stopping tracked one). */
export interface RunWeights {
  id: string;
  latest: WeightsData & { epoch: number; step: number; training?: TrainingState };
  best: (WeightsData & { epoch: number }) | null;
}

/** The per-task figure the Runs table shows: the task's best validation headline over the run. */
export function bestHeadline(run: Pick<SavedRun, 'tasks' | 'epochs'>, taskIndex: number): number | null {
  const task = run.tasks[taskIndex];
  if (!task) return null;
  const key = HEADLINE_KEY[task.kind];
  let best: number | null = null;
  for (const e of run.epochs) {
    const v = e.val[taskIndex]?.[key];
    if (v !== undefined && Number.isFinite(v) && (best === null || v > best)) best = v;
  }
  return best;
}
