/** Per-column statistics and a suggested role, for the roles table. */
import type { ColumnRole } from '../types.ts';
import type { Column, Table } from './table.ts';

/** What the person sees beside a column's role selector. */
export interface ColumnSummary {
  name: string;
  type: 'numeric' | 'categorical';
  /** Why the suggested role was chosen, when it is not plain 'input'. */
  kindHint: 'id-like' | 'constant' | 'date-like' | 'binary' | 'numeric' | 'categorical';
  missing: number;
  distinct: number;
  min?: number;
  max?: number;
  mean?: number;
  /** Most frequent values with their counts (at most 5). */
  topValues: { value: string; count: number }[];
  suggestedRole: ColumnRole;
}

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?/;

/** Summarises every column of a table. */
export function summarizeColumns(table: Table): ColumnSummary[] {
  return table.columns.map((c) => summarizeColumn(c, table.rowCount));
}

function summarizeColumn(column: Column, rowCount: number): ColumnSummary {
  const counts = new Map<string, number>();
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  if (column.type === 'numeric') {
    for (const v of column.values) {
      if (Number.isNaN(v)) continue;
      counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
  } else {
    const byCode = new Int32Array(column.dictionary.length);
    for (const code of column.codes) if (code >= 0) byCode[code] = (byCode[code] ?? 0) + 1;
    column.dictionary.forEach((value, i) => counts.set(value, byCode[i] ?? 0));
  }
  const present = rowCount - column.missing;
  const distinct = counts.size;
  const topValues = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([value, count]) => ({ value, count }));
  const kindHint = hintFor(column, distinct, present);
  const suggestedRole: ColumnRole = kindHint === 'id-like' || kindHint === 'constant' || kindHint === 'date-like' ? 'ignore' : 'input';
  const base = { name: column.name, type: column.type, kindHint, missing: column.missing, distinct, topValues, suggestedRole };
  return column.type === 'numeric' && present > 0 ? { ...base, min, max, mean: sum / present } : base;
}

function hintFor(column: Column, distinct: number, present: number): ColumnSummary['kindHint'] {
  if (distinct <= 1) return 'constant';
  if (distinct === 2) return 'binary';
  if (column.type === 'categorical') {
    const sample = column.dictionary.slice(0, 20);
    if (sample.every((v) => DATE_LIKE.test(v))) return 'date-like';
    if (present >= 20 && distinct >= 0.9 * present) return 'id-like';
    return 'categorical';
  }
  return 'numeric';
}
