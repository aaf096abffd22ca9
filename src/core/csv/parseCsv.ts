/**
 * CSV text → columnar {@link Table}. The text is cut into segments at line ends outside quotes and
 * each segment is parsed by papaparse (RFC 4180 quoting; delimiter detected among , ; tab |), so a
 * large file reports progress, can be cancelled, and lets the thread handle messages in between.
 */
import Papa from 'papaparse';
import { ColumnBuilder } from './columnBuilder.ts';
import { CsvCancelled, CsvError } from './csvError.ts';
import type { Table } from './table.ts';

export { CsvCancelled, CsvError } from './csvError.ts';

/** What parsing noticed that the person should be told about. */
export interface ParseReport {
  /** Rows with fewer cells than the header: padded with missing cells. */
  shortRows: number;
  /** Rows with more cells than the header: the extra cells are dropped. */
  longRows: number;
  /** Rows whose every cell is blank (e.g. ",,,"), dropped. */
  blankRows: number;
  /** 1-based data-row numbers (the header is row 0) of the first few ragged rows. */
  firstRaggedRows: number[];
  /** Header names that were empty or repeated, and what they became. */
  renamedHeaders: { from: string; to: string }[];
  delimiter: string;
}

export interface ParsedCsv {
  table: Table;
  report: ParseReport;
}

export interface ParseOptions {
  /** Characters per segment (default 1 MiB). */
  segmentChars?: number;
  /** Called after each segment with the fraction of the text parsed. */
  onProgress?: (fraction: number) => void;
  /** Checked after each segment; true aborts with {@link CsvCancelled}. */
  shouldCancel?: () => boolean;
  /** Awaited after each segment, to let the thread handle messages (e.g. Cancel). */
  yieldToEventLoop?: () => Promise<void>;
}

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * Parses CSV text, yielding between segments (see {@link ParseOptions}).
 * Throws {@link CsvError} with a readable message for input that is not a table.
 */
export async function parseCsv(text: string, options: ParseOptions = {}): Promise<ParsedCsv> {
  const steps = parseSteps(text, options.segmentChars ?? 1 << 20);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    options.onProgress?.(step.value);
    if (options.shouldCancel?.()) throw new CsvCancelled();
    if (options.yieldToEventLoop) await options.yieldToEventLoop();
  }
}

/** The same parse in one go, for small texts (tests, generated data). */
export function parseCsvSync(text: string): ParsedCsv {
  const steps = parseSteps(text, Number.MAX_SAFE_INTEGER);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** Parses segment by segment, yielding the fraction done after each; returns the table. */
function* parseSteps(text: string, segmentChars: number): Generator<number, ParsedCsv> {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (clean.trim() === '')
    throw new CsvError('The file is empty. Choose a CSV file with a header row and at least one data row.');
  let delimiter: string | undefined;
  let builders: ColumnBuilder[] | null = null;
  const report: ParseReport = {
    shortRows: 0,
    longRows: 0,
    blankRows: 0,
    firstRaggedRows: [],
    renamedHeaders: [],
    delimiter: ',',
  };
  let dataRows = 0;

  for (const [start, end] of lineSafeSegments(clean, segmentChars)) {
    const result = Papa.parse<string[]>(
      clean.slice(start, end),
      delimiter ? { delimiter, skipEmptyLines: true } : { delimitersToGuess: DELIMITERS, skipEmptyLines: true },
    );
    let rows = result.data;
    if (!builders) {
      while (rows.length > 0 && (rows[0] as string[]).every((cell) => cell.trim() === '')) rows = rows.slice(1); // blank lines before the header
      const header = rows[0];
      if (!header) continue;
      delimiter = result.meta.delimiter;
      report.delimiter = delimiter;
      const { names, renamed } = makeUniqueNames(header);
      report.renamedHeaders = renamed;
      builders = names.map((n) => new ColumnBuilder(n));
      rows = rows.slice(1);
    }
    const width = builders.length;
    for (const row of rows) {
      if (row.every((cell) => cell.trim() === '')) {
        report.blankRows++;
        continue;
      }
      dataRows++;
      if (row.length !== width) {
        if (row.length < width) report.shortRows++;
        else report.longRows++;
        if (report.firstRaggedRows.length < 5) report.firstRaggedRows.push(dataRows);
      }
      for (let c = 0; c < width; c++) (builders[c] as ColumnBuilder).append(row[c] ?? '');
    }
    yield end / clean.length;
  }
  if (!builders || dataRows === 0)
    throw new CsvError('The file has a header but no data rows. Add at least one row of values below the header.');
  if (builders.length < 2) {
    throw new CsvError(
      'The file has only one column. A model needs at least two: an input and a target. If your file uses another separator, save it with commas, semicolons, tabs or | between values.',
    );
  }
  return { table: { rowCount: dataRows, columns: builders.map((b) => b.finish()) }, report };
}

/**
 * Yields [start, end) ranges that end just after a line break outside quotes (RFC 4180 quotes are
 * doubled inside fields, so an even quote count before a newline means it is outside a field).
 */
export function* lineSafeSegments(text: string, segmentChars: number): Generator<[number, number]> {
  let start = 0;
  while (start < text.length) {
    const target = start + segmentChars;
    let cut = text.length;
    if (target < text.length) {
      let quotes = countQuotes(text, start, target); // quotes in [start, pos)
      for (let pos = target; ;) {
        const nl = text.indexOf('\n', pos);
        if (nl === -1) break;
        quotes += countQuotes(text, pos, nl);
        if (quotes % 2 === 0) {
          cut = nl + 1;
          break;
        }
        pos = nl + 1;
      }
    }
    yield [start, cut];
    start = cut;
  }
}

function countQuotes(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('"', from); i !== -1 && i < to; i = text.indexOf('"', i + 1)) n++;
  return n;
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
