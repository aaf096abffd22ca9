import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from './parseCsv.ts';
import { cellText, type CategoricalColumn, type NumericColumn } from './table.ts';

const column = (csv: string, i: number) => parseCsv(csv).table.columns[i];

describe('parseCsv', () => {
  it('reads numbers into typed arrays and strings into a dictionary', () => {
    const { table } = parseCsv('a,b\n1,x\n2.5,y\n-3,x\n');
    expect(table.rowCount).toBe(3);
    const a = table.columns[0] as NumericColumn;
    expect(a.type).toBe('numeric');
    expect([...a.values]).toEqual([1, 2.5, -3]);
    const b = table.columns[1] as CategoricalColumn;
    expect(b.dictionary).toEqual(['x', 'y']);
    expect([...b.codes]).toEqual([0, 1, 0]);
  });

  it('honours RFC 4180 quoting: delimiters, quotes and newlines inside fields', () => {
    const c = column('name,n\n"Smith, J.",1\n"say ""hi""",2\n"two\nlines",3\n', 0) as CategoricalColumn;
    expect(c.dictionary).toEqual(['Smith, J.', 'say "hi"', 'two\nlines']);
  });

  it('strips a UTF-8 BOM, accepts CRLF and ignores trailing blank lines', () => {
    const { table } = parseCsv('\uFEFFx,y\r\n1,2\r\n3,4\r\n\r\n\r\n');
    expect(table.columns.map((c) => c.name)).toEqual(['x', 'y']);
    expect(table.rowCount).toBe(2);
  });

  it('detects ; tab and | delimiters', () => {
    for (const d of [';', '\t', '|']) {
      const { table } = parseCsv(`a${d}b\n1${d}2\n3${d}4\n`);
      expect(table.columns.map((c) => c.name)).toEqual(['a', 'b']);
    }
  });

  it('reads NA tokens as missing, keeping the column numeric', () => {
    const a = column('a\n1\nNA\nN/A\nnull\nNaN\n?\n.\n-\n\n2\n', 0) as NumericColumn;
    expect(a.type).toBe('numeric');
    expect(a.missing).toBe(7); // the blank line is skipped as an empty row
    expect(a.values[0]).toBe(1);
  });

  it('pads short rows, cuts long ones, and reports them with line numbers', () => {
    const { table, report } = parseCsv('a,b,c\n1,2,3\n4,5\n6,7,8,9\n');
    expect(report).toMatchObject({ shortRows: 1, longRows: 1, firstRaggedRows: [3, 4] });
    expect(cellText(table.columns[2] as NumericColumn, 1)).toBe('');
    expect(cellText(table.columns[2] as NumericColumn, 2)).toBe('8');
  });

  it('makes empty and duplicate header names unique and says so', () => {
    const { table, report } = parseCsv('x,,x\n1,2,3\n');
    expect(table.columns.map((c) => c.name)).toEqual(['x', 'column_2', 'x_2']);
    expect(report.renamedHeaders).toEqual([
      { from: '', to: 'column_2' },
      { from: 'x', to: 'x_2' },
    ]);
  });

  it('refuses an empty file and a header without rows with a message for the person', () => {
    expect(() => parseCsv('')).toThrow(CsvError);
    expect(() => parseCsv('  \n')).toThrow(/empty/);
    expect(() => parseCsv('a,b\n')).toThrow(/no data rows/);
  });
});
