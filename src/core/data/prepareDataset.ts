/**
 * Turns a table and the person's column roles into model-ready arrays: a seeded split, inputs
 * standardised / one-hot encoded with statistics from the training split only, and one target
 * array per task (NaN where the target is missing, so that row is masked out of that task only).
 */
import type { CategoricalColumn, Column, NumericColumn, Table } from '../csv/table.ts';
import type { ColumnRole, TaskKind, TaskSpec } from '../types.ts';
import { DEFAULT_SPLIT, splitRows, type SplitFractions } from './split.ts';

/** One split's rows, ready to become tensors. */
export interface PreparedSplit {
  rows: number;
  x: Float32Array; // [rows, inputSize], row-major
  /** Per task: class index (classification) or standardised value (regression); NaN = missing. */
  targets: Float32Array[]; // each [rows]
}

/** How a regression target was standardised, to report metrics in its own units. */
export interface TargetScale {
  mean: number;
  std: number;
}

export interface PreparedDataset {
  inputSize: number;
  featureNames: string[];
  tasks: TaskSpec[];
  /** Per task; identity (mean 0, std 1) for classification tasks. */
  targetScales: TargetScale[];
  train: PreparedSplit;
  val: PreparedSplit;
  test: PreparedSplit;
}

export interface PrepareOptions {
  seed: number;
  fractions?: SplitFractions;
  /** Categories beyond this many (by training frequency) share one "other" slot. */
  maxOneHot?: number;
  /** Multi-class targets may have at most this many classes. */
  maxClasses?: number;
}

/** Thrown when the roles cannot make a trainable problem; the message is meant for the person. */
export class PrepareError extends Error {
  override name = 'PrepareError';
}

const TASK_KINDS: Record<string, TaskKind> = { binary: 'binary', multiclass: 'multiclass', regression: 'regression' };

/** Builds the split, features and targets. Throws {@link PrepareError} with a readable message. */
export function prepareDataset(table: Table, roles: Record<string, ColumnRole>, options: PrepareOptions): PreparedDataset {
  const { seed, fractions = DEFAULT_SPLIT, maxOneHot = 50, maxClasses = 100 } = options;
  const taskColumns = table.columns.filter((c) => TASK_KINDS[roles[c.name] ?? 'ignore']);
  const inputColumns = table.columns.filter((c) => roles[c.name] === 'input');
  if (taskColumns.length === 0) throw new PrepareError('No column is a target. Set at least one column\'s role to a Binary, Multi-class or Regression target.');
  if (inputColumns.length === 0) throw new PrepareError('No column is left as an input. Set at least one non-target column\'s role to Input.');

  const targetCodings = taskColumns.map((c) => codeTarget(c, TASK_KINDS[roles[c.name] as string] as TaskKind, maxClasses));
  const firstClassTask = targetCodings.find((t) => t.spec.kind !== 'regression');
  const split = splitRows(table.rowCount, seed, fractions, firstClassTask ? stratumCodes(firstClassTask.values) : undefined);
  if (split.train.length === 0 || split.val.length === 0) throw new PrepareError('The table has too few rows to split into training and validation sets. Use a file with at least 10 rows.');

  const encoders = inputColumns.flatMap((c) => fitEncoder(c, split.train, maxOneHot));
  const featureNames = encoders.flatMap((e) => e.names);
  const targetScales = targetCodings.map((t) => (t.spec.kind === 'regression' ? fitScale(t.values, split.train) : { mean: 0, std: 1 }));

  const build = (rowsIdx: Int32Array): PreparedSplit => {
    const x = new Float32Array(rowsIdx.length * featureNames.length);
    let offset = 0;
    for (const enc of encoders) {
      enc.write(rowsIdx, x, offset, featureNames.length);
      offset += enc.names.length;
    }
    const targets = targetCodings.map((t, k) => {
      const scale = targetScales[k] as TargetScale;
      return Float32Array.from(rowsIdx, (r) => ((t.values[r] as number) - scale.mean) / scale.std);
    });
    return { rows: rowsIdx.length, x, targets };
  };
  return {
    inputSize: featureNames.length,
    featureNames,
    tasks: targetCodings.map((t) => t.spec),
    targetScales,
    train: build(split.train),
    val: build(split.val),
    test: build(split.test),
  };
}

interface TargetCoding {
  spec: TaskSpec;
  values: Float64Array; // class index or raw value per row; NaN = missing
}

function codeTarget(column: Column, kind: TaskKind, maxClasses: number): TargetCoding {
  const name = column.name;
  if (column.missing === columnLength(column)) throw new PrepareError(`The target "${name}" has no values. Choose another target column.`);
  if (kind === 'regression') {
    if (column.type !== 'numeric') throw new PrepareError(`The target "${name}" is not numeric, so it cannot be a regression target. Make it a Binary or Multi-class target.`);
    return { spec: { name, kind, numClasses: 1, classLabels: [] }, values: column.values };
  }
  const { labels, codes } = classCodes(column);
  if (labels.length < 2) throw new PrepareError(`The target "${name}" has only one class ("${labels[0] ?? ''}"). A classification target needs at least two.`);
  if (kind === 'binary' && labels.length !== 2) throw new PrepareError(`The target "${name}" has ${labels.length} distinct values, so it cannot be binary. Make it a Multi-class target.`);
  if (labels.length > maxClasses) throw new PrepareError(`The target "${name}" has ${labels.length} classes; the limit is ${maxClasses}. Choose a column with fewer classes, or make it a Regression target if it is numeric.`);
  return { spec: { name, kind, numClasses: labels.length, classLabels: labels }, values: codes };
}

