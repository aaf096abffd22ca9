/** The one validation metric the playground shows per task: AUC, accuracy or R², with how to read it. */
import { HEADLINE_KEY } from '../core/metrics/headlineKey.ts';
import type { TaskMetrics } from '../core/metrics/taskMetrics.ts';
import type { TaskKind } from '../core/types.ts';

export interface Headline {
  key: 'auc' | 'accuracy' | 'r2';
  label: string;
  /** A shorter name, for tight spots (the network diagram). */
  short: string;
  /** Higher is better for all three. */
  value: number;
  text: string;
}

const NAMES: Record<TaskKind, { label: string; short: string }> = {
  binary: { label: 'AUC', short: 'AUC' },
  multiclass: { label: 'accuracy', short: 'acc.' },
  regression: { label: 'R²', short: 'R²' },
};

/** The task's headline metric in `metrics`, or null before the first epoch. */
export function headlineMetric(kind: TaskKind, metrics: TaskMetrics | undefined): Headline | null {
  const key = HEADLINE_KEY[kind];
  const { label, short } = NAMES[kind];
  const value = metrics?.[key];
  if (value === undefined || !Number.isFinite(value)) return null;
  return { key, label, short, value, text: value.toFixed(3) };
}

/** The headline metric's name for a task type. */
export function headlineLabel(kind: TaskKind): string {
  return NAMES[kind].label;
}
