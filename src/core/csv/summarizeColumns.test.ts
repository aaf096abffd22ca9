import { describe, expect, it } from 'vitest';
import { parseCsvSync } from './parseCsv.ts';
import { summarizeColumns } from './summarizeColumns.ts';

describe('summarizeColumns', () => {
  it('gives a finite mean when the sum of the cells overflows float64 (found by the pipeline fuzz)', () => {
    const { table } = parseCsvSync('a,b\n0,1\n-3.692304572639232e+293,1\n-1.7976931348623121e+308,1\n0,2\n');
    const [a] = summarizeColumns(table);
    expect(a?.mean).toBeCloseTo(-1.7976931348623121e308 / 4 - 3.692304572639232e293 / 4, -300);
    expect(Number.isFinite(a?.mean)).toBe(true);
  });
});
