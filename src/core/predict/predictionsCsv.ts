/** The predictions as CSV: `row` (the input row's 1-based number), then each prediction column (UI contract). */
import Papa from 'papaparse';
import { cellOf, type PredictionColumn } from './predictionColumns.ts';

export function predictionsCsv(columns: readonly PredictionColumn[], rows: number): string {
  const data = Array.from({ length: rows }, (_, r) => [String(r + 1), ...columns.map((c) => cellOf(c, r))]);
  // Papa quotes what needs quoting (a comma or quote in a class label or a task name).
  return Papa.unparse({ fields: ['row', ...columns.map((c) => c.name)], data }, { newline: '\n' }) + '\n';
}
