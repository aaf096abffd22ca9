/**
 * CSV text → columnar {@link Table}. papaparse streams the text in chunks (RFC 4180 quoting; a row cut by
 * a chunk boundary, quoted newlines included, is carried into the next chunk; the delimiter, detected once
 * among , ; tab |, and the line break hold for every chunk), so a large file reports progress, can be
 * cancelled, and lets the thread handle messages in between chunks.
 */
import Papa from 'papaparse';
import { CsvCancelled, CsvError } from './csvError.ts';
import { message, type Message } from '../messages/message.ts';
import type { ParseProblem } from './parseProblems.ts';
import { TableSink, type CsvFormat } from './tableSink.ts';
import type { Table } from './table.ts';

export { CsvCancelled, CsvError } from './csvError.ts';
export type { ParseProblem, ParseProblemKind } from './parseProblems.ts';

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
  /**
   * Every problem papaparse reported or the parse repaired (quotes, ragged and blank rows, renamed headers,
   * near-numeric columns), with its first rows and what was done. Always set by the parser; absent in
   * reports made elsewhere (generated tables).
   */
  problems?: ParseProblem[];
  /** One sentence for the page's alert when rows were merged or cut beyond a few, or a quote never closes. */
  alert?: Message;
}

/** The report of a table that had nothing to report (generated samples). */
export function cleanReport(): ParseReport {
  return {
    shortRows: 0,
    longRows: 0,
    blankRows: 0,
    firstRaggedRows: [],
    renamedHeaders: [],
    delimiter: ',',
    problems: [],
  };
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
    const format = detectFormat(input);
    const sink = new TableSink(format);
    let settled = false;
    let chunks = 0;
    const fail = (error: unknown, parser: Papa.Parser) => {
      if (settled) return;
      settled = true;
      parser.abort();
      reject(error);
    };
    Papa.parse<string[]>(input, {
      delimiter: format.delimiter,
      newline: format.newline,
      chunkSize,
      // The string streamer cuts chunk k at k·chunkSize; the last chunk reaches the end of the text.
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        try {
          sink.take(results.data, results.errors);
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
  const format = detectFormat(input);
  const sink = new TableSink(format);
  const result = Papa.parse<string[]>(input, { delimiter: format.delimiter, newline: format.newline });
  sink.take(result.data, result.errors);
  return sink.finish();
}

/** Drops a UTF-8 BOM (and a second one, which papaparse would drop itself); refuses a blank text. */
function withoutBom(text: string): string {
  const once = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (once.trim() === '') throw new CsvError(message('messages.csv.emptyFile'));
  return once.charCodeAt(0) === 0xfeff ? once.slice(1) : once;
}

/**
 * papaparse's own guesses, made once: the line break from the first MiB (as papaparse does for a whole
 * text) and the delimiter from the first rows. Streaming alone would guess on its first chunk, however small.
 */
function detectFormat(input: string): CsvFormat {
  const { meta, errors } = Papa.parse<string[]>(input.slice(0, 1 << 20), {
    delimitersToGuess: DELIMITERS,
    skipEmptyLines: true,
    preview: 1,
  });
  return {
    delimiter: meta.delimiter,
    newline: meta.linebreak as CsvFormat['newline'],
    undetectable: errors.some((e) => e.code === 'UndetectableDelimiter'),
  };
}
