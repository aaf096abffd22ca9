/** Per-column statistics and a suggested role and encoding, for the roles table. */
import type { ColumnRole, InputEncoding } from '../types.ts';
import type { Column, Table } from './table.ts';

/** What the person sees beside a column's role selector. */
export interface ColumnSummary {
  name: string;
  type: 'numeric' | 'categorical';
  /** What inference thinks the column is. */
  kind: 'numeric' | 'integer codes' | 'categorical' | 'binary' | 'id-like' | 'constant' | 'date-like';
  missing: number;
  distinct: number;
  min?: number;
  max?: number;
  mean?: number;
  /** Most frequent values with their counts (at most 5). */
  topValues: { value: string; count: number }[];
  suggestedRole: ColumnRole;
  /** How an input column is encoded by default: standardised number, or one-hot / embedding. */
  suggestedEncoding: InputEncoding;
}

const DATE_LIKE = /^\d{4}[-/]\d{1,2}[-/]\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2})?)?|^\d{1,2}[-/]\d{1,2}[-/]\d{4}$/;
/** Integer columns named like codes hold categories, whatever their count (e.g. det_ind_code). */
const CODE_LIKE_NAME = /(code|_id$|^id_|_type$|category|class|_cat$)/i;
const FEW_INTEGER_VALUES = 10;

/** Summarises every column of a table. */
export function summarizeColumns(table: Table): ColumnSummary[] {
  return table.columns.map((c) => summarizeColumn(c, table.rowCount));
}

function summarizeColumn(column: Column, rowCount: number): ColumnSummary {
  const present = rowCount - column.missing;
  let counts: Map<string | number, number>;
  let stats: { min: number; max: number; mean: number; integer: boolean } | null = null;
  if (column.type === 'numeric') {
    counts = new Map();
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    let integer = true;
    for (const v of column.values) {
      if (Number.isNaN(v)) continue;
      counts.set(v, (counts.get(v) ?? 0) + 1); // keyed by number: no string per cell
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
      if (integer && !Number.isInteger(v)) integer = false;
    }
    let mean = sum / Math.max(present, 1);
    if (!Number.isFinite(mean) && present > 0) {
      // The sum overflowed (cells near ±1.8e308): add the shares instead.
      mean = 0;
      for (const v of column.values) if (!Number.isNaN(v)) mean += v / present;
    }
    stats = { min, max, mean, integer };
  } else {
    const byCode = new Int32Array(column.dictionary.length);
    for (const code of column.codes) if (code >= 0) byCode[code] = (byCode[code] ?? 0) + 1;
    counts = new Map(column.dictionary.map((value, i) => [value, byCode[i] ?? 0]));
  }
  const distinct = counts.size;
  const topValues = topEntries(counts, 5).map(([value, count]) => ({ value: String(value), count }));
  const kind = kindOf(column, distinct, present, stats?.integer ?? false);
  const suggestedRole: ColumnRole =
    kind === 'id-like' || kind === 'constant' || kind === 'date-like' ? 'ignore' : 'input';
  const suggestedEncoding: InputEncoding =
    column.type === 'categorical' || kind === 'integer codes' ? 'categorical' : 'numeric';
  const base = {
    name: column.name,
    type: column.type,
    kind,
    missing: column.missing,
    distinct,
    topValues,
    suggestedRole,
    suggestedEncoding,
  };
  return stats && present > 0 ? { ...base, min: stats.min, max: stats.max, mean: stats.mean } : base;
}

function kindOf(column: Column, distinct: number, present: number, integer: boolean): ColumnSummary['kind'] {
  if (distinct <= 1) return 'constant';
  if (distinct === 2) return 'binary';
  const nearlyUnique = present >= 20 && distinct >= 0.9 * present;
  if (column.type === 'categorical') {
    const sample = column.dictionary.slice(0, 50);
    if (sample.every((v) => DATE_LIKE.test(v))) return 'date-like';
    return nearlyUnique ? 'id-like' : 'categorical';
  }
  if (integer && nearlyUnique && CODE_LIKE_NAME.test(column.name)) return 'id-like';
  if (integer && (distinct <= FEW_INTEGER_VALUES || CODE_LIKE_NAME.test(column.name))) return 'integer codes';
  return 'numeric';
}

/** The k most frequent entries, most frequent first, in one pass (no sort of every distinct value). */
function topEntries<K>(counts: Map<K, number>, k: number): [K, number][] {
  const top: [K, number][] = [];
  for (const entry of counts) {
    if (top.length === k && entry[1] <= (top[k - 1] as [K, number])[1]) continue;
    let i = top.length;
    while (i > 0 && (top[i - 1] as [K, number])[1] < entry[1]) i--;
    top.splice(i, 0, entry);
    if (top.length > k) top.pop();
  }
  return top;
}
