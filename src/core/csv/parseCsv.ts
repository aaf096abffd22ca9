/** Turns CSV text into a columnar {@link Table}: header row, NA tokens, ragged rows, duplicate names. */
import Papa from 'papaparse';
import type { CategoricalColumn, Column, NumericColumn, Table } from './table.ts';

/** Cell texts read as "missing" (compared after trimming). */
export const NA_TOKENS: ReadonlySet<string> = new Set(['', 'NA', 'N/A', 'n/a', 'na', 'null', 'NULL', 'NaN', 'nan', '?', '.', '-']);

/** What parsing noticed that the person should be told about. */
export interface ParseReport {
  /** Rows with fewer cells than the header (padded with missing). */
  shortRows: number;
  /** Rows with more cells than the header (extra cells dropped). */
  longRows: number;
  /** 1-based line numbers of the first few ragged rows. */
  firstRaggedRows: number[];
  /** Header names that were empty or repeated, and what they became. */
  renamedHeaders: { from: string; to: string }[];
}

export interface ParsedCsv {
  table: Table;
  report: ParseReport;
}

/** Thrown for input that cannot become a table; the message is meant for the person. */
export class CsvError extends Error {
  override name = 'CsvError';
}

/**
 * Parses CSV text (RFC 4180 quoting; delimiter detected among , ; tab |).
 * Columns whose present values are all numbers become numeric, the rest categorical.
 */
export function parseCsv(text: string): ParsedCsv {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (clean.trim() === '') throw new CsvError('The file is empty. Choose a CSV file with a header row and at least one data row.');
  const result = Papa.parse<string[]>(clean, {
    header: false,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const rows = result.data;
  const header = rows[0];
  if (!header || rows.length < 2) {
    throw new CsvError('The file has a header but no data rows. Add at least one row of values below the header.');
  }
  const { names, renamed } = makeUniqueNames(header);
  const width = names.length;
  const rowCount = rows.length - 1;
  const cells: string[][] = names.map(() => new Array<string>(rowCount));
  const report: ParseReport = { shortRows: 0, longRows: 0, firstRaggedRows: [], renamedHeaders: renamed };
  for (let r = 0; r < rowCount; r++) {
    const row = rows[r + 1] ?? [];
    if (row.length !== width) {
      if (row.length < width) report.shortRows++;
      else report.longRows++;
      if (report.firstRaggedRows.length < 5) report.firstRaggedRows.push(r + 2);
    }
    for (let c = 0; c < width; c++) (cells[c] as string[])[r] = row[c] ?? '';
  }
  const columns = names.map((name, c) => buildColumn(name, cells[c] as string[]));
  return { table: { rowCount, columns }, report };
}

function makeUniqueNames(header: string[]): { names: string[]; renamed: { from: string; to: string }[] } {
  const seen = new Set<string>();
  const renamed: { from: string; to: string }[] = [];
  const names = header.map((raw, i) => {
    const base = raw.trim() === '' ? `column_${i + 1}` : raw.trim();
    let name = base;
    for (let k = 2; seen.has(name); k++) name = `${base}_${k}`;
    seen.add(name);
    if (name !== raw) renamed.push({ from: raw, to: name });
    return name;
  });
  return { names, renamed };
}

function buildColumn(name: string, texts: string[]): Column {
  const n = texts.length;
  const values = new Float64Array(n);
  let missing = 0;
  let numeric = true;
  for (let i = 0; i < n; i++) {
    const t = (texts[i] as string).trim();
    if (NA_TOKENS.has(t)) {
      values[i] = NaN;
      missing++;
      continue;
    }
    const v = Number(t);
    if (!Number.isFinite(v)) {
      numeric = false;
      break;
    }
    values[i] = v;
  }
  if (numeric && missing < n) return { name, type: 'numeric', values, missing } satisfies NumericColumn;
  return encodeCategorical(name, texts);
}

function encodeCategorical(name: string, texts: string[]): CategoricalColumn {
  const codes = new Int32Array(texts.length);
  const index = new Map<string, number>();
  const dictionary: string[] = [];
  let missing = 0;
  texts.forEach((raw, i) => {
    const t = raw.trim();
    if (NA_TOKENS.has(t)) {
      codes[i] = -1;
      missing++;
      return;
    }
    let code = index.get(t);
    if (code === undefined) {
      code = dictionary.length;
      dictionary.push(t);
      index.set(t, code);
    }
    codes[i] = code;
  });
  return { name, type: 'categorical', codes, dictionary, missing };
}
