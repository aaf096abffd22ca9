import { describe, expect, it } from 'vitest';
import { generateEcommerceTable } from '../data/ecommerceSample.ts';
import { parseCsvSync } from './parseCsv.ts';
import { tableCsv } from './tableCsv.ts';

describe('tableCsv', () => {
  it('writes a table that parses back to the same columns, values and categories', () => {
    const table = generateEcommerceTable(2024, { rows: 500 });
    const back = parseCsvSync(tableCsv(table)).table;
    expect(back.rowCount).toBe(500);
    expect(back.columns.map((c) => [c.name, c.type])).toEqual(table.columns.map((c) => [c.name, c.type]));
    table.columns.forEach((c, i) => {
      const b = back.columns[i];
      if (c.type === 'numeric' && b?.type === 'numeric') expect(Array.from(b.values)).toEqual(Array.from(c.values));
      else if (c.type === 'categorical' && b?.type === 'categorical')
        expect(Array.from(b.codes, (k) => b.dictionary[k] ?? null)).toEqual(
          Array.from(c.codes, (k) => c.dictionary[k] ?? null),
        );
    });
  });

  it('quotes fields with commas, quotes and line breaks', () => {
    const table = parseCsvSync('name,v\n"a,b",1\n"say ""hi""",2\n"two\nlines",3\n').table;
    const back = parseCsvSync(tableCsv(table)).table;
    const names = back.columns[0];
    expect(names?.type === 'categorical' && Array.from(names.codes, (k) => names.dictionary[k])).toEqual([
      'a,b',
      'say "hi"',
      'two\nlines',
    ]);
  });
});
