/**
 * What parsing noticed about a file, for the person: each problem papaparse reported or the app repaired,
 * with how many rows or cells it touched, where the first ones are, and what was done; and the one-sentence
 * alert raised when rows were merged or cut beyond a few.
 */

import { commaList, message, type Message, type MessageParam } from '../messages/message.ts';

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
  action: Message;
  /** The column, for the column kinds. */
  column?: string;
  /** The first few offending cell texts (column kinds), as in the file. */
  examples?: string[];
  /** The whole note, one sentence for the person. */
  message: Message;
}

/** How many row numbers (and examples) a problem keeps. */
export const FIRST_ROWS = 5;
/** Rows merged or cut beyond this many raise the alert. */
export const ALERT_ROWS = 3;

/** "Data row 4", "The header", or "12 rows (first at data rows 4, 9, 17, 20, 31)". */
function rowsPhrase(count: number, firstRows: number[]): Message {
  if (count === 1 && firstRows.length === 1)
    return firstRows[0] === 0
      ? message('messages.csv.rows.header')
      : message('messages.csv.rows.dataRow', { row: firstRows[0] as number });
  if (!firstRows.length) return message('messages.csv.rows.count', { count });
  const list = commaList(firstRows.map((r) => (r === 0 ? message('messages.csv.rows.theHeader') : r)));
  const several = firstRows.length > 1;
  const key =
    count > firstRows.length
      ? several
        ? 'messages.csv.rows.firstAtRows'
        : 'messages.csv.rows.firstAt'
      : several
        ? 'messages.csv.rows.atRows'
        : 'messages.csv.rows.at';
  return message(key, { count, list });
}
/** A cell text as shown in a note: quoted, long ones cut. */
export const showCell = (text: string) => JSON.stringify(text.length > 24 ? `${text.slice(0, 21)}…` : text);
/** `row 8: "12,5", row 31: "n.a."`, and "…" when there are more. */
const cellsAt = (rows: number[], examples: string[], more: boolean) =>
  commaList([
    ...rows.map((r, i) => message('messages.csv.cellAt', { row: r, cell: showCell(examples[i] ?? '') })),
    ...(more ? ['…'] : []),
  ]);

/**
 * A row-level problem with its message. `merged`: for the quote kinds, how many lines after the first row
 * ran into one cell (MissingQuotes: would have, before the repair); `renames`: the header renames.
 */
export function rowProblem(
  kind: Exclude<ParseProblemKind, 'DecimalComma' | 'NonFinite' | 'NearNumeric' | 'MostlyNumeric'>,
  count: number,
  firstRows: number[],
  extra: { merged?: number; renames?: MessageParam } = {},
): ParseProblem {
  const rows = rowsPhrase(count, firstRows);
  const merged = extra.merged ?? 0;
  const lines =
    merged === 1
      ? message('messages.csv.lines.next')
      : message(count === 1 ? 'messages.csv.lines.afterIt' : 'messages.csv.lines.afterFirst', { lines: merged });
  let action: Message;
  let text: Message;
  switch (kind) {
    case 'MissingQuotes':
      action = message('messages.csv.action.missingQuotes');
      text = message('messages.csv.unterminatedQuote', { rows, lines, count });
      break;
    case 'InvalidQuotes':
      action = message('messages.csv.action.invalidQuotes');
      text = merged
        ? message('messages.csv.invalidQuoteMerged', { rows, lines, count })
        : message('messages.csv.invalidQuote', { rows, count });
      break;
    case 'UndetectableDelimiter':
      action = message('messages.csv.action.undetectableDelimiter');
      text = message('messages.csv.undetectableDelimiter');
      break;
    case 'TooFewFields':
      action = message('messages.csv.action.tooFewFields');
      text = message('messages.csv.tooFewFields', { rows, count });
      break;
    case 'TooManyFields':
      action = message('messages.csv.action.tooManyFields');
      text = message('messages.csv.tooManyFields', { rows, count });
      break;
    case 'BlankRows': {
      action = message('messages.csv.action.blankRows');
      const after = firstRows[0];
      text =
        after === undefined
          ? message('messages.csv.blankRows', { count })
          : after === 0
            ? message('messages.csv.blankRowsAfterHeader', { count })
            : message('messages.csv.blankRowsAfterRow', { count, row: after });
      break;
    }
    case 'RenamedHeaders':
      action = message('messages.csv.action.renamedHeaders');
      text = message('messages.csv.renamedHeaders', { count, renames: extra.renames ?? '' });
      break;
  }
  return { kind, count, firstRows, action, message: text };
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
  const cells = cellsAt(firstRows, examples, count > firstRows.length);
  const name = JSON.stringify(column);
  const e = examples[0] ?? '12,5';
  const texts: Record<typeof kind, [Message, Message]> = {
    DecimalComma: [
      message('messages.csv.action.readAsNumbers'),
      message('messages.csv.decimalComma', { column: name, count, cells, example: e, value: e.replace(',', '.') }),
    ],
    NonFinite: [
      message('messages.csv.action.readAsMissing'),
      message('messages.csv.nonFinite', { column: name, count, cells }),
    ],
    NearNumeric: [
      message('messages.csv.action.readAsMissing'),
      message('messages.csv.nearNumeric', { column: name, count, cells }),
    ],
    MostlyNumeric: [
      message('messages.csv.action.readAsCategories'),
      message('messages.csv.mostlyNumeric', { column: name, count, cells, percent: Math.floor(share * 100) }),
    ],
  };
  const [action, text] = texts[kind];
  return { kind, count, firstRows, action, column, examples, message: text };
}
