/** Target columns → per-row class indices or values, with the checks that make a task trainable. */
import type { Column } from '../csv/table.ts';
import type { TaskKind, TaskSpec } from '../types.ts';
import { message } from '../messages/message.ts';
import { PrepareError } from './prepareError.ts';

export interface TargetCoding {
  spec: TaskSpec;
  /** Class index (classification) or raw value (regression) per row; NaN = missing. */
  values: Float64Array;
}

/**
 * Codes a target column. Binary classes are ordered [negative, positive]; the positive class is
 * `positiveClass` when given, else the rarer class (the "event", e.g. income > 50K).
 */
export function codeTarget(column: Column, kind: TaskKind, maxClasses: number, positiveClass?: string): TargetCoding {
  const name = column.name;
  const rows = column.type === 'numeric' ? column.values.length : column.codes.length;
  if (column.missing === rows) throw new PrepareError(message('messages.data.targetEmpty', { name }));
  if (kind === 'regression') {
    if (column.type !== 'numeric') throw new PrepareError(message('messages.data.regressionNotNumeric', { name }));
    return { spec: { name, kind, numClasses: 1, classLabels: [] }, values: column.values };
  }
  const { labels, counts, labelOf } = classesOf(column);
  if (labels.length < 2) throw new PrepareError(message('messages.data.oneClass', { name, label: labels[0] ?? '' }));
  if (kind === 'binary' && labels.length !== 2)
    throw new PrepareError(message('messages.data.notBinary', { name, classes: labels.length }));
  if (labels.length > maxClasses) {
    throw new PrepareError(
      message('messages.data.tooManyClasses', { name, classes: labels.length, limit: maxClasses }),
    );
  }
  let ordered = labels;
  if (kind === 'binary') {
    const [a, b] = labels as [string, string];
    const positive =
      positiveClass !== undefined && labels.includes(positiveClass)
        ? positiveClass
        : (counts.get(a) ?? 0) < (counts.get(b) ?? 0)
          ? a
          : b;
    ordered = positive === a ? [b, a] : [a, b];
  }
  const index = new Map(ordered.map((l, i) => [l, i]));
  const values = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const l = labelOf(r);
    values[r] = l === null ? NaN : (index.get(l) as number);
  }
  return { spec: { name, kind, numClasses: ordered.length, classLabels: ordered }, values };
}

/** Distinct labels (numbers numerically, text alphabetically), their counts, and a row → label lookup. */
function classesOf(column: Column): {
  labels: string[];
  counts: Map<string, number>;
  labelOf: (r: number) => string | null;
} {
  const labelOf =
    column.type === 'numeric'
      ? (r: number): string | null => (Number.isNaN(column.values[r] as number) ? null : String(column.values[r]))
      : (r: number): string | null =>
          (column.codes[r] as number) < 0 ? null : (column.dictionary[column.codes[r] as number] as string);
  const rows = column.type === 'numeric' ? column.values.length : column.codes.length;
  const counts = new Map<string, number>();
  for (let r = 0; r < rows; r++) {
    const l = labelOf(r);
    if (l !== null) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  const labels = [...counts.keys()].sort(
    column.type === 'numeric' ? (a, b) => Number(a) - Number(b) : (a, b) => a.localeCompare(b),
  );
  return { labels, counts, labelOf };
}

/**
 * "Balanced" class weights from the training rows: n / (k · n_c), so every class carries the
 * same total weight (scikit-learn's class_weight='balanced'). A class absent from training gets 1.
 */
export function balancedClassWeights(values: Float64Array, trainRows: Int32Array, numClasses: number): number[] {
  const counts = new Array<number>(numClasses).fill(0);
  let n = 0;
  for (const r of trainRows) {
    const v = values[r] as number;
    if (Number.isNaN(v)) continue;
    counts[v] = (counts[v] as number) + 1;
    n++;
  }
  return counts.map((c) => (c > 0 ? n / (numClasses * c) : 1));
}

/**
 * Chains binary targets (ESMM): for each `task → condition` pair, records the condition's index in
 * the task's spec and fills the task's missing values with 0 (its negative class) where the
 * condition is negative, so the chained task is observed on every row the condition is. In place.
 */
export function chainTargets(targets: TargetCoding[], chainedTo: Record<string, string>): void {
  for (const [name, conditionName] of Object.entries(chainedTo)) {
    const task = targets.find((t) => t.spec.name === name);
    if (!task) continue; // not a target (any more): nothing to chain
    const c = targets.findIndex((t) => t.spec.name === conditionName);
    const condition = targets[c];
    if (task.spec.kind !== 'binary' || !condition || condition.spec.kind !== 'binary' || conditionName === name)
      throw new PrepareError(message('messages.data.chainNotBinary', { name, condition: conditionName }));
    if (chainedTo[conditionName] !== undefined)
      throw new PrepareError(message('messages.data.chainOfChain', { name, condition: conditionName }));
    task.spec.chainedTo = c;
    const values = task.values;
    for (let r = 0; r < values.length; r++)
      if (Number.isNaN(values[r] as number) && condition.values[r] === 0) values[r] = 0;
  }
}
