/**
 * fast-check generators for hostile CSV files and the person's column choices, for the pipeline fuzz
 * (pipelineFuzz.ts): quoting (minimal, all, none, broken), separators, line breaks, BOMs and encodings
 * (UTF-8, Windows-1252, UTF-16, binary), ragged and blank rows, NA tokens, huge and empty cells,
 * near-numeric columns (-inf, 1e400, 12,5, 0x1A), and duplicate, empty and hostile headers.
 */
import fc from 'fast-check';
import { NA_TOKENS } from '../csv/columnBuilder.ts';
import type { ColumnRole, InputEncoding } from '../types.ts';

export type Quoting = 'minimal' | 'all' | 'none' | 'broken';
export type FileEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be' | 'binary';

/** A generated file, kept as its parts so a failing case reads plainly. */
export interface FuzzFile {
  header: string[];
  rows: string[][];
  delimiter: string;
  newline: string;
  quoting: Quoting;
  encoding: FileEncoding;
}

/** What a person picks on the roles table, by column position. */
export interface FuzzChoices {
  /** random: `roles` by position; fitting: the first column whose kind suits a target is one, the rest inputs. */
  roleMode: 'random' | 'fitting';
  roles: ColumnRole[];
  encodings: InputEncoding[];
  positiveClass: string | null;
  balance: boolean;
  seed: number;
  validationShare: number;
  testShare: number;
  maxOneHot: number;
  embeddingDim: number;
  /** Parse in chunks of this many characters (0: in one go), which must not change the result. */
  segmentChars: number;
}

const HOSTILE_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'prototype',
  '<img src=x onerror="window.hacked=1">',
  '',
  ' ',
  'a,b',
  'say "hi"',
  'two\nlines',
  'NA',
  '1',
  'é',
  '𝔘nicode',
  'x'.repeat(300),
];
const EXTREME_NUMBERS = [
  '1e400',
  '-1e400',
  'inf',
  '-inf',
  'Infinity',
  '-Infinity',
  '1.7976931348623157e308',
  '-1.7976931348623157e308',
  '5e-324',
  '-0',
  ' 3 ',
  '+4',
  '0x1A',
  '12,5',
  '-0,25',
  '1e-300',
  '123456789012345678901234567890',
];

const name = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom('x', 'y', 'target') }, // duplicates
);

const na = fc.constantFrom(...NA_TOKENS);
/**
 * `overflowing: false` keeps numbers within ±1e300. By default they reach ±1.8e308, whose differences
 * overflow float64 (fitScale used to return a NaN mean there — found by this fuzz, now fixed and
 * tested in prepareDataset.test.ts).
 */
export interface FuzzOptions {
  overflowing?: boolean;
}
const OVERFLOWING = new Set(['1.7976931348623157e308', '-1.7976931348623157e308']);

const finite = (overflowing: boolean) =>
  fc.oneof(
    fc.integer({ min: -5, max: 5 }).map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(String),
    overflowing
      ? fc.double({ noNaN: true, noDefaultInfinity: true }).map(String) // up to ±1.8e308
      : fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }).map(String),
  );
const label = fc.constantFrom('a', 'b', 'c', 'yes', 'no', 'Ünïcode', 'x y', '1', '2');
const garbage = fc.string({
  unit: fc.constantFrom('a', 'Z', '"', ',', ';', '\t', '|', '\n', '\r\n', '\r', ' ', 'é', '€', '7', '.', '-'),
  maxLength: 12,
});
const huge = fc.constantFrom('h'.repeat(70_000), `"${'q,'.repeat(20_000)}`, '9'.repeat(5000));

/** The cells of one column, by the kind it is meant to be. */
const columnCells = (overflowing: boolean) =>
  fc
    .constantFrom('numeric', 'nearNumeric', 'labels', 'binary', 'constant', 'garbage', 'id')
    .map((kind): fc.Arbitrary<string> => {
      switch (kind) {
        case 'numeric':
          return fc.oneof({ weight: 8, arbitrary: finite(overflowing) }, { weight: 1, arbitrary: na });
        case 'nearNumeric':
          return fc.oneof(
            { weight: 20, arbitrary: finite(overflowing) },
            {
              weight: 1,
              arbitrary: fc.constantFrom(...EXTREME_NUMBERS.filter((e) => overflowing || !OVERFLOWING.has(e))),
            },
            { weight: 1, arbitrary: na },
          );
        case 'labels':
          return fc.oneof({ weight: 6, arbitrary: label }, { weight: 1, arbitrary: na });
        case 'binary':
          return fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom('0', '1', 'yes', 'no') },
            { weight: 1, arbitrary: na },
          );
        case 'constant':
          return fc.constant('k');
        case 'garbage':
          return fc.oneof({ weight: 20, arbitrary: garbage }, { weight: 1, arbitrary: huge });
        case 'id':
          return fc.uuid();
      }
      throw new Error(kind);
    });

/** A row bent out of shape: cells dropped or added, a blank row, a quote that never closes. */
const mangle = fc.constantFrom('none', 'none', 'none', 'none', 'short', 'long', 'blank', 'openQuote', 'strayQuote');

