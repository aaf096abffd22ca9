/**
 * The PyTorch project's ports against the app's own TypeScript, on random cases: the seeded
 * generator and shuffle (batch order, PCGrad), the split, how numbers are read and printed, how
 * CSV cells become values and labels, the learning-rate schedules and DWA. Runs Debian's python3
 * (scripts/ensure-pytorch.mjs installs it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvSync } from '../../src/core/csv/parseCsv.ts';
import { cellText, type Table } from '../../src/core/csv/table.ts';
import { splitRows } from '../../src/core/data/split.ts';
import { createRng, shuffleInPlace } from '../../src/core/rng.ts';
import { DEFAULT_SCHEDULE, learningRateAt, type ScheduleKind } from '../../src/core/train/schedules.ts';
import { dwaWeights } from '../../src/core/weighting/dwa.ts';
import { NA_TOKENS } from '../../src/core/csv/columnBuilder.ts';
import { decodeText } from '../../src/core/csv/decodeText.ts';

const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';

function python(cases: unknown): Record<string, unknown> {
  const run = spawnSync(PYTHON, [join(import.meta.dirname, 'reference_check.py')], {
    input: JSON.stringify(cases),
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`python failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

interface PythonColumns {
  header: string[];
  rows: number;
  columns: Record<string, (number | string | null)[]>;
}

/** Every column's values (numeric) or labels as the Python side read them, against the app's table. */
function expectSameColumns(table: Table, got: PythonColumns) {
  for (const column of table.columns) {
    const expected = Array.from({ length: table.rowCount }, (_, row) =>
      column.type === 'numeric'
        ? nullNaN(column.values[row] as number)
        : column.codes[row]! < 0
          ? null
          : cellText(column, row),
    );
    expect([column.name, got.columns[column.name]]).toEqual([column.name, expected]);
  }
}

const sample = <T>(arb: fc.Arbitrary<T>, n: number, seed: number) => fc.sample(arb, { numRuns: n, seed });
/** As the Python side writes numbers into JSON: NaN → null, ±infinity → its text. */
const nullNaN = (v: number) => (Number.isNaN(v) ? null : Number.isFinite(v) ? v : String(v));

