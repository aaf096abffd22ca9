import { describe, expect, it } from 'vitest';
import type { NumericColumn } from '../csv/table.ts';
import { correlatedTasksModel, generateCorrelatedTasksTable } from './correlatedTasksSample.ts';

const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, v, i) => s + v * (b[i] as number), 0);
const cosine = (a: Float64Array, b: Float64Array) => dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
const values = (t: ReturnType<typeof generateCorrelatedTasksTable>, name: string) =>
  (t.columns.find((c) => c.name === name) as NumericColumn).values;

describe('correlated-tasks sample (MMoE §4.1)', () => {
  it('gives weight vectors whose cosine is the requested correlation, each of norm c', () => {
    for (const p of [-1, -0.5, 0, 0.25, 0.5, 0.9, 1]) {
      for (const seed of [1, 2, 3]) {
        const { w1, w2 } = correlatedTasksModel(seed, p, { scale: 2 });
        expect(Math.abs(cosine(w1, w2) - p)).toBeLessThan(1e-6);
        expect(Math.sqrt(dot(w1, w1))).toBeCloseTo(2, 9);
        expect(Math.sqrt(dot(w2, w2))).toBeCloseTo(2, 9);
      }
    }
    expect(() => correlatedTasksModel(1, 1.5)).toThrow(RangeError);
  });

  it('is seeded: same seed, same table; another seed, another table; the correlation changes only the labels', () => {
    const a = generateCorrelatedTasksTable(5, 0.5, { rows: 500 });
    expect(generateCorrelatedTasksTable(5, 0.5, { rows: 500 })).toEqual(a);
    expect(values(generateCorrelatedTasksTable(6, 0.5, { rows: 500 }), 'x1')).not.toEqual(values(a, 'x1'));
    const b = generateCorrelatedTasksTable(5, 0.9, { rows: 500 });
    expect(values(b, 'x1')).toEqual(values(a, 'x1'));
    expect(values(b, 'y1')).toEqual(values(a, 'y1')); // w₁ = c·u₁ whatever the correlation
    expect(values(b, 'y2')).not.toEqual(values(a, 'y2'));
    expect(a.columns.map((c) => c.name).slice(-3)).toEqual(['x100', 'y1', 'y2']);
    expect(a.columns.every((c) => c.type === 'numeric')).toBe(true); // no id column, so no task is an id's function
  });

  it('builds the labels as the paper does, and their correlation rises with the weights’ cosine', () => {
    const model = correlatedTasksModel(3, 0.5, { dims: 10 });
    const t = generateCorrelatedTasksTable(3, 0.5, { dims: 10, rows: 4000, noise: 0 });
    const x = Array.from({ length: 10 }, (_, i) => values(t, `x${i + 1}`));
    const z = Float64Array.from({ length: 10 }, (_, i) => (x[i] as Float64Array)[0] as number);
    const w1x = dot(model.w1, z);
    const expected = w1x + [...model.alpha].reduce((s, a, j) => s + Math.sin(a * w1x + (model.beta[j] as number)), 0);
    expect(values(t, 'y1')[0]).toBeCloseTo(expected, 9);
    const pearson = (p: number) => {
      const s = generateCorrelatedTasksTable(3, p, { dims: 10, rows: 4000 });
      const [a, b] = [values(s, 'y1'), values(s, 'y2')];
      const mean = (v: Float64Array) => v.reduce((u, w) => u + w, 0) / v.length;
      const [ma, mb] = [mean(a), mean(b)];
      const c = (u: Float64Array, mu: number, v: Float64Array, mv: number) =>
        u.reduce((acc, ui, i) => acc + (ui - mu) * ((v[i] as number) - mv), 0);
      return c(a, ma, b, mb) / Math.sqrt(c(a, ma, a, ma) * c(b, mb, b, mb));
    };
    const r = [0, 0.5, 0.9, 1].map(pearson);
    for (let i = 1; i < r.length; i++) expect(r[i] as number).toBeGreaterThan(r[i - 1] as number);
    expect(r[3]).toBeGreaterThan(0.99);
  });
});