export const fuzzFile = ({ overflowing = true }: FuzzOptions = {}): fc.Arbitrary<FuzzFile> =>
  fc
    .record({
      width: fc.oneof(
        { weight: 1, arbitrary: fc.constant(1) },
        { weight: 9, arbitrary: fc.integer({ min: 2, max: 7 }) },
      ),
      rowCount: fc.oneof(
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 9 }) },
        { weight: 4, arbitrary: fc.integer({ min: 10, max: 40 }) },
      ),
      delimiter: fc.constantFrom(',', ',', ';', '\t', '|'),
      newline: fc.constantFrom('\n', '\r\n', '\r'),
      quoting: fc.constantFrom<Quoting>('minimal', 'minimal', 'all', 'none', 'broken'),
      encoding: fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom<FileEncoding>('utf-8', 'utf-8', 'utf-8-bom', 'windows-1252') },
        { weight: 3, arbitrary: fc.constantFrom<FileEncoding>('utf-16le', 'utf-16be') },
        { weight: 1, arbitrary: fc.constant<FileEncoding>('binary') },
      ),
    })
    .chain(({ width, rowCount, ...format }) =>
      fc
        .record({
          header: fc.array(name, { minLength: width, maxLength: width }),
          columns: fc.array(columnCells(overflowing), { minLength: width, maxLength: width }),
          mangles: fc.array(mangle, { minLength: rowCount, maxLength: rowCount }),
        })
        .chain(({ header, columns, mangles }) =>
          fc.tuple(...mangles.map((m) => fc.tuple(fc.constant(m), fc.tuple(...columns)))).map((rows) => ({
            header,
            rows: rows.map(([m, cells]) => mangleRow(m, cells)),
            ...format,
          })),
        ),
    );

function mangleRow(how: string, cells: string[]): string[] {
  switch (how) {
    case 'short':
      return cells.slice(0, -1);
    case 'long':
      return [...cells, 'extra'];
    case 'blank':
      return cells.map(() => '');
    case 'openQuote':
      return [`"${cells[0] ?? ''}`, ...cells.slice(1)];
    case 'strayQuote':
      return cells.map((c, i) => (i === 0 ? `x"${c}"y` : c));
  }
  return cells;
}

export const fuzzChoices: fc.Arbitrary<FuzzChoices> = fc.record({
  roleMode: fc.constantFrom('random', 'fitting'),
  roles: fc.array(fc.constantFrom<ColumnRole>('ignore', 'input', 'input', 'binary', 'multiclass', 'regression'), {
    minLength: 8,
    maxLength: 8,
  }),
  encodings: fc.array(fc.constantFrom<InputEncoding>('numeric', 'categorical'), { minLength: 8, maxLength: 8 }),
  positiveClass: fc.option(fc.constantFrom('yes', '1', 'a', 'no such class', '__proto__')),
  balance: fc.boolean(),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  validationShare: fc.constantFrom(0.15, 0.3, 0.05),
  testShare: fc.constantFrom(0, 0.15),
  maxOneHot: fc.constantFrom(50, 2),
  embeddingDim: fc.constantFrom(0, 2),
  segmentChars: fc.constantFrom(0, 0, 7, 64),
});

/** The file's text, written with its quoting. */
export function fuzzText(file: FuzzFile): string {
  const { delimiter, newline, quoting } = file;
  const special = (c: string) => c.includes(delimiter) || /["\r\n]/.test(c) || c.trim() !== c;
  const quote = (c: string) => `"${c.replaceAll('"', '""')}"`;
  const write = (cell: string, i: number) => {
    if (quoting === 'none') return cell;
    if (quoting === 'all') return quote(cell);
    if (quoting === 'broken' && i === 0 && cell.length > 0) return `"${cell}`; // opened, never closed
    return special(cell) ? quote(cell) : cell;
  };
  return [file.header, ...file.rows].map((row) => row.map(write).join(delimiter)).join(newline);
}

/** The file's bytes in its encoding. */
export function fuzzBytes(file: FuzzFile): Uint8Array {
  const text = fuzzText(file);
  switch (file.encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return new TextEncoder().encode(`\uFEFF${text}`);
    case 'windows-1252': // Latin-1 letters as one byte each (never valid UTF-8 once one is above 0x7F)
      return Uint8Array.from(text, (ch) => {
        const c = ch.codePointAt(0) ?? 63;
        return c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : 63;
      });
    case 'utf-16le':
    case 'utf-16be': {
      const le = file.encoding === 'utf-16le';
      const bytes = new Uint8Array(2 + 2 * text.length);
      bytes.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
      for (let i = 0; i < text.length; i++) {
        const u = text.charCodeAt(i);
        bytes[2 + 2 * i + (le ? 0 : 1)] = u & 0xff;
        bytes[2 + 2 * i + (le ? 1 : 0)] = u >> 8;
      }
      return bytes;
    }
    case 'binary': {
      const utf8 = new TextEncoder().encode(text);
      const bytes = new Uint8Array(utf8.length + 4);
      bytes.set([0x89, 0x50, 0x00, 0x47]);
      bytes.set(utf8, 4);
      return bytes;
    }
  }
}
