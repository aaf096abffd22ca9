/**
 * Builds one column while rows stream in: cells are kept as float64 while the present cells are numbers.
 * A column stays numeric when at most {@link NEAR_NUMERIC_SHARE} of its present cells are text: those cells
 * (and infinite or overflowing ones, "-inf", "1e400", which are never usable) are read as missing and
 * reported. With more text the column turns categorical (dictionary-encoded, the numbers re-encoded as
 * their shortest text, e.g. "007" becomes "7"), and says so when it is mostly numbers. In a ;-separated
 * file a decimal comma ("12,5") reads as a number.
 */
import { columnProblem, FIRST_ROWS, type ParseProblem } from './parseProblems.ts';
import type { Column } from './table.ts';

/** Cell texts read as "missing" (compared after trimming). */
export const NA_TOKENS: ReadonlySet<string> = new Set([
  '',
  'NA',
  'N/A',
  'n/a',
  'na',
  'null',
  'NULL',
  'Null',
  'NaN',
  'nan',
  '?',
  '.',
  '-',
]);
/** Longer cells skip the set look-up (most cells of a large file). */
const MAX_NA_LENGTH = Math.max(...[...NA_TOKENS].map((t) => t.length));

/** A numeric column may hold at most this share of text cells (read as missing, and reported). */
export const NEAR_NUMERIC_SHARE = 0.05;
/** A categorical column with at least this share of numbers says so. */
const MOSTLY_NUMERIC_SHARE = 0.8;
/** Text cells kept while the column may still turn out numeric: beyond max(this, the share) it turns categorical. */
const MAX_PENDING_TEXT = 1000;
const DECIMAL_COMMA = /^[+-]?\d*,\d+$/;
const INFINITE = /^[+-]?(inf|infinity)$/i;

/** Number() reads "0x1A", "0b11" and "0o7" as numbers; in a CSV file they are text (an id, a code). */
function radixPrefixed(t: string): boolean {
  const k = t.charCodeAt(0) === 43 || t.charCodeAt(0) === 45 ? 1 : 0;
  if (t.charCodeAt(k) !== 48) return false;
  const c = t.charCodeAt(k + 1) | 32;
  return c === 120 || c === 98 || c === 111;
}

export interface ColumnOptions {
  /** Read "12,5" as 12.5 (for ;-separated files). */
  decimalComma?: boolean;
}

/** Cells that are not plain finite numbers, while the column is numeric. */
interface Odd {
  rows: number[];
  texts: string[];
}

export class ColumnBuilder {
  private values = new Float64Array(1024);
  private codes = new Int32Array(1024);
  private readonly index = new Map<string, number>();
  private readonly dictionary: string[] = [];
  private numeric = true;
  /** NA-token cells. */
  private missing = 0;
  /** Text cells (numeric phase): read as missing if the column stays numeric. */
  private text: Odd = { rows: [], texts: [] };
  /** Infinite and overflowing cells (numeric phase). */
  private infinite: Odd = { rows: [], texts: [] };
  private decimalCommas: Odd & { count: number } = { rows: [], texts: [], count: 0 };
  private readonly decimalComma: boolean;
  length = 0;

  constructor(
    readonly name: string,
    options: ColumnOptions = {},
  ) {
    this.decimalComma = options.decimalComma ?? false;
  }

  append(raw: string): void {
    if (this.length === this.codes.length) this.grow();
    const i = this.length++;
    const t = raw.length > 0 && (raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32) ? raw.trim() : raw;
    if (t.length <= MAX_NA_LENGTH && NA_TOKENS.has(t)) {
      this.codes[i] = -1;
      this.values[i] = NaN;
      this.missing++;
      return;
    }
    if (!this.numeric) {
      this.codes[i] = this.codeOf(t);
      return;
    }
    let v = Number(t);
    if (Number.isFinite(v)) {
      if (!radixPrefixed(t)) {
        this.values[i] = v;
        return;
      }
      v = NaN;
    } else if (Number.isNaN(v) && this.decimalComma && DECIMAL_COMMA.test(t)) {
      this.values[i] = Number(t.replace(',', '.'));
      const d = this.decimalCommas;
      if (d.count++ < FIRST_ROWS) {
        d.rows.push(i);
        d.texts.push(t);
      }
      return;
    }
    this.values[i] = NaN;
    const odd = Number.isNaN(v) && !INFINITE.test(t) ? this.text : this.infinite;
    odd.rows.push(i);
    odd.texts.push(t);
    if (this.text.rows.length > Math.max(MAX_PENDING_TEXT, NEAR_NUMERIC_SHARE * this.length)) this.toCategorical();
  }

