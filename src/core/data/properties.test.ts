// Property-based tests (fast-check): any table written as CSV parses back to the same table, and
// preprocessing never emits NaN or Infinity whatever the pattern of missing values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvSync } from '../csv/parseCsv.ts';
import { cellText, type Column, type Table } from '../csv/table.ts';
import type { ColumnRole } from '../types.ts';
import { PrepareError, prepareDataset } from './prepareDataset.ts';

/** RFC 4180: quote a field holding the delimiter, a quote or a line break; double inner quotes. */
const quote = (cell: string) => (/[",\r\n;|\t]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

const textCell = fc
  .tuple(
    fc.constantFrom('a', 'B', 'é', 'z'),
    fc.string({ unit: fc.constantFrom('x', 'y', ',', ';', '"', '\n', '\r\n', ' ', '|', '\t', 'é', '7') }),
  )
  .map(([head, rest]) => (head + rest).trimEnd());
const numberCell = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 })
      .map((v) => String(v === 0 ? 0 : v)),
  },
  { weight: 1, arbitrary: fc.constant('') },
);
const column = fc.oneof(fc.constant('text' as const), fc.constant('number' as const));

const tableArb = fc
  .record({ kinds: fc.array(column, { minLength: 2, maxLength: 5 }), rows: fc.integer({ min: 1, max: 25 }) })
  .chain(({ kinds, rows }) =>
    fc.record({
      names: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), {
        minLength: kinds.length,
        maxLength: kinds.length,
      }),
      cells: fc.array(fc.tuple(...kinds.map((k) => (k === 'text' ? textCell : numberCell))), {
        minLength: rows,
        maxLength: rows,
      }),
    }),
  );

describe('properties', () => {
  it('a table written as CSV parses back to the same header and cells', () => {
    fc.assert(
      fc.property(tableArb, ({ names, cells }) => {
        fc.pre(cells.some((row) => row.some((cell) => cell !== ''))); // a file of blank rows only is refused, tested elsewhere
        const csv = [names.join(','), ...cells.map((row) => row.map(quote).join(','))].join('\r\n');
        const { table, report } = parseCsvSync(csv);
        // Rows whose every cell is blank are dropped (and counted); all others come back unchanged.
        const kept = cells.filter((row) => row.some((cell) => cell !== ''));
        expect(report.blankRows).toBe(cells.length - kept.length);
        expect(table.columns.map((c) => c.name)).toEqual(names);
        expect(table.rowCount).toBe(kept.length);
        kept.forEach((row, r) => row.forEach((cell, c) => expect(cellText(table.columns[c] as Column, r)).toBe(cell)));
      }),
      { numRuns: 300 },
    );
  });

  it('preprocessing never emits NaN or Infinity, whatever the missing pattern and roles', () => {
    const numericValues = fc.array(
      fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }),
        fc.constant(NaN),
        fc.constant(3),
      ),
      { minLength: 12, maxLength: 40 },
    );
    const roleArb = fc.constantFrom<ColumnRole>('ignore', 'input', 'input', 'binary', 'multiclass', 'regression');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(numericValues, fc.boolean(), roleArb), { minLength: 2, maxLength: 5 }),
        fc.integer({ min: 0, max: 1000 }),
        (specs, seed) => {
          const rows = Math.min(...specs.map(([v]) => v.length));
          const columns: Column[] = specs.map(([values, categorical], i) => {
            const v = Float64Array.from(values.slice(0, rows));
            const missing = v.filter(Number.isNaN).length;
            if (!categorical) return { name: `c${i}`, type: 'numeric', values: v, missing };
            const dictionary = ['p', 'q', 'r'];
            return {
              name: `c${i}`,
              type: 'categorical',
              codes: Int32Array.from(v, (x) => (Number.isNaN(x) ? -1 : Math.abs(Math.round(x)) % 3)),
              dictionary,
              missing,
            };
          });
          const table: Table = { rowCount: rows, columns };
          const roles = Object.fromEntries(specs.map(([, , role], i) => [`c${i}`, role]));
          let data;
          try {
            data = prepareDataset(
              table,
              { roles, balanceClasses: Object.fromEntries(Object.keys(roles).map((k) => [k, true])) },
              { seed },
            );
          } catch (e) {
            if (e instanceof PrepareError) return; // unusable roles are refused with a message, never half-prepared
            throw e;
          }
          for (const split of [data.train, data.val, data.test]) {
            for (const v of split.x) expect(Number.isFinite(v)).toBe(true);
            for (const ids of split.embeddingIds) for (const v of ids) expect(Number.isFinite(v)).toBe(true);
            for (const t of split.targets) for (const v of t) expect(Number.isNaN(v) || Number.isFinite(v)).toBe(true);
          }
          for (const w of data.classWeights) for (const v of w ?? []) expect(Number.isFinite(v) && v > 0).toBe(true);
          for (const s of data.targetScales)
            expect(Number.isFinite(s.mean) && Number.isFinite(s.std) && s.std > 0).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
