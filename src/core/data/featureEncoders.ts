/**
 * Input columns → features, with every statistic fitted on the training rows only:
 * numbers standardised (missing → mean, plus an indicator), categories one-hot up to a
 * cardinality threshold, above it an id for a learned embedding (rare and unseen → "other").
 */
import type { CategoricalColumn, Column, NumericColumn } from '../csv/table.ts';
import type { EmbeddingSpec } from '../types.ts';
import type { InputRule } from './preprocessing.ts';

/** Writes some columns of the dense feature matrix. */
export interface DenseEncoder {
  kind: 'dense';
  names: string[];
  write(rows: Int32Array, x: Float32Array, offset: number, stride: number): void;
}

/** Produces one embedding id per row. */
export interface EmbeddingEncoder {
  kind: 'embedding';
  spec: EmbeddingSpec;
  ids(rows: Int32Array): Float32Array; // [rows]
}

export type FeatureEncoder = DenseEncoder | EmbeddingEncoder;

/** One input column's encoders, and what they learned as plain data (for the model bundle). */
export interface FittedColumn {
  encoders: FeatureEncoder[];
  rule: InputRule;
}

export interface EncoderOptions {
  /** Categories up to this many are one-hot encoded; more get an embedding. */
  maxOneHot: number;
  /** Known categories kept in an embedding's table (the rest share "other"). */
  maxEmbeddingVocab: number;
  /** Embedding width; 0 = automatic from the vocabulary size. */
  embeddingDim: number;
}

/**
 * Mean and population standard deviation of the present training values (std 1 if constant).
 * Welford's update, so huge magnitudes do not overflow a running sum.
 */
export function fitScale(values: Float64Array, trainRows: Int32Array): { mean: number; std: number } {
  // Welford's update on values divided by the largest magnitude: near ±1.8e308 the differences
  // themselves would overflow (Infinity − Infinity = NaN); the scale is put back at the end.
  let largest = 0;
  for (const r of trainRows) {
    const v = Math.abs(values[r] as number);
    if (v > largest && Number.isFinite(v)) largest = v;
  }
  const unit = largest > 0 ? largest : 1;
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (const r of trainRows) {
    const v = (values[r] as number) / unit;
    if (Number.isNaN(v)) continue;
    n++;
    const delta = v - mean;
    mean += delta / n;
    m2 += delta * (v - mean);
  }
  mean *= unit;
  const std = n > 1 ? Math.sqrt(m2 / n) * unit : 0;
  return { mean, std: std > 1e-12 && Number.isFinite(std) ? std : std > 1e-12 ? Number.MAX_VALUE : 1 };
}

/**
 * Standardised values are clipped to ±1e6 standard deviations: a value that far outside the
 * training data (possible in validation or test rows) would otherwise overflow float32.
 */
export const MAX_Z = 1e6;

/** (v − mean) / std, clipped to ±{@link MAX_Z}. */
export function standardize(v: number, mean: number, std: number): number {
  const z = (v - mean) / std;
  return z > MAX_Z ? MAX_Z : z < -MAX_Z ? -MAX_Z : z;
}

/** Fits the encoders of one input column. `embeddingIndex`: the index its embedding would get. */
export function fitEncoders(
  column: Column,
  asCategorical: boolean,
  trainRows: Int32Array,
  options: EncoderOptions,
  embeddingIndex = 0,
): FittedColumn {
  if (column.type === 'numeric' && !asCategorical) return fitNumeric(column, trainRows);
  const categorical = column.type === 'numeric' ? numericAsCategorical(column) : column;
  const counts = new Int32Array(categorical.dictionary.length);
  for (const r of trainRows) {
    const code = categorical.codes[r] as number;
    if (code >= 0) counts[code] = (counts[code] ?? 0) + 1;
  }
  const seen = [...counts.keys()]
    .filter((c) => (counts[c] as number) > 0)
    .sort((a, b) => (counts[b] as number) - (counts[a] as number));
  if (seen.length <= options.maxOneHot) {
    const encoder = fitOneHot(categorical, seen);
    const rule: InputRule = {
      kind: 'oneHot',
      column: column.name,
      categories: seen.map((c) => categorical.dictionary[c] as string),
      other: encoder.names.length > seen.length,
    };
    return { encoders: [encoder], rule };
  }
  const { encoder, kept } = fitEmbedding(categorical, seen, options);
  const vocabulary = kept.map((c) => categorical.dictionary[c] as string);
  return { encoders: [encoder], rule: { kind: 'embedding', column: column.name, vocabulary, index: embeddingIndex } };
}

