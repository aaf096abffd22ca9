/**
 * Takes papaparse's rows and errors chunk by chunk: finds the header, fills the columns, counts ragged and
 * blank rows, and repairs a quote that never closes (papaparse would read the rest of the file into one
 * cell: the quote is read as a plain character instead, and the lines after it as rows). Every problem is
 * reported with its first data rows; merged or cut rows beyond a few raise the report's alert.
 */
import Papa from 'papaparse';
import { ColumnBuilder } from './columnBuilder.ts';
import { CsvError } from './csvError.ts';
import { commaList, message, semicolonList, type Message } from '../messages/message.ts';
import type { ParsedCsv, ParseReport } from './parseCsv.ts';
import { ALERT_ROWS, FIRST_ROWS, rowProblem, type ParseProblem } from './parseProblems.ts';

export interface CsvFormat {
  delimiter: string;
  newline: '\n' | '\r\n' | '\r';
  /** papaparse could not detect the delimiter (and guessed a comma). */
  undetectable: boolean;
}

/** A ;-separated file reads "12,5" as 12.5 (the decimal comma of the locales that separate with ;). */
export function readsDecimalComma(delimiter: string): boolean {
  return delimiter === ';';
}

/** After this many repaired quotes, the rest of the file is read with quotes as plain characters. */
const MAX_QUOTE_REPAIRS = 20;

const isBlank = (row: string[]) => row.every((cell) => cell.trim() === '');
/** An empty line (papaparse's skipEmptyLines), dropped without a word. */
const isEmptyLine = (row: string[]) => row.length === 1 && row[0] === '';

/** Rows of one kind of problem: how many, and the first few data rows. */
class Tally {
  count = 0;
  readonly firstRows: number[] = [];
  /** Lines merged into a cell (quote problems). */
  merged = 0;
  add(row: number): void {
    if (this.count++ < FIRST_ROWS) this.firstRows.push(row);
  }
}

/** Non-empty lines of a text. */
function countLines(text: string, newline: string): number {
  let lines = 0;
  for (let from = 0; from < text.length;) {
    const end = text.indexOf(newline, from);
    const stop = end < 0 ? text.length : end;
    if (stop > from) lines++;
    from = stop + newline.length;
  }
  return lines;
}

export class TableSink {
  private builders: ColumnBuilder[] | null = null;
  private renames: Message = commaList([]);
  private dataRows = 0;
  private quoteRepairs = 0;
  private readonly missingQuotes = new Tally();
  private readonly invalidQuotes = new Tally();
  private readonly short = new Tally();
  private readonly long = new Tally();
  private readonly blank = new Tally();
  private readonly report: ParseReport;

  constructor(private readonly format: CsvFormat) {
    this.report = {
      shortRows: 0,
      longRows: 0,
      blankRows: 0,
      firstRaggedRows: [],
      renamedHeaders: [],
      delimiter: format.delimiter,
      problems: [],
    };
  }

  /** One chunk's rows, and papaparse's errors for them (an error's `row` indexes `rows`). */
  take(rows: string[][], errors: Papa.ParseError[]): void {
    let pending: Papa.ParseResult<string[]> | null = this.takeRows(rows, errors);
    while (pending) pending = this.takeRows(pending.data, pending.errors);
  }

  /** Takes the rows; when one holds a quote that never closes, returns the repaired rest to take next. */
  private takeRows(rows: string[][], errors: Papa.ParseError[]): Papa.ParseResult<string[]> | null {
    const invalid = new Set<number>();
    let missingAt = -1;
    for (const e of errors) {
      // Errors of a row cut by the chunk's end come again with the next chunk, where the row ends.
      if (e.row === undefined || e.row === null || e.row >= rows.length) continue;
      if (e.code === 'MissingQuotes') missingAt = e.row;
      else if (e.code === 'InvalidQuotes') invalid.add(e.row);
    }
    const end = missingAt >= 0 ? missingAt : rows.length;
    for (let r = 0; r < end; r++) this.row(rows[r] as string[], invalid.has(r));
    if (missingAt < 0) return null;
    // The last cell of that row runs from just after the quote to the end of the text.
    const row = rows[missingAt] as string[];
    const rest = Papa.parse<string[]>(row[row.length - 1] ?? '', {
      delimiter: this.format.delimiter,
      newline: this.format.newline,
      quoteChar: ++this.quoteRepairs > MAX_QUOTE_REPAIRS ? '\u0000' : '"',
    });
    const first = rest.data[0] ?? [''];
    this.missingQuotes.add(this.builders ? this.dataRows + 1 : 0);
    if (this.missingQuotes.count === 1)
      this.missingQuotes.merged = countLines(row[row.length - 1] ?? '', this.format.newline) - 1;
    rest.data[0] = [...row.slice(0, -1), `"${first[0] ?? ''}`, ...first.slice(1)];
    return rest;
  }

