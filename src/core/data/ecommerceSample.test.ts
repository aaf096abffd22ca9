import { describe, expect, it } from 'vitest';
import type { CategoricalColumn, Column, Table } from '../csv/table.ts';
import { rocAuc } from '../metrics/classificationMetrics.ts';
import { regressionMetrics } from '../metrics/regressionMetrics.ts';
import { categorical, generateEcommerceTable } from './ecommerceSample.ts';
import { prepareDataset } from './prepareDataset.ts';
import { SAMPLE_DATASETS } from './sampleDatasets.ts';
import { splitRows } from './split.ts';

const table = generateEcommerceTable(2024);

function column<T extends Column['type']>(t: Table, name: string, type: T): Extract<Column, { type: T }> {
  const c = t.columns.find((col) => col.name === name);
  if (c?.type !== type) throw new Error(`${name} is not ${type}`);
  return c as Extract<Column, { type: T }>;
}

/** A target as numbers: 1/0 for "yes"/"no", the value for a numeric column, NaN where missing. */
function targetValues(t: Table, name: string): Float64Array {
  const c = t.columns.find((col) => col.name === name) as Column;
  if (c.type === 'numeric') return c.values;
  return Float64Array.from(c.codes, (code) => (code < 0 ? NaN : c.dictionary[code] === 'yes' ? 1 : 0));
}

/**
 * The best an id lookup can do on rows it has not seen: the mean target of each id over a seeded
 * 70 % of the rows, the overall mean for ids not seen there, scored on the other 30 %
 * (AUC for a yes/no target, R² for a number). This is what a memorising embedding can learn.
 */
function idLookupScore(ids: CategoricalColumn, y: Float64Array, binary: boolean): number {
  const { train, val, test } = splitRows(y.length, 11, { train: 0.7, val: 0.3 });
  const sum = new Map<number, [number, number]>();
  let total = 0;
  let n = 0;
  for (const r of train) {
    const v = y[r] as number;
    if (Number.isNaN(v)) continue;
    const s = sum.get(ids.codes[r] as number) ?? [0, 0];
    sum.set(ids.codes[r] as number, [s[0] + v, s[1] + 1]);
    total += v;
    n++;
  }
  const held = [...val, ...test].filter((r) => !Number.isNaN(y[r] as number));
  const predicted = held.map((r) => {
    const s = sum.get(ids.codes[r] as number);
    return s ? s[0] / s[1] : total / n;
  });
  const actual = held.map((r) => y[r] as number);
  return binary ? rocAuc(predicted, actual) : regressionMetrics(predicted, actual).r2;
}

describe('e-commerce sample', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = generateEcommerceTable(7, { rows: 3000 });
    expect(generateEcommerceTable(7, { rows: 3000 })).toEqual(a);
    expect(generateEcommerceTable(8, { rows: 3000 })).not.toEqual(a);
  });

  it('is a funnel with realistic rates: purchase only observed after a click, spend only after a purchase', () => {
    const clicked = targetValues(table, 'clicked');
    const purchased = targetValues(table, 'purchased');
    const spend = column(table, 'spend', 'numeric');
    let clicks = 0;
    let buys = 0;
    let broken = 0;
    for (let r = 0; r < table.rowCount; r++) {
      if (Number.isNaN(purchased[r] as number) !== (clicked[r] === 0)) broken++;
      if (Number.isNaN(spend.values[r] as number) !== (purchased[r] !== 1)) broken++;
      clicks += clicked[r] as number;
      buys += purchased[r] === 1 ? 1 : 0;
    }
    expect(broken).toBe(0);
    expect(table.rowCount).toBe(60000);
    expect(clicks / table.rowCount).toBeGreaterThan(0.03); // click-through rate: a few percent
    expect(clicks / table.rowCount).toBeLessThan(0.06);
    expect(buys / clicks).toBeGreaterThan(0.04); // conversion after a click: a few percent
    expect(buys / clicks).toBeLessThan(0.12);
    expect(Math.min(...[...spend.values].filter((v) => !Number.isNaN(v)))).toBeGreaterThan(0);
  });

  it('has no target that is a function of an id: a lookup from user_id or item_id does not predict any task', () => {
    for (const idName of ['user_id', 'item_id']) {
      const ids = column(table, idName, 'categorical');
      expect(ids.dictionary.length).toBeGreaterThan(50); // above MAX_ONE_HOT: an embedding, not one-hot
      for (const [task, binary] of [
        ['clicked', true],
        ['purchased', true],
        ['spend', false],
      ] as const) {
        const score = idLookupScore(ids, targetValues(table, task), binary);
        // item_id carries some of spend (it is price × quantity × discount, the price an item's), not all.
        expect(score, `${idName} → ${task}`).toBeLessThan(binary ? 0.65 : 0.4);
      }
    }
    // The check has teeth: a target that is a function of user_id (as preferred_category was) is found.
    const users = column(table, 'user_id', 'categorical');
    const leak = Float64Array.from(users.codes, (c) => (((c * 2654435761) >>> 0) % 3 === 0 ? 1 : 0));
    expect(idLookupScore(users, leak, true)).toBeGreaterThan(0.95);
  });

  it('prepares with the preset roles: three tasks, ids embedded, stratified on clicks', () => {
    const sample = SAMPLE_DATASETS.find((d) => d.id === 'ecommerce');
    if (!sample) throw new Error('no e-commerce preset');
    const roles = Object.fromEntries(table.columns.map((c) => [c.name, sample.roles[c.name] ?? 'input']));
    const data = prepareDataset(table, { roles, positiveClasses: sample.positiveClasses }, { seed: 3 });
    expect(data.tasks.map((t) => [t.name, t.kind, t.classLabels])).toEqual([
      ['clicked', 'binary', ['no', 'yes']],
      ['purchased', 'binary', ['no', 'yes']],
      ['spend', 'regression', []],
    ]);
    expect(data.embeddings.map((e) => e.name)).toEqual(['user_id', 'item_id']);
    const rate = (t: Float32Array) => t.reduce((a, b) => a + b, 0) / t.length;
    expect(
      Math.abs(rate(data.train.targets[0] as Float32Array) - rate(data.test.targets[0] as Float32Array)),
    ).toBeLessThan(0.003);
  });

  it('exports column builders that count missing values', () => {
    const c = categorical('c', ['a', null, 'b', 'a']);
    expect([c.dictionary, [...c.codes], c.missing]).toEqual([['a', 'b'], [0, -1, 1, 0], 1]);
  });
});
