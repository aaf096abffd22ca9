/**
 * Turns a table and the person's column settings into model-ready arrays: a seeded split
 * (stratified on the first classification target), features fitted on the training split only,
 * and one target array per task (NaN where the target is missing, so that row is masked out of
 * that task's loss and metrics only).
 */
import type { Table } from '../csv/table.ts';
import type { ColumnRole, EmbeddingSpec, InputEncoding, TaskKind, TaskSpec } from '../types.ts';
import {
  fitEncoders,
  fitScale,
  standardize,
  type DenseEncoder,
  type EmbeddingEncoder,
  type FittedColumn,
} from './featureEncoders.ts';
import type { Preprocessing } from './preprocessing.ts';
import { message } from '../messages/message.ts';
import { PrepareError } from './prepareError.ts';
import { DEFAULT_SPLIT, splitRows, type SplitFractions } from './split.ts';
import { balancedClassWeights, chainTargets, codeTarget } from './targetCoding.ts';

export { PrepareError } from './prepareError.ts';

/** One split's rows, ready to become tensors. */
export interface PreparedSplit {
  rows: number;
  /** The table's row index of each row, in order (which rows the split holds). */
  tableRows: Int32Array;
  x: Float32Array; // [rows, inputSize], row-major
  /** Per embedded column: the id of each row's category. */
  embeddingIds: Float32Array[]; // each [rows]
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
  embeddings: EmbeddingSpec[];
  tasks: TaskSpec[];
  /** Per task; identity (mean 0, std 1) for classification tasks. */
  targetScales: TargetScale[];
  /** Per task: loss weight of each class (balanced), or null for unweighted. */
  classWeights: (number[] | null)[];
  train: PreparedSplit;
  val: PreparedSplit;
  test: PreparedSplit;
  /** What was learned from the training rows, as plain data (to encode new rows the same way). */
  preprocessing: Preprocessing;
}

/** Everything the person decides about the columns. Only `roles` is required. */
export interface ColumnSettings {
  roles: Record<string, ColumnRole>;
  /** How numeric input columns are encoded (default numeric; text columns are always categorical). */
  encodings?: Record<string, InputEncoding>;
  /** The positive class of binary targets (default: the rarer class). */
  positiveClasses?: Record<string, string>;
  /** Classification targets whose classes get balanced loss weights. */
  balanceClasses?: Record<string, boolean>;
  /**
   * Chained binary targets (ESMM): task name → the binary task it is observed after (e.g.
   * purchased → clicked). See {@link TaskSpec.chainedTo}.
   */
  chainedTo?: Record<string, string>;
}

export interface PrepareOptions {
  seed: number;
  fractions?: SplitFractions;
  maxOneHot?: number;
  maxEmbeddingVocab?: number;
  embeddingDim?: number;
  /** Multi-class targets may have at most this many classes. */
  maxClasses?: number;
  /**
   * Regression targets are trained standardised (default). Off, they keep their own units, so a
   * target in large units dominates the weighted total (the loss-scales lesson shows it).
   */
  standardizeTargets?: boolean;
}

export const MAX_CLASSES = 100;
/** Categories up to this many are one-hot encoded; more get a learned embedding. */
export const MAX_ONE_HOT = 50;
export const MAX_EMBEDDING_VOCAB = 5000;
const TASK_KINDS: Partial<Record<ColumnRole, TaskKind>> = {
  binary: 'binary',
  multiclass: 'multiclass',
  regression: 'regression',
};

/** Builds the split, features and targets. Throws {@link PrepareError} with a readable message. */
export function prepareDataset(table: Table, settings: ColumnSettings, options: PrepareOptions): PreparedDataset {
  const { roles, encodings = {}, positiveClasses = {}, balanceClasses = {}, chainedTo = {} } = settings;
  const {
    seed,
    fractions = DEFAULT_SPLIT,
    maxOneHot = MAX_ONE_HOT,
    maxEmbeddingVocab = MAX_EMBEDDING_VOCAB,
    embeddingDim = 0,
    maxClasses = MAX_CLASSES,
  } = options;
  const taskColumns = table.columns.filter((c) => TASK_KINDS[roles[c.name] ?? 'ignore']);
  const inputColumns = table.columns.filter((c) => roles[c.name] === 'input');
  if (taskColumns.length === 0) throw new PrepareError(message('messages.data.noTarget'));
  if (inputColumns.length === 0) throw new PrepareError(message('messages.data.noInput'));

  const targets = taskColumns.map((c) =>
    codeTarget(c, TASK_KINDS[roles[c.name] as ColumnRole] as TaskKind, maxClasses, positiveClasses[c.name]),
  );
  chainTargets(targets, chainedTo);
  const firstClassTask = targets.find((t) => t.spec.kind !== 'regression');
  const strata = firstClassTask ? Int32Array.from(firstClassTask.values, (v) => (Number.isNaN(v) ? -1 : v)) : undefined;
  const split = splitRows(table.rowCount, seed, fractions, strata);
  if (split.train.length < 2 || split.val.length === 0) throw new PrepareError(message('messages.data.tooFewRows'));

  const encoderOptions = { maxOneHot, maxEmbeddingVocab, embeddingDim };
  const fitted: FittedColumn[] = [];
  let embeddingIndex = 0;
  for (const c of inputColumns) {
    const column = fitEncoders(c, encodings[c.name] === 'categorical', split.train, encoderOptions, embeddingIndex);
    if (column.rule.kind === 'embedding') embeddingIndex++;
    fitted.push(column);
  }
  const encoders = fitted.flatMap((f) => f.encoders);
  const dense = encoders.filter((e): e is DenseEncoder => e.kind === 'dense');
  const embedded = encoders.filter((e): e is EmbeddingEncoder => e.kind === 'embedding');
  const featureNames = dense.flatMap((e) => e.names);
  if (featureNames.length === 0 && embedded.length === 0)
    throw new PrepareError(message('messages.data.noInputValues'));
  const targetScales = targets.map((t) =>
    t.spec.kind === 'regression' && options.standardizeTargets !== false
      ? fitScale(t.values, split.train)
      : { mean: 0, std: 1 },
  );
  const classWeights = targets.map((t) =>
    t.spec.kind !== 'regression' && balanceClasses[t.spec.name]
      ? balancedClassWeights(t.values, split.train, t.spec.numClasses)
      : null,
  );

  const build = (rowsIdx: Int32Array): PreparedSplit => {
    const x = new Float32Array(rowsIdx.length * featureNames.length);
    let offset = 0;
    for (const enc of dense) {
      enc.write(rowsIdx, x, offset, featureNames.length);
      offset += enc.names.length;
    }
    const targetArrays = targets.map((t, k) => {
      const scale = targetScales[k] as TargetScale;
      return Float32Array.from(rowsIdx, (r) => standardize(t.values[r] as number, scale.mean, scale.std));
    });
    return {
      rows: rowsIdx.length,
      tableRows: rowsIdx,
      x,
      embeddingIds: embedded.map((e) => e.ids(rowsIdx)),
      targets: targetArrays,
    };
  };
  const embeddings = embedded.map((e) => e.spec);
  const tasks = targets.map((t) => t.spec);
  return {
    inputSize: featureNames.length,
    featureNames,
    embeddings,
    tasks,
    targetScales,
    classWeights,
    train: build(split.train),
    val: build(split.val),
    test: build(split.test),
    preprocessing: { inputs: fitted.map((f) => f.rule), featureNames, embeddings, tasks, targetScales },
  };
}
