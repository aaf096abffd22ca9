import { describe, expect, it } from 'vitest';
import { CsvCancelled, CsvError, lineSafeSegments, parseCsv, parseCsvSync } from './parseCsv.ts';
import { decodeText } from './decodeText.ts';
import { cellText, type CategoricalColumn, type NumericColumn } from './table.ts';

const column = (csv: string, i: number) => parseCsvSync(csv).table.columns[i];

describe('parseCsv', () => {
  it('reads numbers into typed arrays and strings into a dictionary', () => {
    const { table } = parseCsvSync('a,b\n1,x\n2.5,y\n-3,x\n');
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
    const { table } = parseCsvSync('\uFEFFx,y\r\n1,2\r\n3,4\r\n\r\n\r\n');
    expect(table.columns.map((c) => c.name)).toEqual(['x', 'y']);
    expect(table.rowCount).toBe(2);
  });

  it('detects ; tab and | delimiters', () => {
    for (const d of [';', '\t', '|']) {
      const { table } = parseCsvSync(`a${d}b\n1${d}2\n3${d}4\n`);
      expect(table.columns.map((c) => c.name)).toEqual(['a', 'b']);
    }
  });

  it('reads NA tokens as missing, keeping the column numeric', () => {
    const a = column('a,k\n1,x\nNA,x\nN/A,x\nnull,x\nNaN,x\n?,x\n.,x\n-,x\n,x\n2,x\n', 0) as NumericColumn;
    expect(a.type).toBe('numeric');
    expect(a.missing).toBe(8);
    expect(a.values[0]).toBe(1);
  });

  it('pads short rows, cuts long ones, and reports them with line numbers', () => {
    const { table, report } = parseCsvSync('a,b,c\n1,2,3\n4,5\n6,7,8,9\n');
    expect(report).toMatchObject({ shortRows: 1, longRows: 1, firstRaggedRows: [2, 3] });
    expect(cellText(table.columns[2] as NumericColumn, 1)).toBe('');
    expect(cellText(table.columns[2] as NumericColumn, 2)).toBe('8');
  });

  it('makes empty and duplicate header names unique and says so', () => {
    const { table, report } = parseCsvSync('x,,x\n1,2,3\n');
    expect(table.columns.map((c) => c.name)).toEqual(['x', 'column_2', 'x_2']);
    expect(report.renamedHeaders).toEqual([
      { from: '', to: 'column_2' },
      { from: 'x', to: 'x_2' },
    ]);
  });

  it('refuses an empty file and a header without rows with a message for the person', () => {
    expect(() => parseCsvSync('')).toThrow(CsvError);
    expect(() => parseCsvSync('  \n')).toThrow(/empty/);
    expect(() => parseCsvSync('a,b\n')).toThrow(/no data rows/);
  });

  it('turns a column categorical at its first text cell, keeping the numbers before it as text', () => {
    const c = column('a,b\n1,x\n2.50,x\nNA,x\nabc,x\n1,x\n', 0) as CategoricalColumn;
    expect(c.type).toBe('categorical');
    expect(c.dictionary).toEqual(['1', '2.5', 'abc']);
    expect([...c.codes]).toEqual([0, 1, -1, 2, 0]);
    expect(c.missing).toBe(1);
  });

  it('refuses a single-column file, saying how to fix it', () => {
    expect(() => parseCsvSync('only\n1\n2\n')).toThrow(/only one column/);
  });

  it('keeps integers beyond 2^53 as the nearest float64 (not float32) values', () => {
    const c = column('id,big\n1,9007199254740993\n2,123456789012345678\n', 1) as NumericColumn;
    expect(c.values[1]).toBe(Number('123456789012345678'));
    expect(c.values[1]).not.toBe(Math.fround(c.values[1] as number)); // float32 would lose it
  });
});

describe('lineSafeSegments', () => {
  it('cuts only at line ends outside quotes', () => {
    const text = 'a,b\n"x\ny\nz",1\n"p""\nq",2\nlast,3\n';
    const cuts = [...lineSafeSegments(text, 3)].map(([s, e]) => text.slice(s, e));
    expect(cuts.join('')).toBe(text);
    expect(cuts).toEqual(['a,b\n', '"x\ny\nz",1\n', '"p""\nq",2\n', 'last,3\n']);
  });

  it('parses in small segments exactly as in one go, reporting progress up to 1', async () => {
    const text =
      'name,n,note\n' +
      Array.from({ length: 300 }, (_, i) => `"r${i}, ""q""\nline",${i},${i % 7 ? 'x' : 'NA'}`).join('\r\n');
    const progress: number[] = [];
    const streamed = await parseCsv(text, { segmentChars: 64, onProgress: (f) => progress.push(f) });
    expect(streamed).toEqual(parseCsvSync(text));
    expect(streamed.table.rowCount).toBe(300);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toBe(1);
  });

  it('stops with CsvCancelled when cancelled between segments', async () => {
    const text = 'a,b\n' + '1,2\n'.repeat(1000);
    let calls = 0;
    await expect(parseCsv(text, { segmentChars: 100, shouldCancel: () => ++calls > 3 })).rejects.toBeInstanceOf(
      CsvCancelled,
    );
  });
});

describe('decodeText', () => {
  it('reads valid UTF-8 as is', () => {
    expect(decodeText(new TextEncoder().encode('café,1')).text).toBe('café,1');
  });
  it('falls back to Windows-1252 for invalid UTF-8 and says so', () => {
    // "café,1" in Windows-1252 / Latin-1: 0xE9 alone is not valid UTF-8
    const d = decodeText(Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x31]));
    expect(d).toMatchObject({ text: 'café,1', encoding: 'windows-1252' });
    expect(d.note).toMatch(/Windows-1252/);
  });
  it('honours a UTF-16 byte-order mark', () => {
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00, 0x62, 0x00])).text).toBe('a,b');
  });
  it('refuses binary data', () => {
    expect(() => decodeText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toThrow(/binary/);
  });
});
