/**
 * Builds one column while rows stream in: cells are kept as float64 while every present cell is a
 * number; at the first text cell the column turns categorical (dictionary-encoded, the numbers
 * before it re-encoded as their shortest text, e.g. "007" becomes "7").
 */
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

export class ColumnBuilder {
  private values = new Float64Array(1024);
  private codes = new Int32Array(1024);
  private readonly index = new Map<string, number>();
  private readonly dictionary: string[] = [];
  private numeric = true;
  private missing = 0;
  length = 0;

  constructor(readonly name: string) {}

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
    if (this.numeric) {
      const v = Number(t);
      if (Number.isFinite(v)) {
        this.values[i] = v;
        return;
      }
      // The first text cell: from here on the column is categorical; encode the numbers so far.
      this.numeric = false;
      for (let r = 0; r < i; r++)
        this.codes[r] = Number.isNaN(this.values[r] as number) ? -1 : this.codeOf(String(this.values[r]));
    }
    this.codes[i] = this.codeOf(t);
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

  /** The finished column (typed arrays trimmed to length). */
  finish(): Column {
    const present = this.length - this.missing;
    if (this.numeric && present > 0)
      return { name: this.name, type: 'numeric', values: this.values.slice(0, this.length), missing: this.missing };
    return {
      name: this.name,
      type: 'categorical',
      codes: this.codes.slice(0, this.length),
      dictionary: this.dictionary,
      missing: this.missing,
    };
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
