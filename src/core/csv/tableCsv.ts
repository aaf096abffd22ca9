/**
 * A table as CSV text that reads back to the same table: numbers as JavaScript prints them (they
 * parse to the same doubles), categories as their text, missing cells empty. For a generated sample,
 * which has no file of its own (the PyTorch project carries it).
 */
import { cellText, type Table } from './table.ts';

/** Quotes a field that holds a comma, a quote or a line break (RFC 4180). */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function tableCsv(table: Table): string {
  const lines = [table.columns.map((c) => csvField(c.name)).join(',')];
  for (let r = 0; r < table.rowCount; r++) lines.push(table.columns.map((c) => csvField(cellText(c, r))).join(','));
  return lines.join('\n') + '\n';
}
