/**
 * A model's raw outputs → the predictions a person reads, per task: the class and its probability
 * (binary: of the positive class; multi-class: of each class) or the value in the target's own
 * units. Column names follow the UI contract: `<task>`, `<task>_p`, `<task>_p_<class>`.
 */
import type { TaskSpec } from '../types.ts';

export type PredictionColumn =
  | { name: string; kind: 'class'; labels: string[]; indices: Int32Array }
  | { name: string; kind: 'number'; values: Float64Array | Float32Array };

/** outputs: per task, row-major [rows, width] as the model returned them. */
export function predictionColumns(
  tasks: readonly TaskSpec[],
  targetScales: readonly { mean: number; std: number }[],
  outputs: readonly Float32Array[],
  rows: number,
): PredictionColumn[] {
  return tasks.flatMap((task, k): PredictionColumn[] => {
    const out = outputs[k] as Float32Array;
    if (task.kind === 'regression') {
      const { mean, std } = targetScales[k] ?? { mean: 0, std: 1 };
      return [{ name: task.name, kind: 'number', values: Float64Array.from(out, (v) => v * std + mean) }];
    }
    if (task.kind === 'binary') {
      // The sigmoid's output is p(positive) = p(class 1); class 1 when it is at least one half.
      const indices = Int32Array.from(out, (p) => (p >= 0.5 ? 1 : 0));
      return [
        { name: task.name, kind: 'class', labels: task.classLabels, indices },
        { name: `${task.name}_p`, kind: 'number', values: out },
      ];
    }
    const width = task.numClasses;
    const indices = new Int32Array(rows);
    for (let r = 0; r < rows; r++) {
      let best = 0;
      for (let c = 1; c < width; c++) if ((out[r * width + c] as number) > (out[r * width + best] as number)) best = c;
      indices[r] = best;
    }
    const perClass = task.classLabels.map((label, c): PredictionColumn => ({
      name: `${task.name}_p_${label}`,
      kind: 'number',
      values: Float32Array.from({ length: rows }, (_, r) => out[r * width + c] as number),
    }));
    return [{ name: task.name, kind: 'class', labels: task.classLabels, indices }, ...perClass];
  });
}

/** One cell's text: a class label, or the number in full (float32 values print as their exact shortest decimal). */
export function cellOf(column: PredictionColumn, row: number): string {
  if (column.kind === 'class') return column.labels[column.indices[row] as number] ?? '';
  return String(column.values[row]);
}