/** Class labels in a stable order (numbers numerically, text alphabetically) and a class index per row. */
function classCodes(column: Column): { labels: string[]; codes: Float64Array } {
  const rowCount = columnLength(column);
  const labelOf =
    column.type === 'numeric'
      ? (r: number): string | null => (Number.isNaN(column.values[r] as number) ? null : String(column.values[r]))
      : (r: number): string | null => ((column.codes[r] as number) < 0 ? null : (column.dictionary[column.codes[r] as number] as string));
  const distinct = new Set<string>();
  for (let r = 0; r < rowCount; r++) {
    const l = labelOf(r);
    if (l !== null) distinct.add(l);
  }
  const labels = [...distinct].sort(column.type === 'numeric' ? (a, b) => Number(a) - Number(b) : (a, b) => a.localeCompare(b));
  const index = new Map(labels.map((l, i) => [l, i]));
  const codes = new Float64Array(rowCount);
  for (let r = 0; r < rowCount; r++) {
    const l = labelOf(r);
    codes[r] = l === null ? NaN : (index.get(l) as number);
  }
  return { labels, codes };
}

function columnLength(column: Column): number {
  return column.type === 'numeric' ? column.values.length : column.codes.length;
}

function stratumCodes(values: Float64Array): Int32Array {
  return Int32Array.from(values, (v) => (Number.isNaN(v) ? -1 : v));
}

function fitScale(values: Float64Array, trainRows: Int32Array): TargetScale {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (const r of trainRows) {
    const v = values[r] as number;
    if (Number.isNaN(v)) continue;
    n++;
    sum += v;
  }
  const mean = n > 0 ? sum / n : 0;
  for (const r of trainRows) {
    const v = values[r] as number;
    if (!Number.isNaN(v)) sumSq += (v - mean) * (v - mean);
  }
  const std = n > 1 ? Math.sqrt(sumSq / n) : 0;
  return { mean, std: std > 1e-12 ? std : 1 };
}

/** Writes some feature columns of the design matrix. */
interface FeatureEncoder {
  names: string[];
  write(rows: Int32Array, x: Float32Array, offset: number, stride: number): void;
}

function fitEncoder(column: Column, trainRows: Int32Array, maxOneHot: number): FeatureEncoder[] {
  return column.type === 'numeric' ? fitNumeric(column, trainRows) : [fitOneHot(column, trainRows, maxOneHot)];
}

/** Standardise (float64 before float32, so huge integers keep their precision); missing → mean, plus an indicator. */
function fitNumeric(column: NumericColumn, trainRows: Int32Array): FeatureEncoder[] {
  const { mean, std } = fitScale(column.values, trainRows);
  const values = column.values;
  const encoders: FeatureEncoder[] = [
    {
      names: [column.name],
      write(rows, x, offset, stride) {
        rows.forEach((r, i) => {
          const v = values[r] as number;
          x[i * stride + offset] = Number.isNaN(v) ? 0 : (v - mean) / std;
        });
      },
    },
  ];
  if (column.missing > 0) {
    encoders.push({
      names: [`${column.name} (missing)`],
      write(rows, x, offset, stride) {
        rows.forEach((r, i) => {
          x[i * stride + offset] = Number.isNaN(values[r] as number) ? 1 : 0;
        });
      },
    });
  }
  return encoders;
}

/** One-hot over the most frequent training categories; rarer or unseen ones share an "other" slot. */
function fitOneHot(column: CategoricalColumn, trainRows: Int32Array, maxOneHot: number): FeatureEncoder {
  const counts = new Int32Array(column.dictionary.length);
  for (const r of trainRows) {
    const code = column.codes[r] as number;
    if (code >= 0) counts[code] = (counts[code] ?? 0) + 1;
  }
  const seen = [...counts.keys()].filter((c) => (counts[c] as number) > 0).sort((a, b) => (counts[b] as number) - (counts[a] as number));
  const kept = seen.slice(0, maxOneHot);
  const needsOther = kept.length < column.dictionary.length;
  const slotOf = new Int32Array(column.dictionary.length).fill(needsOther ? kept.length : -1);
  kept.forEach((code, slot) => (slotOf[code] = slot));
  const names = kept.map((c) => `${column.name}=${column.dictionary[c] as string}`);
  if (needsOther) names.push(`${column.name}=(other)`);
  return {
    names,
    write(rows, x, offset, stride) {
      rows.forEach((r, i) => {
        const code = column.codes[r] as number;
        const slot = code < 0 ? -1 : (slotOf[code] as number);
        if (slot >= 0) x[i * stride + offset + slot] = 1;
      });
    },
  };
}
