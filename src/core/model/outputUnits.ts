/** Head shapes, free of TensorFlow.js so the page can use them (diagram, parameter counts). */
import type { TaskKind } from '../types.ts';

/** Output width of a task's head: one probability, k class probabilities, or one value. */
export function outputUnits(kind: TaskKind, numClasses: number): number {
  return kind === 'multiclass' ? numClasses : 1;
}

/** Layer-name prefix of task k's head; the trainer uses it to find a head's variables. */
export function headPrefix(taskIndex: number): string {
  return `head${taskIndex}_`;
}