  private row(row: string[], invalidQuotes: boolean): void {
    if (isEmptyLine(row)) return;
    if (!this.builders) {
      if (isBlank(row)) return; // blank lines before the header
      this.header(row);
      return;
    }
    const builders = this.builders;
    const width = builders.length;
    const report = this.report;
    if (isBlank(row)) {
      report.blankRows++;
      this.blank.add(this.dataRows);
      return;
    }
    const n = ++this.dataRows;
    if (invalidQuotes) {
      this.invalidQuotes.add(n);
      for (const cell of row) this.invalidQuotes.merged += cell.split(this.format.newline).length - 1;
    }
    if (row.length !== width) {
      (row.length < width ? this.short : this.long).add(n);
      if (row.length < width) report.shortRows++;
      else report.longRows++;
      if (report.firstRaggedRows.length < FIRST_ROWS) report.firstRaggedRows.push(n);
    }
    for (let c = 0; c < width; c++) (builders[c] as ColumnBuilder).append(row[c] ?? '');
  }

  private header(row: string[]): void {
    const { names, renamed } = makeUniqueNames(row);
    this.report.renamedHeaders = renamed;
    const shown = renamed
      .slice(0, FIRST_ROWS)
      .map((r) => message('messages.csv.renamed', { from: JSON.stringify(r.from), to: JSON.stringify(r.to) }));
    this.renames = commaList([...shown, ...(renamed.length > FIRST_ROWS ? ['…'] : [])]);
    const decimalComma = readsDecimalComma(this.format.delimiter);
    this.builders = names.map((n) => new ColumnBuilder(n, { decimalComma }));
  }

  finish(): ParsedCsv {
    const builders = this.builders;
    if (!builders || this.dataRows === 0) throw new CsvError(message('messages.csv.noDataRows'));
    if (builders.length < 2)
      throw new CsvError(
        message(this.format.undetectable ? 'messages.csv.oneColumnUndetectable' : 'messages.csv.oneColumn'),
      );
    const finished = builders.map((b) => b.finish());
    const problems: ParseProblem[] = [];
    const add = (kind: Parameters<typeof rowProblem>[0], t: Tally, extra = {}) => {
      if (t.count > 0) problems.push(rowProblem(kind, t.count, t.firstRows, { merged: t.merged, ...extra }));
    };
    if (this.format.undetectable) problems.push(rowProblem('UndetectableDelimiter', 1, []));
    add('MissingQuotes', this.missingQuotes);
    add('InvalidQuotes', this.invalidQuotes);
    add('TooManyFields', this.long);
    add('TooFewFields', this.short);
    add('BlankRows', this.blank);
    const renamed = this.report.renamedHeaders.length;
    if (renamed) problems.push(rowProblem('RenamedHeaders', renamed, [], { renames: this.renames }));
    problems.push(...finished.flatMap((f) => f.problems));
    const alarming = problems.filter(
      (p) =>
        p.kind === 'MissingQuotes' ||
        (p.kind === 'InvalidQuotes' && this.invalidQuotes.merged > ALERT_ROWS) ||
        (p.kind === 'TooManyFields' && p.count > ALERT_ROWS),
    );
    const report: ParseReport = { ...this.report, problems };
    if (alarming.length) {
      const several = alarming.length > 1 || alarming[0]?.count !== 1;
      report.alert = message(several ? 'messages.csv.alertRows' : 'messages.csv.alertRow', {
        problems: semicolonList(alarming.map((p) => p.message)),
      });
    }
    return { table: { rowCount: this.dataRows, columns: finished.map((f) => f.column) }, report };
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
