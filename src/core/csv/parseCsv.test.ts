import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inEnglish, rejectedInEnglish, thrownInEnglish } from '../../i18n/inEnglish.ts';
import { CsvCancelled, CsvError, parseCsv, parseCsvSync } from './parseCsv.ts';
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
    expect(thrownInEnglish(() => parseCsvSync('  \n'))).toBe(
      'The file is empty. Choose a CSV file with a header row and at least one data row.',
    );
    expect(thrownInEnglish(() => parseCsvSync('a,b\n'))).toBe(
      'The file has a header but no data rows. Add at least one row of values below the header.',
    );
  });

  it('turns a column categorical at its first text cell, keeping the numbers before it as text', () => {
    const c = column('a,b\n1,x\n2.50,x\nNA,x\nabc,x\n1,x\n', 0) as CategoricalColumn;
    expect(c.type).toBe('categorical');
    expect(c.dictionary).toEqual(['1', '2.5', 'abc']);
    expect([...c.codes]).toEqual([0, 1, -1, 2, 0]);
    expect(c.missing).toBe(1);
  });

  it('refuses a single-column file, saying how to fix it', () => {
    expect(() => parseCsvSync('only\n1\n2\n')).toThrow(CsvError);
    expect(thrownInEnglish(() => parseCsvSync('only\n1\n2\n'))).toBe(
      'The file has only one column (its first rows differ in their numbers of cells, so the separator could not be detected). A model needs at least two: an input and a target. If your file uses another separator, save it with commas, semicolons, tabs or | between values.',
    );
  });

  it('keeps integers beyond 2^53 as the nearest float64 (not float32) values', () => {
    const c = column('id,big\n1,9007199254740993\n2,123456789012345678\n', 1) as NumericColumn;
    expect(c.values[1]).toBe(Number('123456789012345678'));
    expect(c.values[1]).not.toBe(Math.fround(c.values[1] as number)); // float32 would lose it
  });
});

