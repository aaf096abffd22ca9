/**
 * CSV text → columnar {@link Table}. papaparse streams the text in chunks (RFC 4180 quoting; a row cut by
 * a chunk boundary, quoted newlines included, is carried into the next chunk; the delimiter, detected once
 * among , ; tab |, and the line break hold for every chunk), so a large file reports progress, can be
 * cancelled, and lets the thread handle messages in between chunks.
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
  /** Characters per chunk (default 1 MiB). */
  segmentChars?: number;
  /** Called after each chunk with the fraction of the text parsed. */
  onProgress?: (fraction: number) => void;
  /** Checked after each chunk; true aborts with {@link CsvCancelled}. */
  shouldCancel?: () => boolean;
  /** Awaited after each chunk, to let the thread handle messages (e.g. Cancel). */
  yieldToEventLoop?: () => Promise<void>;
}

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * Parses CSV text, yielding between chunks (see {@link ParseOptions}).
 * Throws {@link CsvError} with a readable message for input that is not a table.
 */
export function parseCsv(text: string, options: ParseOptions = {}): Promise<ParsedCsv> {
  const { onProgress, shouldCancel, yieldToEventLoop } = options;
  const chunkSize = options.segmentChars ?? 1 << 20;
  return new Promise<ParsedCsv>((resolve, reject) => {
    const input = withoutBom(text);
    const sink = new TableSink();
    let settled = false;
    let chunks = 0;
    const fail = (error: unknown, parser: Papa.Parser) => {
      if (settled) return;
      settled = true;
      parser.abort();
      reject(error);
    };
    Papa.parse<string[]>(input, {
      ...detectFormat(input),
      skipEmptyLines: true,
      chunkSize,
      // The string streamer cuts chunk k at k·chunkSize; the last chunk reaches the end of the text.
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        try {
          sink.take(results.data, results.meta.delimiter);
          onProgress?.(Math.min(1, (++chunks * chunkSize) / input.length));
          if (shouldCancel?.()) throw new CsvCancelled();
        } catch (error) {
          fail(error, parser);
          return;
        }
        if (!yieldToEventLoop) return;
        parser.pause(); // resume() parses the next chunk, and calls complete() after the last
        yieldToEventLoop()
          .then(() => {
            if (!settled) parser.resume();
          })
          .catch((error: unknown) => fail(error, parser));
      },
      complete() {
        if (settled) return; // aborted
        settled = true;
        try {
          resolve(sink.finish());
        } catch (error) {
          reject(error);
        }
      },
    });
  });
}

/** The same parse in one go, for small texts (tests, generated data). */
export function parseCsvSync(text: string): ParsedCsv {
  const input = withoutBom(text);
  const sink = new TableSink();
  const result = Papa.parse<string[]>(input, { ...detectFormat(input), skipEmptyLines: true });
  sink.take(result.data, result.meta.delimiter);
  return sink.finish();
}

/** Drops a UTF-8 BOM (and a second one, which papaparse would drop itself); refuses a blank text. */
function withoutBom(text: string): string {
  const once = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (once.trim() === '')
    throw new CsvError('The file is empty. Choose a CSV file with a header row and at least one data row.');
  return once.charCodeAt(0) === 0xfeff ? once.slice(1) : once;
}

/**
 * papaparse's own guesses, made once: the line break from the first MiB (as papaparse does for a whole
 * text) and the delimiter from the first rows. Streaming alone would guess on its first chunk, however small.
 */
function detectFormat(input: string): { delimiter: string; newline: '\n' | '\r\n' | '\r' } {
  const { meta } = Papa.parse<string[]>(input.slice(0, 1 << 20), {
    delimitersToGuess: DELIMITERS,
    skipEmptyLines: true,
    preview: 1,
  });
  return { delimiter: meta.delimiter, newline: meta.linebreak as '\n' | '\r\n' | '\r' };
}

const isBlank = (row: string[]) => row.every((cell) => cell.trim() === '');

/** Takes parsed rows chunk by chunk: finds the header, counts ragged and blank rows, fills the columns. */
class TableSink {
  private builders: ColumnBuilder[] | null = null;
  private dataRows = 0;
  private readonly report: ParseReport = {
    shortRows: 0,
    longRows: 0,
    blankRows: 0,
    firstRaggedRows: [],
    renamedHeaders: [],
    delimiter: ',',
  };

  take(rows: string[][], delimiter: string): void {
    let from = 0;
    if (!this.builders) {
      while (from < rows.length && isBlank(rows[from] as string[])) from++; // blank lines before the header
      const header = rows[from++];
      if (!header) return;
      this.report.delimiter = delimiter;
      const { names, renamed } = makeUniqueNames(header);
      this.report.renamedHeaders = renamed;
      this.builders = names.map((n) => new ColumnBuilder(n));
    }
    const builders = this.builders;
    const width = builders.length;
    const report = this.report;
    for (let r = from; r < rows.length; r++) {
      const row = rows[r] as string[];
      if (isBlank(row)) {
        report.blankRows++;
        continue;
      }
      this.dataRows++;
      if (row.length !== width) {
        if (row.length < width) report.shortRows++;
        else report.longRows++;
        if (report.firstRaggedRows.length < 5) report.firstRaggedRows.push(this.dataRows);
      }
      for (let c = 0; c < width; c++) (builders[c] as ColumnBuilder).append(row[c] ?? '');
    }
  }

  finish(): ParsedCsv {
    const builders = this.builders;
    if (!builders || this.dataRows === 0)
      throw new CsvError('The file has a header but no data rows. Add at least one row of values below the header.');
    if (builders.length < 2) {
      throw new CsvError(
        'The file has only one column. A model needs at least two: an input and a target. If your file uses another separator, save it with commas, semicolons, tabs or | between values.',
      );
    }
    return { table: { rowCount: this.dataRows, columns: builders.map((b) => b.finish()) }, report: this.report };
  }
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
