// One fixture per papaparse error kind and per repair: what is reported, at which data rows, and when the
// report's alert is raised. Every fixture is also parsed in small chunks, to the same result.
import { describe, expect, it } from 'vitest';
import type { Message } from '../messages/message.ts';
import { inEnglish } from '../../i18n/inEnglish.ts';
import { parseCsv, parseCsvSync, type ParseProblemKind } from './parseCsv.ts';
import { cellText, type Column, type NumericColumn } from './table.ts';

const problem = (text: string, kind: ParseProblemKind) =>
  parseCsvSync(text).report.problems?.find((p) => p.kind === kind);
/** A message as the English page says it (undefined stays undefined). */
const en = (msg: Message | undefined) => (msg ? inEnglish(msg) : undefined);
const rows = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join('\n');

describe('parse problems', () => {
  it('MissingQuotes: a quote that never closes is read as a plain character, the rows after it kept, and alerted', async () => {
    const text = 'id,name,n\n1,ann,5\n2,"bob,6\n3,cy,7\n4,di,8\n5,ed,9\n';
    const { table, report } = parseCsvSync(text);
    expect(table.rowCount).toBe(5); // not 2: papaparse alone reads everything after the quote into one cell
    expect(cellText(table.columns[1] as Column, 1)).toBe('"bob');
    expect(cellText(table.columns[2] as Column, 4)).toBe('9');
    expect(report.problems?.find((p) => p.kind === 'MissingQuotes')).toMatchObject({ count: 1, firstRows: [2] });
    expect(en(report.alert)).toMatch(/^Data row 2 opens a quote \(".*never closes.*the 3 lines after it into one cell/);
    for (const segmentChars of [3, 8, 17]) expect(await parseCsv(text, { segmentChars })).toEqual(parseCsvSync(text));
  });

  it('MissingQuotes: several unterminated quotes are each repaired and counted', () => {
    const { table, report } = parseCsvSync('a,b\n1,x\n"2,y\n3,z\n"4,w\n5,v\n');
    expect(table.rowCount).toBe(5);
    expect(report.problems?.find((p) => p.kind === 'MissingQuotes')).toMatchObject({ count: 2, firstRows: [2, 4] });
    expect(en(report.alert)).toMatch(/2 rows \(data rows 2, 4\) open a quote/);
  });

  it('MissingQuotes in the header: reported as the header', () => {
    const { table, report } = parseCsvSync('a,"b\n1,2\n3,4\n');
    expect(table.columns.map((c) => c.name)).toEqual(['a', '"b']);
    expect(table.rowCount).toBe(2);
    expect(en(report.alert)).toMatch(/^The header opens a quote/);
  });

  it('InvalidQuotes: an undoubled quote inside a quoted cell is kept as text and reported at its row', () => {
    const text = 'size,n\n1,1\n"12" screen",2\n3,3\n';
    const { table, report } = parseCsvSync(text);
    expect(cellText(table.columns[0] as Column, 1)).toBe('12" screen');
    expect(report.problems?.find((p) => p.kind === 'InvalidQuotes')).toMatchObject({ count: 1, firstRows: [2] });
    expect(report.alert).toBeUndefined(); // no rows merged
  });

  it('InvalidQuotes that merge more than a few lines into one cell raise the alert', () => {
    const text = `a,b\n"x"y,1\n${rows(5, (i) => `${i},${i}`)}\n7,"z"\n8,8\n`;
    const { table, report } = parseCsvSync(text);
    expect(table.rowCount).toBe(2);
    expect(report.problems?.find((p) => p.kind === 'InvalidQuotes')).toMatchObject({ count: 1, firstRows: [1] });
    expect(en(report.alert)).toMatch(
      /^Data row 1 has a quote inside a quoted cell.*the 6 lines after it ran into that cell/,
    );
  });

  it('UndetectableDelimiter: reported when the first rows do not agree on a separator', () => {
    const { table, report } = parseCsvSync('a,b\n1\n2\n3\n');
    expect(table.columns).toHaveLength(2);
    expect(report.problems?.[0]).toMatchObject({ kind: 'UndetectableDelimiter' });
    expect(en(report.problems?.[0]?.action)).toBe('read with commas');
    expect(en(report.problems?.[0]?.message)).toBe(
      'The first rows differ in their numbers of cells, so the separator could not be detected: the file was read with commas',
    );
  });

  it('TooFewFields: short rows padded, with their rows; no alert', () => {
    const p = problem(`a,b,c\n${rows(8, (i) => (i % 2 ? '1,2' : '1,2,3'))}\n`, 'TooFewFields');
    expect(p).toMatchObject({ count: 4, firstRows: [2, 4, 6, 8] });
    expect(en(p?.action)).toBe('padded with missing cells');
    expect(en(p?.message)).toBe(
      '4 rows (data rows 2, 4, 6, 8) have fewer cells than the header: padded with missing cells',
    );
    expect(parseCsvSync('a,b,c\n1,2\n1,2\n1,2\n1,2\n').report.alert).toBeUndefined();
  });

  it('TooManyFields: long rows cut, alerted beyond a few rows', () => {
    const few = parseCsvSync('a,b\n1,2,3\n4,5\n6,7,8\n');
    expect(few.report.problems?.find((p) => p.kind === 'TooManyFields')).toMatchObject({ count: 2, firstRows: [1, 3] });
    expect(few.report.alert).toBeUndefined();
    const many = parseCsvSync(`a,b\n${rows(12, (i) => `${i},${i},x`)}\n`);
    expect(many.report.problems?.find((p) => p.kind === 'TooManyFields')).toMatchObject({
      count: 12,
      firstRows: [1, 2, 3, 4, 5],
    });
    expect(en(many.report.alert)).toMatch(/^12 rows \(first at data rows 1, 2, 3, 4, 5\) have more cells/);
  });

  it('BlankRows: dropped and counted, located by the data row they follow', () => {
    const p = problem('a,b\n,\n1,2\n , \n3,4\n', 'BlankRows');
    expect(p).toMatchObject({ count: 2, firstRows: [0, 1] });
    expect(en(p?.message)).toBe('2 blank rows dropped (the first right after the header)');
  });

  it('RenamedHeaders: empty, repeated and hostile names renamed and listed', () => {
    const { table, report } = parseCsvSync('__proto__,,__proto__, x \n1,2,3,4\n');
    expect(table.columns.map((c) => c.name)).toEqual(['__proto__', 'column_2', '__proto___2', 'x']);
    expect(report.problems?.find((p) => p.kind === 'RenamedHeaders')).toMatchObject({ count: 3 });
  });

  it('DecimalComma: in a ;-separated file "12,5" reads as 12.5, and is reported', () => {
    const { table, report } = parseCsvSync('x;y\n12,5;a\n-0,25;b\n3;a\n');
    expect([...(table.columns[0] as NumericColumn).values]).toEqual([12.5, -0.25, 3]);
    expect(report.problems?.find((p) => p.kind === 'DecimalComma')).toMatchObject({
      column: 'x',
      count: 2,
      firstRows: [1, 2],
    });
    expect(parseCsvSync('x,y\n"12,5",a\n1,b\n').table.columns[0]?.type).toBe('categorical'); // not in , files
  });

  it('NonFinite: -inf, Infinity and 1e400 are read as missing, the column stays numeric', () => {
    const { table, report } = parseCsvSync(
      `x,y\n${rows(6, (i) => `${['1', '-inf', '2', 'Infinity', '1e400', '3'][i]},${i}`)}\n`,
    );
    const x = table.columns[0] as NumericColumn;
    expect(x.type).toBe('numeric');
    expect(x.missing).toBe(3);
    expect(report.problems?.find((p) => p.kind === 'NonFinite')).toMatchObject({
      firstRows: [2, 4, 5],
      examples: ['-inf', 'Infinity', '1e400'],
    });
  });

  it('NearNumeric: a numeric column with a few text cells stays numeric, those cells missing and reported', () => {
    const text = `x,y\n${rows(60, (i) => `${i === 7 ? '"12,5"' : i === 30 ? 'n.a.' : i},${i % 2}`)}\n`;
    const { table, report } = parseCsvSync(text);
    const x = table.columns[0] as NumericColumn;
    expect(x.type).toBe('numeric');
    expect(Number.isNaN(x.values[7])).toBe(true);
    expect(x.missing).toBe(2);
    const p = report.problems?.find((q) => q.kind === 'NearNumeric');
    expect(p).toMatchObject({ column: 'x', count: 2, firstRows: [8, 31], examples: ['12,5', 'n.a.'] });
    expect(en(p?.message)).toMatch(/^"x" is numeric except 2 cells \(row 8: "12,5", row 31: "n\.a\."\)/);
  });

  it('MostlyNumeric: a column with more text than that is categorical, and says it is mostly numbers', () => {
    const { table, report } = parseCsvSync(`x,y\n${rows(20, (i) => `${i % 10 === 3 ? 'unknown' : i},${i % 2}`)}\n`);
    expect(table.columns[0]?.type).toBe('categorical');
    expect(report.problems?.find((p) => p.kind === 'MostlyNumeric')).toMatchObject({ count: 2, firstRows: [4, 14] });
  });

  it('hex-looking cells are text, not numbers', () => {
    expect(parseCsvSync('id,n\n0x1A,1\n0x2B,2\n').table.columns[0]?.type).toBe('categorical');
  });

  it('a clean file reports no problems and no alert', () => {
    const { report } = parseCsvSync('a,b\n1,x\n2,y\n');
    expect(report.problems).toEqual([]);
    expect(report.alert).toBeUndefined();
  });
});
