/** The one validation metric that stands for a task of each kind (higher is better for all three). */
import type { TaskKind } from '../types.ts';

export const HEADLINE_KEY = { binary: 'auc', multiclass: 'accuracy', regression: 'r2' } as const satisfies Record<
  TaskKind,
  string
>;
