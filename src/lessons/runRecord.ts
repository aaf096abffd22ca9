/**
 * What a lesson remembers of each run made while it is open (a run's curves go on Reset; the
 * lesson's checks compare runs, e.g. before and after class weights): the setup that matters to
 * the lessons and the measurements they read. Pure: made from the page's state.
 */
import { averageRelativeGain, headlineMetric, relativeGain } from '../core/metrics/relativeGain.ts';
import type { TaskDiagnostics } from '../core/metrics/taskDiagnostics.ts';
import type { TaskMetrics } from '../core/metrics/taskMetrics.ts';
import type { EpochReport } from '../core/train/trainingRunner.ts';
import type { TaskKind } from '../core/types.ts';
import type { AppState } from '../state/store.ts';

export interface RunRecord {
  runId: number;
  sampleId: string;
  correlation: number;
  tasks: { name: string; kind: TaskKind }[];
  weighting: string;
  experts: number;
  balanced: string[];
  standardizeTargets: boolean;
  earlyStopping: boolean;
  epochs: EpochReport[];
  stoppedEarly: boolean;
  /** Δm of the single-task baselines against this run, and each task's relative gain (null until they ran). */
  deltaM: number | null;
  gains: number[] | null;
  /** The validation split's plot data at the last epoch (thresholds, ROC). */
  diagnostics: TaskDiagnostics[] | null;
  thresholds: Record<string, number>;
  /** Live changes made during the run (weights, strategy, learning rate), in step order. */
  changes: AppState['changeMarks'];
}

/** Δm and per-task gains from the baselines' validation metrics (the headline metric per task type). */
export function baselineGains(
  tasks: { kind: TaskKind }[],
  single: TaskMetrics[],
  multi: TaskMetrics[],
): { deltaM: number; gains: number[] } {
  const gains = tasks.map((t, i) => {
    const h = headlineMetric(t.kind);
    return relativeGain(Number(single[i]?.[h.key]), Number(multi[i]?.[h.key]), h.higherIsBetter);
  });
  return { deltaM: averageRelativeGain(gains), gains };
}

/** The record of the page's current run, or null when there is none. */
export function recordOf(state: AppState): RunRecord | null {
  const { run, settings, baselines } = state;
  if (!run) return null;
  const tasks = run.tasks.map((t) => ({ name: t.name, kind: t.kind }));
  const done = baselines?.status === 'done' ? baselineGains(tasks, baselines.single, baselines.multi) : null;
  return {
    runId: run.runId,
    sampleId: state.sampleId,
    correlation: state.sampleCorrelation,
    tasks,
    weighting: settings.weighting.strategy,
    experts: settings.experts,
    balanced: tasks.filter((t) => state.balanceClasses[t.name]).map((t) => t.name),
    standardizeTargets: settings.standardizeTargets,
    earlyStopping: settings.earlyStopping.enabled,
    epochs: state.epochs,
    stoppedEarly: state.runState === 'stoppedEarly',
    deltaM: done?.deltaM ?? null,
    gains: done?.gains ?? null,
    diagnostics: state.diagnostics.val?.tasks ?? null,
    thresholds: state.thresholds,
    changes: state.changeMarks,
  };
}

/** The records with the current run's put in (replacing its older record). */
export function withCurrentRun(records: readonly RunRecord[], state: AppState): RunRecord[] {
  const current = recordOf(state);
  if (!current) return [...records];
  const at = records.findIndex((r) => r.runId === current.runId);
  if (at < 0) return [...records, current];
  const next = [...records];
  next[at] = current;
  return next;
}