  /** From here on the column is categorical: encode the cells so far, in row order. */
  private toCategorical(): void {
    this.numeric = false;
    const odd = new Map<number, string>();
    for (const { rows, texts } of [this.text, this.infinite]) rows.forEach((r, k) => odd.set(r, texts[k] as string));
    for (let r = 0; r < this.length; r++) {
      const v = this.values[r] as number;
      const text = odd.get(r);
      this.codes[r] = text !== undefined ? this.codeOf(text) : Number.isNaN(v) ? -1 : this.codeOf(String(v));
    }
    this.text = { rows: [], texts: [] };
    this.infinite = { rows: [], texts: [] };
  }

  private codeOf(text: string): number {
    let code = this.index.get(text);
    if (code === undefined) {
      code = this.dictionary.length;
      this.dictionary.push(text);
      this.index.set(text, code);
    }
    return code;
  }

  /** The finished column (typed arrays trimmed to length), and what it reports. */
  finish(): { column: Column; problems: ParseProblem[] } {
    const textCells = this.text.rows.length;
    const odd = textCells + this.infinite.rows.length;
    const numbers = this.length - this.missing - odd;
    if (this.numeric && (numbers === 0 || textCells > NEAR_NUMERIC_SHARE * (numbers + odd))) this.toCategorical();
    if (this.numeric) {
      const problems: ParseProblem[] = [];
      const report = (kind: 'DecimalComma' | 'NonFinite' | 'NearNumeric', count: number, { rows, texts }: Odd) => {
        if (count > 0)
          problems.push(
            columnProblem(
              kind,
              this.name,
              count,
              rows.slice(0, FIRST_ROWS).map((r) => r + 1),
              texts.slice(0, FIRST_ROWS),
            ),
          );
      };
      report('DecimalComma', this.decimalCommas.count, this.decimalCommas);
      report('NonFinite', this.infinite.rows.length, this.infinite);
      report('NearNumeric', textCells, this.text);
      const values = this.values.slice(0, this.length);
      return { column: { name: this.name, type: 'numeric', values, missing: this.missing + odd }, problems };
    }
    const codes = this.codes.slice(0, this.length);
    const column: Column = {
      name: this.name,
      type: 'categorical',
      codes,
      dictionary: this.dictionary,
      missing: this.missing,
    };
    return { column, problems: this.mostlyNumeric(codes) };
  }

  /** A categorical column that is mostly numbers says which cells are text. */
  private mostlyNumeric(codes: Int32Array): ParseProblem[] {
    const isText = this.dictionary.map((d) => !Number.isFinite(Number(d)) || radixPrefixed(d));
    let textCells = 0;
    const rows: number[] = [];
    const texts: string[] = [];
    for (let r = 0; r < codes.length; r++) {
      const code = codes[r] as number;
      if (code < 0 || !isText[code]) continue;
      textCells++;
      if (rows.length < FIRST_ROWS) {
        rows.push(r + 1);
        texts.push(this.dictionary[code] as string);
      }
    }
    const present = this.length - this.missing;
    const share = present > 0 ? (present - textCells) / present : 0;
    if (share < MOSTLY_NUMERIC_SHARE || textCells === 0) return [];
    return [columnProblem('MostlyNumeric', this.name, textCells, rows, texts, share)];
  }

  private grow(): void {
    const values = new Float64Array(this.values.length * 2);
    values.set(this.values);
    this.values = values;
    const codes = new Int32Array(this.codes.length * 2);
    codes.set(this.codes);
    this.codes = codes;
  }
}
