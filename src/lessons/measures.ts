/** Small measurements the lessons' checks read from run records. */
import { thresholdIndex } from '../core/metrics/taskDiagnostics.ts';
import type { EpochReport } from '../core/train/trainingRunner.ts';
import type { RunRecord } from './runRecord.ts';

export const taskIndex = (run: RunRecord, name: string) => run.tasks.findIndex((t) => t.name === name);

/** The sum of the tasks' validation losses at an epoch (each task counted once, whatever its weight). */
export const validationTotal = (epoch: EpochReport) => epoch.val.reduce((sum, m) => sum + m.loss, 0);

/** A task's share of the weighted training total at an epoch (0–1). */
export function shareOfTotal(epoch: EpochReport, task: number): number {
  const parts = epoch.trainLoss.map((loss, i) => loss * (epoch.weights[i] ?? 1));
  const total = parts.reduce((a, b) => a + b, 0);
  return total > 0 ? (parts[task] ?? 0) / total : NaN;
}

/** Recall and precision of a binary task at a threshold on the page's grid, from the last validation pass. */
export function atThreshold(run: RunRecord, task: number, threshold: number): { recall: number; precision: number } {
  const d = run.diagnostics?.[task];
  if (d?.kind !== 'binary') return { recall: NaN, precision: NaN };
  const c = d.atThreshold[thresholdIndex(threshold)];
  if (!c) return { recall: NaN, precision: NaN };
  return { recall: c.tp / Math.max(1, c.tp + c.fn), precision: c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 0 };
}

/** The epoch with the lowest validation total, and that total. */
export function bestValidation(run: RunRecord): { epoch: number; total: number } | null {
  let best: { epoch: number; total: number } | null = null;
  for (const e of run.epochs) {
    const total = validationTotal(e);
    if (Number.isFinite(total) && (!best || total < best.total)) best = { epoch: e.epoch, total };
  }
  return best;
}

/** Percent with one decimal, for a sentence (e.g. 0.0312 → 3.1). */
export const percent = (x: number) => Math.round(x * 1000) / 10;
/** Two decimals (e.g. a cosine or a recall). */
export const two = (x: number) => Math.round(x * 100) / 100;
