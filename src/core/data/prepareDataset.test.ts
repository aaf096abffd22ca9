import { describe, expect, it } from 'vitest';
import { thrownInEnglish } from '../../i18n/inEnglish.ts';
import { parseCsvSync } from '../csv/parseCsv.ts';
import { toyTable, TOY_ROLES } from '../testing/toyData.ts';
import { fitScale } from './featureEncoders.ts';
import { PrepareError, prepareDataset } from './prepareDataset.ts';
import { splitFractions, splitRows } from './split.ts';

describe('splitRows', () => {
  it('is deterministic for a seed, covers every row once, and differs across seeds', () => {
    const a = splitRows(100, 7);
    const b = splitRows(100, 7);
    expect([...a.train]).toEqual([...b.train]);
    expect([...a.train, ...a.val, ...a.test].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect([a.train.length, a.val.length, a.test.length]).toEqual([70, 15, 15]);
    expect([...splitRows(100, 8).train]).not.toEqual([...a.train]);
  });

  it('stratifies: each class keeps its share in every split', () => {
    const strata = Array.from({ length: 200 }, (_, i) => (i < 40 ? 1 : 0)); // 20 % positive
    const s = splitRows(200, 3, { train: 0.7, val: 0.15 }, strata);
    const share = (rows: Int32Array) => [...rows].filter((r) => strata[r] === 1).length / rows.length;
    expect(share(s.train)).toBeCloseTo(0.2, 2);
    expect(share(s.val)).toBeCloseTo(0.2, 2);
    expect(share(s.test)).toBeCloseTo(0.2, 2);
  });
});

describe('prepareDataset', () => {
  it('standardises inputs with training statistics and one-hot encodes categories', () => {
    const data = prepareDataset(toyTable(300), { roles: TOY_ROLES }, { seed: 42 });
    expect(data.featureNames.slice(0, 2)).toEqual(['x1', 'x2']);
    expect(data.featureNames.filter((n) => n.startsWith('colour='))).toHaveLength(3);
    const d = data.inputSize;
    const x1 = Array.from({ length: data.train.rows }, (_, i) => data.train.x[i * d] as number);
    const mean = x1.reduce((a, b) => a + b, 0) / x1.length;
    const variance = x1.reduce((a, b) => a + (b - mean) ** 2, 0) / x1.length;
    expect(mean).toBeCloseTo(0, 5);
    expect(variance).toBeCloseTo(1, 4);
    expect(data.tasks.map((t) => [t.name, t.kind, t.numClasses])).toEqual([
      ['clicked', 'binary', 2],
      ['segment', 'multiclass', 3],
      ['spend', 'regression', 1],
    ]);
  });

  it('does not leak: changing test rows changes no training feature or statistic', () => {
    const csv = 'x,y\n' + Array.from({ length: 40 }, (_, i) => `${i},${i % 2 ? 'a' : 'b'}`).join('\n');
    const base = prepareDataset(parseCsvSync(csv).table, { roles: { x: 'input', y: 'binary' } }, { seed: 5 });
    const testRows = splitRows(
      40,
      5,
      undefined,
      Array.from({ length: 40 }, (_, i) => (i % 2 ? 0 : 1)),
    ).test;
    const lines = csv.split('\n');
    for (const r of testRows) lines[r + 1] = `${1e6},${r % 2 ? 'a' : 'b'}`;
    const changed = prepareDataset(
      parseCsvSync(lines.join('\n')).table,
      { roles: { x: 'input', y: 'binary' } },
      { seed: 5 },
    );
    expect([...changed.train.x]).toEqual([...base.train.x]);
    expect([...changed.val.x]).toEqual([...base.val.x]);
  });

  it('keeps a row whose target is missing, as NaN for that task only, and adds a missing indicator for inputs', () => {
    const csv = 'x,y,z\n1,a,1\nNA,b,2\n3,,3\n4,a,\n5,b,5\n6,a,6\n7,b,7\n8,a,8\n9,b,9\n10,a,10\n11,b,11\n12,a,12';
    const data = prepareDataset(
      parseCsvSync(csv).table,
      { roles: { x: 'input', y: 'binary', z: 'regression' } },
      { seed: 1 },
    );
    expect(data.featureNames).toEqual(['x', 'x (missing)']);
    const all = [data.train, data.val, data.test];
    const nanCount = (k: number) =>
      all.reduce((n, s) => n + [...(s.targets[k] as Float32Array)].filter(Number.isNaN).length, 0);
    expect(nanCount(0)).toBe(1);
    expect(nanCount(1)).toBe(1);
    expect(all.reduce((n, s) => n + s.rows, 0)).toBe(12);
    for (const s of all) expect([...s.x].every(Number.isFinite)).toBe(true);
  });

  it('says what is wrong with unusable roles', () => {
    const table = toyTable(50);
    const refusal = (t: typeof table, roles: Parameters<typeof prepareDataset>[1]['roles']) =>
      thrownInEnglish(() => prepareDataset(t, { roles }, { seed: 1 }));
    expect(refusal(table, { x1: 'input' })).toBe(
      "No column is a target. Set at least one column's role to a Binary, Multi-class or Regression target.",
    );
    expect(refusal(table, { clicked: 'binary' })).toBe(
      "No column is left as an input. Set at least one non-target column's role to Input.",
    );
    expect(refusal(table, { x1: 'input', segment: 'binary' })).toBe(
      'The target "segment" has 3 distinct values, so it cannot be binary. Make it a Multi-class target.',
    );
    expect(() => prepareDataset(table, { roles: { x1: 'input', colour: 'regression' } }, { seed: 1 })).toThrow(
      PrepareError,
    );
    expect(refusal(table, { x1: 'input', colour: 'regression' })).toBe(
      'The target "colour" is not numeric, so it cannot be a regression target. Make it a Binary or Multi-class target.',
    );
    const oneClass = parseCsvSync('x,y\n1,a\n2,a\n3,a').table;
    expect(refusal(oneClass, { x: 'input', y: 'multiclass' })).toBe(
      'The target "y" has only one class ("a"). A classification target needs at least two.',
    );
  });
});

describe('split shares', () => {
  it('turns validation and test percentages into fractions, training gets the rest', () => {
    expect(splitFractions(10, 20)).toEqual({ train: 0.7, val: 0.1 });
    expect(splitFractions(15, 0)).toEqual({ train: 0.85, val: 0.15 });
  });
  it('refuses shares that leave no validation or too little training', () => {
    expect(() => splitFractions(0, 20)).toThrow(PrepareError);
    expect(thrownInEnglish(() => splitFractions(50, 40))).toBe(
      'Validation 50 % and test 40 % leave too little for training: keep validation at least 1 % and validation + test at most 80 %.',
    );
  });
  it('cuts an 80/20-style split with the requested row counts', () => {
    const data = prepareDataset(toyTable(300), { roles: TOY_ROLES }, { seed: 42, fractions: splitFractions(10, 20) });
    expect(data.train.rows + data.val.rows + data.test.rows).toBe(300);
    expect(Math.abs(data.test.rows - 60)).toBeLessThanOrEqual(2);
    expect(Math.abs(data.val.rows - 30)).toBeLessThanOrEqual(2);
  });
});

describe('found by the pipeline fuzz', () => {
  it('fitScale stays finite for values near the largest doubles (the differences used to overflow)', () => {
    const { mean, std } = fitScale(Float64Array.from([-1e308, 1.7e308, 0]), Int32Array.from([0, 1, 2]));
    expect(mean).toBeCloseTo(0.7e308 / 3, -300);
    expect(Number.isFinite(mean)).toBe(true);
    expect(std).toBeGreaterThan(1e307);
  });

  it('an input column with every cell missing gives a clear error, not a model without inputs', () => {
    const csv = ['x,y,z', ...Array.from({ length: 20 }, (_, i) => `,${i % 2 ? 'a' : 'b'},1`)].join('\n');
    const { table } = parseCsvSync(csv);
    expect(() => prepareDataset(table, { roles: { x: 'input', y: 'binary', z: 'ignore' } }, { seed: 1 })).toThrow(
      PrepareError,
    );
    expect(
      thrownInEnglish(() => prepareDataset(table, { roles: { x: 'input', y: 'binary', z: 'ignore' } }, { seed: 1 })),
    ).toBe('No input column has any values to learn from. Set at least one column with values as Input.');
  });
});
