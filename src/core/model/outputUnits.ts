/** Head shapes, free of TensorFlow.js so the page can use them (diagram, parameter counts). */
import type { TaskKind } from '../types.ts';

/** Output width of a task's head: one probability, k class probabilities, or one value. */
export function outputUnits(kind: TaskKind, numClasses: number): number {
  return kind === 'multiclass' ? numClasses : 1;
}

/**
 * Name of dense layer `layer` (1-based) of the shared trunk, or of expert `expert` (1-based) under
 * MMoE (the trainer gets its variables from the builder's handles, not by name).
 */
export function trunkLayerName(layer: number, expert: number | null): string {
  return expert === null ? `trunk_dense${layer}` : `trunk_expert${expert}_dense${layer}`;
}

/** Layer-name prefix of task k's head (its gate, hidden and output layers). */
export function headPrefix(taskIndex: number): string {
  return `head${taskIndex}_`;
}