/** Float64 statistics before the float32 write, so huge integers keep their precision. */
function fitNumeric(column: NumericColumn, trainRows: Int32Array): FittedColumn {
  const { mean, std } = fitScale(column.values, trainRows);
  const values = column.values;
  const encoders: FeatureEncoder[] = [
    {
      kind: 'dense',
      names: [column.name],
      write(rows, x, offset, stride) {
        rows.forEach((r, i) => {
          const v = values[r] as number;
          x[i * stride + offset] = Number.isNaN(v) ? 0 : standardize(v, mean, std);
        });
      },
    },
  ];
  if (column.missing > 0) {
    encoders.push({
      kind: 'dense',
      names: [`${column.name} (missing)`],
      write(rows, x, offset, stride) {
        rows.forEach((r, i) => (x[i * stride + offset] = Number.isNaN(values[r] as number) ? 1 : 0));
      },
    });
  }
  const rule: InputRule = { kind: 'numeric', column: column.name, mean, std, missingIndicator: column.missing > 0 };
  return { encoders, rule };
}

/** One slot per training category, plus "(other)" for categories only seen outside training. Missing → all zeros. */
function fitOneHot(column: CategoricalColumn, seen: number[]): DenseEncoder {
  const needsOther = seen.length < column.dictionary.length;
  const slotOf = new Int32Array(column.dictionary.length).fill(needsOther ? seen.length : -1);
  seen.forEach((code, slot) => (slotOf[code] = slot));
  const names = seen.map((c) => `${column.name}=${column.dictionary[c] as string}`);
  if (needsOther) names.push(`${column.name}=(other)`);
  return {
    kind: 'dense',
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

/** Ids: 0 = missing, 1 = rare or unseen, 2… = the most frequent training categories. */
function fitEmbedding(
  column: CategoricalColumn,
  seen: number[],
  options: EncoderOptions,
): { encoder: EmbeddingEncoder; kept: number[] } {
  const kept = seen.slice(0, options.maxEmbeddingVocab);
  const idOf = new Int32Array(column.dictionary.length).fill(1);
  kept.forEach((code, i) => (idOf[code] = i + 2));
  const vocabSize = kept.length + 2;
  const dim = embeddingDimFor(vocabSize, options.embeddingDim);
  const encoder: EmbeddingEncoder = {
    kind: 'embedding',
    spec: { name: column.name, vocabSize, dim },
    ids: (rows) =>
      Float32Array.from(rows, (r) => {
        const code = column.codes[r] as number;
        return code < 0 ? 0 : (idOf[code] as number);
      }),
  };
  return { encoder, kept };
}

/** Embedding width: the person's choice, else fast.ai's rule of thumb capped at 16 (structure without slow training). */
export function embeddingDimFor(vocabSize: number, chosen: number): number {
  return chosen > 0 ? chosen : Math.min(16, Math.round(1.6 * Math.pow(vocabSize, 0.56)));
}

/** A numeric column read as categories (its distinct values as labels), e.g. integer codes. */
function numericAsCategorical(column: NumericColumn): CategoricalColumn {
  const index = new Map<number, number>();
  const dictionary: string[] = [];
  const codes = Int32Array.from(column.values, (v) => {
    if (Number.isNaN(v)) return -1;
    let code = index.get(v);
    if (code === undefined) {
      code = dictionary.length;
      index.set(v, code);
      dictionary.push(String(v));
    }
    return code;
  });
  return { name: column.name, type: 'categorical', codes, dictionary, missing: column.missing };
}