describe('the PyTorch project agrees with the app', () => {
  it('on random numbers, shuffles, splits, number text, CSV cells, schedules and DWA', () => {
    const seeds = sample(fc.integer({ min: 0, max: 2 ** 31 - 1 }), 20, 1);
    const rng = seeds.map((seed) => ({ seed, draws: 200 }));
    const shuffle = seeds.map((seed, i) => ({ seed, n: 1 + ((i * 37) % 300) }));
    const split = seeds.map((seed, i) => {
      const rows = 2 + ((i * 53) % 400);
      const r = createRng(seed ^ 99);
      const strata = i % 3 === 0 ? null : Array.from({ length: rows }, () => Math.floor(r() * 4) - 1);
      const v = 1 + (i % 30);
      const t = i % 25;
      return { rows, seed, fractions: [(100 - v - t) / 100, v / 100], strata };
    });
    const strings = [
      ...sample(fc.double({ noNaN: true, noDefaultInfinity: true }), 300, 2),
      ...sample(fc.integer({ min: -1e9, max: 1e9 }), 50, 3).map((k) => k / 1000),
      1e21,
      1e-7,
      123456789012345680000,
      0.000001,
      -0,
      5e-324,
    ];
    const cellArb = fc.oneof(
      fc.constantFrom(
        '007',
        '0x1A',
        '-0b11',
        '1e400',
        '-inf',
        'Infinity',
        ' 12 ',
        '.5',
        '5.',
        '1_000',
        '+3',
        'NA',
        '?',
        '',
      ),
      fc.double({ noNaN: true }).map(String),
      fc.stringMatching(/^[a-z0-9.,+-]{0,6}$/),
    );
    const numbers = sample(cellArb, 400, 4);
    const schedules = sample(
      fc.record({
        kind: fc.constantFrom<ScheduleKind>('constant', 'step', 'exponential', 'cosine'),
        step: fc.integer({ min: 0, max: 5000 }),
        stepsPerEpoch: fc.integer({ min: 1, max: 200 }),
        everyEpochs: fc.double({ min: 0.1, max: 50, noNaN: true }),
        warmupEpochs: fc.double({ min: 0, max: 5, noNaN: true }),
        totalEpochs: fc.double({ min: 1, max: 100, noNaN: true }),
      }),
      100,
      5,
    ).map((c) => ({
      base: 0.01,
      step: c.step,
      stepsPerEpoch: c.stepsPerEpoch,
      schedule: {
        ...DEFAULT_SCHEDULE,
        kind: c.kind,
        everyEpochs: c.everyEpochs,
        warmupEpochs: c.warmupEpochs,
        totalEpochs: c.totalEpochs,
        factor: 0.5,
        decayRate: 0.9,
        minFraction: 0.1,
      },
    }));
    const dwa = sample(
      fc.record({
        losses: fc.array(fc.array(fc.double({ min: 0.001, max: 10, noNaN: true }), { minLength: 3, maxLength: 3 }), {
          maxLength: 3,
        }),
        enabled: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        temperature: fc.double({ min: 0.1, max: 100, noNaN: true }),
      }),
      60,
      6,
    ).map((c) => ({ ...c, tasks: 3 }));
    // A CSV whose columns end numeric, text, or turn text part-way (numbers before that point are re-printed).
    const r = createRng(7);
    const rowsN = 3000;
    const cols = {
      plain: () => String(Math.round(r() * 1000) / 10),
      mostlyNumbers: () => (r() < 0.03 ? 'n/a' : r() < 0.04 ? 'text' : String(Math.floor(r() * 50))),
      turns: (i: number) => (i > 1500 && r() < 0.5 ? `c${Math.floor(r() * 5)}` : r() < 0.5 ? '007' : '1.50'),
      words: () => ['yes', 'no', ' maybe ', '', 'NULL'][Math.floor(r() * 5)] as string,
    };
    const names = Object.keys(cols) as (keyof typeof cols)[];
    const lines = [names.join(',')];
    for (let i = 0; i < rowsN; i++) lines.push(names.map((n) => cols[n](i)).join(','));
    const csvText = lines.join('\n') + '\n';
    const dir = mkdtempSync(join(tmpdir(), 'mtl-ref-'));
    const csvPath = join(dir, 'cells.csv');
    writeFileSync(csvPath, csvText);
    const { table } = parseCsvSync(csvText);
    const csvTypes = Object.fromEntries(table.columns.map((c) => [c.name, c.type === 'numeric' ? 'numeric' : 'text']));
    expect(Object.values(csvTypes)).toEqual(['numeric', 'numeric', 'text', 'text']);

    // A Windows-1252 file with a repeated and a blank header, odd spaces (a no-break space is kept
    // inside a cell unless the cell starts or ends with a plain space).
    const legacyText = 'name,name, ,v\n café ,x,\u00a0a,1\n\u00a0b,"q,\u00a0",c\u00a0,34\n d\u00a0 ,y,z,2\n';
    const legacyBytes = Uint8Array.from(
      [...legacyText].map((ch) => (ch === 'é' ? 0xe9 : ch === '\u00a0' ? 0xa0 : ch.charCodeAt(0))),
    );
    const legacyPath = join(dir, 'legacy.csv');
    writeFileSync(legacyPath, legacyBytes);
    const legacy = parseCsvSync(decodeText(legacyBytes).text).table;
    const legacyTypes = Object.fromEntries(
      legacy.columns.map((c) => [c.name, c.type === 'numeric' ? 'numeric' : 'text']),
    );

    const got = python({
      rng,
      shuffle,
      split,
      strings,
      numbers,
      schedules,
      dwa,
      csvPath,
      csvTypes,
      legacyPath,
      legacyTypes,
    });

    expect(got.rng).toEqual(
      rng.map(({ seed, draws }) => (({ f }) => Array.from({ length: draws }, f))({ f: createRng(seed) })),
    );
    expect(got.shuffle).toEqual(
      shuffle.map(({ seed, n }) =>
        Array.from(
          shuffleInPlace(
            Array.from({ length: n }, (_, i) => i),
            createRng(seed),
          ),
        ),
      ),
    );
    expect(got.split).toEqual(
      split.map((c) => {
        const s = splitRows(
          c.rows,
          c.seed,
          { train: c.fractions[0] as number, val: c.fractions[1] as number },
          c.strata ?? undefined,
        );
        return [Array.from(s.train), Array.from(s.val), Array.from(s.test)];
      }),
    );
    expect(got.strings).toEqual(strings.map((v) => String(v)));
    expect(got.numbers).toEqual(numbers.map((t) => (NA_TOKENS.has(t.trim()) ? 'NA' : nullNaN(Number(t.trim())))));
    const lr = got.schedules as number[];
    schedules.forEach((c, i) =>
      expect(lr[i]).toBeCloseTo(learningRateAt(c.base, c.schedule, c.step, c.stepsPerEpoch), 12),
    );
    const w = got.dwa as number[][];
    dwa.forEach((c, i) =>
      w[i]?.forEach((v, k) =>
        expect(v).toBeCloseTo(dwaWeights(c.losses, 3, c.temperature, c.enabled)[k] as number, 12),
      ),
    );
    const csv = got.csv as PythonColumns;
    expect(csv.rows).toBe(table.rowCount);
    expectSameColumns(table, csv);
    const old = got.legacy as PythonColumns;
    expect(old.header).toEqual(legacy.columns.map((c) => c.name));
    expect(old.header).toEqual(['name', 'name_2', 'column_3', 'v']);
    expectSameColumns(legacy, old);
  }, 60_000);
});
