/** Columnar in-memory table: typed arrays for numbers, dictionary-encoded strings. */

/** A column whose every present value parsed as a finite number. Missing cells are NaN. */
export interface NumericColumn {
  name: string;
  type: 'numeric';
  values: Float64Array; // [rowCount]
  missing: number;
}

/** A column of strings, stored as codes into a dictionary. Missing cells have code -1. */
export interface CategoricalColumn {
  name: string;
  type: 'categorical';
  codes: Int32Array; // [rowCount]
  dictionary: string[];
  missing: number;
}

export type Column = NumericColumn | CategoricalColumn;

/** A parsed CSV. */
export interface Table {
  rowCount: number;
  columns: Column[];
}

/** The cell at (row, column) as display text; '' when missing. */
export function cellText(column: Column, row: number): string {
  if (column.type === 'numeric') {
    const v = column.values[row] ?? NaN;
    return Number.isNaN(v) ? '' : String(v);
  }
  const code = column.codes[row] ?? -1;
  return code < 0 ? '' : (column.dictionary[code] ?? '');
}