describe('parseCsv streaming in chunks', () => {
  const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

  it('parses in small chunks exactly as in one go, reporting progress up to 1', async () => {
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

  it('carries a quoted field with newlines and delimiters across a chunk boundary', async () => {
    const field = 'a, b\n""c"";\td|\r\ne, ""f""\n, g';
    const text = `id,text,n\n1,a somewhat longer first row,1\n2,"${field}",2\n3,"x,\ny",3\n4,z,4\n`;
    const at = text.indexOf(field);
    expect(at).toBeLessThan(64); // the field starts in the first 64-char chunk ...
    expect(at + field.length).toBeGreaterThan(64); // ... and ends in the second
    const streamed = await parseCsv(text, { segmentChars: 64, yieldToEventLoop: nextTask });
    expect(streamed).toEqual(parseCsvSync(text));
    expect(cellText(streamed.table.columns[1] as CategoricalColumn, 1)).toBe(field.replaceAll('""', '"'));
    expect(streamed.table.rowCount).toBe(4);
    expect(streamed.report).toMatchObject({ shortRows: 0, longRows: 0, delimiter: ',' });
    for (let segmentChars = 1; segmentChars <= text.length; segmentChars++)
      expect(await parseCsv(text, { segmentChars, yieldToEventLoop: nextTask })).toEqual(streamed); // every cut
  });

  it('pauses and resumes between chunks, with the same table as one go', async () => {
    const text =
      'x;y;z\r\n' + Array.from({ length: 200 }, (_, i) => `${i};"v${i % 13}";${i / 4}`).join('\r\n') + '\r\n';
    let yields = 0;
    const yieldToEventLoop = () => (yields++, nextTask());
    for (const segmentChars of [7, 64, 1000, 1 << 20]) {
      expect(await parseCsv(text, { segmentChars, yieldToEventLoop })).toEqual(parseCsvSync(text));
    }
    expect(yields).toBeGreaterThan(text.length / 64);
  });

  it("keeps the first chunk's delimiter for later chunks", async () => {
    // Later chunks have more commas than semicolons; guessed again, they would split on commas.
    const text = 'a;b\n1;2\n3;4\n' + Array.from({ length: 40 }, (_, i) => `"p,q,r,s";${i}`).join('\n');
    const streamed = await parseCsv(text, { segmentChars: 16, yieldToEventLoop: nextTask });
    expect(streamed.report.delimiter).toBe(';');
    expect(streamed.report.longRows + streamed.report.shortRows).toBe(0);
    expect(streamed).toEqual(parseCsvSync(text));
  });

  it('skips blank lines before the header, and counts ragged rows with 1-based numbers across chunks', async () => {
    const text =
      '\n\r\n  \n,,\na,b,c\n' + Array.from({ length: 30 }, (_, i) => (i % 9 === 4 ? '1,2' : '1,2,3')).join('\n');
    const streamed = await parseCsv(text, { segmentChars: 10, yieldToEventLoop: nextTask });
    expect(streamed).toEqual(parseCsvSync(text));
    expect(streamed.table.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    expect(streamed.report).toMatchObject({ shortRows: 3, blankRows: 0, firstRaggedRows: [5, 14, 23] });
  });

  it('strips a BOM and refuses empty and header-only texts as in one go', async () => {
    const text = '\uFEFFx,y\n1,2\n3,4\n';
    expect(await parseCsv(text, { segmentChars: 4 })).toEqual(parseCsvSync(text));
    expect((await parseCsv(text, { segmentChars: 4 })).table.columns[0]?.name).toBe('x');
    expect(await rejectedInEnglish(parseCsv('\uFEFF \n'))).toMatch(/^The file is empty/);
    expect(await rejectedInEnglish(parseCsv('a,b\n\n\n', { segmentChars: 2, yieldToEventLoop: nextTask }))).toMatch(
      /no data rows/,
    );
    expect(await rejectedInEnglish(parseCsv('only\n1\n2\n', { segmentChars: 3 }))).toMatch(/only one column/);
  });

  it('stops with CsvCancelled when cancelled between chunks, after progress that rises', async () => {
    const text = 'a,b\n' + '1,2\n'.repeat(1000);
    for (const yieldToEventLoop of [undefined, nextTask]) {
      const progress: number[] = [];
      let calls = 0;
      const cancelled = parseCsv(text, {
        segmentChars: 100,
        onProgress: (f) => progress.push(f),
        shouldCancel: () => ++calls > 3,
        yieldToEventLoop,
      });
      await expect(cancelled).rejects.toBeInstanceOf(CsvCancelled);
      expect(progress).toHaveLength(4);
      expect(progress.every((f, i) => i === 0 || f > (progress[i - 1] as number))).toBe(true);
    }
  });

  it('reports strictly rising progress that ends at 1, once per chunk', async () => {
    const text = 'a,b\n' + '1,2\n'.repeat(1000);
    const progress: number[] = [];
    await parseCsv(text, { segmentChars: 100, onProgress: (f) => progress.push(f), yieldToEventLoop: nextTask });
    expect(progress).toHaveLength(Math.ceil(text.length / 100));
    expect(progress.every((f, i) => i === 0 || f > (progress[i - 1] as number))).toBe(true);
    expect(progress.at(-1)).toBe(1);
  });

  it('rejects with the error of a failing callback and stops parsing', async () => {
    const text = 'a,b\n' + '1,2\n'.repeat(1000);
    let calls = 0;
    const failing = () => {
      if (++calls === 2) throw new Error('boom');
    };
    await expect(parseCsv(text, { segmentChars: 100, onProgress: failing })).rejects.toThrow('boom');
    expect(calls).toBe(2);
    await expect(
      parseCsv(text, { segmentChars: 100, yieldToEventLoop: () => Promise.reject(new Error('gone')) }),
    ).rejects.toThrow('gone');
  });

  it('streams any quoted table, cut anywhere, to the same result as one go', async () => {
    const cell = fc.stringMatching(/^[a-c1-3 ,;"\n\r|\t]{0,6}$/);
    const quote = (c: string) => (/[,"\n\r]/.test(c) || c.trim() !== c ? `"${c.replaceAll('"', '""')}"` : c);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom('\n', '\r\n'),
        async (rows, segmentChars, newline) => {
          const text = ['h1,h2,h3', ...rows.map((r) => r.map(quote).join(','))].join(newline);
          let once: unknown;
          try {
            once = parseCsvSync(text);
          } catch (error) {
            once = error;
          }
          const yieldToEventLoop = () => Promise.resolve(); // a microtask: pauses and resumes all the same
          const streamed = await parseCsv(text, { segmentChars, yieldToEventLoop }).catch((e: unknown) => e);
          expect(streamed).toEqual(once);
        },
      ),
      { numRuns: 200 },
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
    expect(d.note && inEnglish(d.note)).toBe(
      'not valid UTF-8, so it was read as Windows-1252 (Latin-1); check accented letters in the preview',
    );
  });
  it('honours a UTF-16 byte-order mark', () => {
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00, 0x62, 0x00])).text).toBe('a,b');
  });
  it('refuses binary data', () => {
    expect(thrownInEnglish(() => decodeText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])))).toMatch(
      /^This file is not text: it contains binary data \(NUL bytes\)/,
    );
  });
});
