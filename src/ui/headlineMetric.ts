/** The one validation metric the playground shows per task: AUC, accuracy or R², with how to read it. */
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

const KEYS: Record<TaskKind, { key: Headline['key']; label: string; short: string }> = {
  binary: { key: 'auc', label: 'AUC', short: 'AUC' },
  multiclass: { key: 'accuracy', label: 'accuracy', short: 'acc.' },
  regression: { key: 'r2', label: 'R²', short: 'R²' },
};

/** The task's headline metric in `metrics`, or null before the first epoch. */
export function headlineMetric(kind: TaskKind, metrics: TaskMetrics | undefined): Headline | null {
  const { key, label, short } = KEYS[kind];
  const value = metrics?.[key];
  if (value === undefined || !Number.isFinite(value)) return null;
  return { key, label, short, value, text: value.toFixed(3) };
}

/** The headline metric's name for a task type. */
export function headlineLabel(kind: TaskKind): string {
  return KEYS[kind].label;
}
