/**
 * A new table → the model's inputs, with the preprocessing its training learned (never refitted):
 * the same standardisation, one-hot slots and embedding ids as the training rows got. Input
 * columns are found by name; missing ones are an error naming them, extra ones are listed.
 */
import type { Column, Table } from '../csv/table.ts';
import { commaList, message } from '../messages/message.ts';
import { standardize } from './featureEncoders.ts';
import { PrepareError } from './prepareError.ts';
import { ruleWidth, type InputRule, type Preprocessing } from './preprocessing.ts';

export interface EncodedRows {
  rows: number;
  /** Dense features [rows, featureNames.length], row-major. */
  x: Float32Array;
  /** Per embedding, in order: each row's id. */
  embeddingIds: Float32Array[];
  /** Columns of the table the model does not use (targets among them, if present). */
  extraColumns: string[];
  /** Per categorical input with categories training never saw: how many rows had one (they go to "other"). */
  unseen: { column: string; rows: number }[];
}

/** Encodes every row of `table`. Throws {@link PrepareError} naming the input columns it lacks. */
export function encodeNewRows(table: Table, preprocessing: Preprocessing): EncodedRows {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const missing = preprocessing.inputs.map((r) => r.column).filter((name) => !byName.has(name));
  if (missing.length > 0)
    throw new PrepareError(
      message('messages.predict.missingColumns', { count: missing.length, columns: commaList(missing) }),
    );
  const used = new Set(preprocessing.inputs.map((r) => r.column));
  const rows = table.rowCount;
  const width = preprocessing.featureNames.length;
  const x = new Float32Array(rows * width);
  const embeddingIds: Float32Array[] = preprocessing.embeddings.map(() => new Float32Array(rows));
  const unseen: EncodedRows['unseen'] = [];
  let offset = 0;
  for (const rule of preprocessing.inputs) {
    const column = byName.get(rule.column) as Column;
    const unseenRows = writeRule(rule, column, rows, x, offset, width, embeddingIds);
    if (unseenRows > 0) unseen.push({ column: rule.column, rows: unseenRows });
    offset += ruleWidth(rule);
  }
  return { rows, x, embeddingIds, extraColumns: table.columns.map((c) => c.name).filter((n) => !used.has(n)), unseen };
}

/** Writes one rule's slots (or ids) for every row; returns how many rows had an unseen category. */
function writeRule(
  rule: InputRule,
  column: Column,
  rows: number,
  x: Float32Array,
  offset: number,
  stride: number,
  embeddingIds: Float32Array[],
): number {
  if (rule.kind === 'numeric') {
    const valueOf = numberReader(column);
    for (let r = 0; r < rows; r++) {
      const v = valueOf(r);
      const isMissing = Number.isNaN(v);
      x[r * stride + offset] = isMissing ? 0 : standardize(v, rule.mean, rule.std);
      if (rule.missingIndicator) x[r * stride + offset + 1] = isMissing ? 1 : 0;
    }
    return 0;
  }
  const labelOf = labelReader(column);
  const known = new Map((rule.kind === 'oneHot' ? rule.categories : rule.vocabulary).map((l, i) => [l, i]));
  let unseen = 0;
  for (let r = 0; r < rows; r++) {
    const label = labelOf(r);
    const index = label === null ? undefined : known.get(label);
    if (label !== null && index === undefined) unseen++;
    if (rule.kind === 'oneHot') {
      const slot = label === null ? -1 : (index ?? (rule.other ? rule.categories.length : -1));
      if (slot >= 0) x[r * stride + offset + slot] = 1;
    } else {
      const ids = embeddingIds[rule.index] as Float32Array;
      ids[r] = label === null ? 0 : index === undefined ? 1 : index + 2;
    }
  }
  return unseen;
}

/** A cell as a number: a text column's cells are read as numbers where they are ones (else missing). */
function numberReader(column: Column): (r: number) => number {
  if (column.type === 'numeric') return (r) => column.values[r] as number;
  const parsed = column.dictionary.map((d) => {
    const v = d.trim() === '' ? NaN : Number(d);
    return Number.isFinite(v) ? v : NaN;
  });
  return (r) => {
    const code = column.codes[r] as number;
    return code < 0 ? NaN : (parsed[code] as number);
  };
}

/** A cell as the category label training used: text as it is, numbers as JavaScript prints them. */
function labelReader(column: Column): (r: number) => string | null {
  if (column.type === 'numeric')
    return (r) => {
      const v = column.values[r] as number;
      return Number.isNaN(v) ? null : String(v);
    };
  return (r) => {
    const code = column.codes[r] as number;
    return code < 0 ? null : (column.dictionary[code] as string);
  };
}
