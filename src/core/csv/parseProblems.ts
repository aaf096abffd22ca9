/**
 * What parsing noticed about a file, for the person: each problem papaparse reported or the app repaired,
 * with how many rows or cells it touched, where the first ones are, and what was done; and the one-sentence
 * alert raised when rows were merged or cut beyond a few.
 */

/** papaparse's error codes (MissingQuotes, InvalidQuotes, UndetectableDelimiter, TooFewFields, TooManyFields) and the app's repairs. */
export type ParseProblemKind =
  | 'MissingQuotes'
  | 'InvalidQuotes'
  | 'UndetectableDelimiter'
  | 'TooFewFields'
  | 'TooManyFields'
  | 'BlankRows'
  | 'RenamedHeaders'
  | 'DecimalComma'
  | 'NonFinite'
  | 'NearNumeric'
  | 'MostlyNumeric';

export interface ParseProblem {
  kind: ParseProblemKind;
  /** Rows (row kinds) or cells (column kinds) affected. */
  count: number;
  /**
   * 1-based data-row numbers (the header is row 0) of the first few affected, at most {@link FIRST_ROWS};
   * for blank rows, the data row each follows.
   */
  firstRows: number[];
  /** What was done, as a short phrase ("padded with missing cells"). */
  action: string;
  /** The column, for the column kinds. */
  column?: string;
  /** The first few offending cell texts (column kinds), as in the file. */
  examples?: string[];
  /** The whole note, one sentence for the person. */
  message: string;
}

/** How many row numbers (and examples) a problem keeps. */
export const FIRST_ROWS = 5;
/** Rows merged or cut beyond this many raise the alert. */
export const ALERT_ROWS = 3;

const fmt = new Intl.NumberFormat('en');
const plural = (n: number, one: string, many = `${one}s`) => `${fmt.format(n)} ${n === 1 ? one : many}`;
/** "Data row 4", "The header", or "12 rows (first at data rows 4, 9, 17, 20, 31)". */
function rowsPhrase(count: number, firstRows: number[]): string {
  if (count === 1 && firstRows.length === 1) return firstRows[0] === 0 ? 'The header' : `Data row ${firstRows[0]}`;
  const first = count > firstRows.length ? 'first at ' : '';
  return `${plural(count, 'row')}${firstRows.length ? ` (${first}data row${firstRows.length > 1 ? 's' : ''} ${firstRows.map((r) => (r === 0 ? 'the header' : r)).join(', ')})` : ''}`;
}
/** A cell text as shown in a note: quoted, long ones cut. */
export const showCell = (text: string) => JSON.stringify(text.length > 24 ? `${text.slice(0, 21)}…` : text);
const cellsAt = (rows: number[], examples: string[]) =>
  rows.map((r, i) => `row ${r}: ${showCell(examples[i] ?? '')}`).join(', ');

/**
 * A row-level problem with its message. `merged`: for the quote kinds, how many lines after the first row
 * ran into one cell (MissingQuotes: would have, before the repair); `renames`: the header renames.
 */
export function rowProblem(
  kind: Exclude<ParseProblemKind, 'DecimalComma' | 'NonFinite' | 'NearNumeric' | 'MostlyNumeric'>,
  count: number,
  firstRows: number[],
  extra: { merged?: number; renames?: string } = {},
): ParseProblem {
  const one = count === 1;
  const rows = rowsPhrase(count, firstRows);
  const merged = extra.merged ?? 0;
  const lines = merged === 1 ? 'the next line' : `the ${fmt.format(merged)} lines after ${one ? 'it' : 'the first'}`;
  let action: string;
  let message: string;
  switch (kind) {
    case 'MissingQuotes':
      action = 'the quote was read as a plain character';
      message = `${rows} ${one ? 'opens' : 'open'} a quote (") that never closes, which would have merged ${lines} into one cell: ${one ? 'the quote was' : 'each was'} read as a plain character`;
      break;
    case 'InvalidQuotes':
      action = 'the quote was kept as text';
      message = `${rows} ${one ? 'has' : 'have'} a quote inside a quoted cell that is not doubled: kept as text${merged ? `, and ${lines} ran into that cell` : ''}`;
      break;
    case 'UndetectableDelimiter':
      action = 'read with commas';
      message =
        'The first rows differ in their numbers of cells, so the separator could not be detected: the file was read with commas';
      break;
    case 'TooFewFields':
      action = 'padded with missing cells';
      message = `${rows} ${one ? 'has' : 'have'} fewer cells than the header: padded with missing cells`;
      break;
    case 'TooManyFields':
      action = 'extra cells dropped';
      message = `${rows} ${one ? 'has' : 'have'} more cells than the header: the extra cells were dropped`;
      break;
    case 'BlankRows':
      action = 'dropped';
      message = `${plural(count, 'blank row')} dropped${firstRows[0] === undefined ? '' : firstRows[0] === 0 ? ' (the first right after the header)' : ` (the first after data row ${firstRows[0]})`}`;
      break;
    case 'RenamedHeaders':
      action = 'renamed';
      message = `${plural(count, 'header')} renamed: ${extra.renames ?? ''}`;
      break;
  }
  return { kind, count, firstRows, action, message };
}

/** A column-level problem with its message. */
export function columnProblem(
  kind: 'DecimalComma' | 'NonFinite' | 'NearNumeric' | 'MostlyNumeric',
  column: string,
  count: number,
  firstRows: number[],
  examples: string[],
  share = 0,
): ParseProblem {
  const cells = plural(count, 'cell');
  const list = cellsAt(firstRows, examples) + (count > firstRows.length ? ', …' : '');
  const name = JSON.stringify(column);
  const are = count === 1 ? 'is' : 'are';
  const e = examples[0] ?? '12,5';
  const texts: Record<typeof kind, [string, string]> = {
    DecimalComma: [
      'read as numbers',
      `${name}: ${cells} with a decimal comma (${list}) read as numbers (${e} = ${e.replace(',', '.')})`,
    ],
    NonFinite: [
      'read as missing',
      `${name}: ${cells} ${are} infinite or too large for a number (${list}): read as missing`,
    ],
    NearNumeric: [
      'read as missing',
      `${name} is numeric except ${cells} (${list}): read as missing; fix them in the file if they hold values`,
    ],
    MostlyNumeric: [
      'read as categories',
      `${name} is ${Math.floor(share * 100)}% numbers, but ${cells} ${are} text (${list}), so it was read as categories; fix those cells in the file to use it as a number`,
    ],
  };
  const [action, message] = texts[kind];
  return { kind, count, firstRows, action, column, examples, message };
}
