import { describe, expect, it } from 'vitest';
import type { ColumnSummary } from '../csv/summarizeColumns.ts';
import { batchSizeFor, patienceFor, suggestedSettings, trainingRows } from './dataDefaults.ts';
import { SETTINGS } from './settingsTable.ts';

const column = (name: string): ColumnSummary => ({
  name,
  type: 'numeric',
  kind: 'numeric',
  missing: 0,
  distinct: 100,
  topValues: [],
  suggestedRole: 'input',
  suggestedEncoding: 'numeric',
});
const table = (rowCount: number) => ({ rowCount, columns: [column('a'), column('b')] });

describe('data-dependent defaults', () => {
  it('counts the training rows of the default 70/15/15 split', () => {
    expect(trainingRows(150)).toBe(105);
    expect(trainingRows(10_000)).toBe(7_000);
    expect(trainingRows(1)).toBe(1);
  });

  it('grows the batch with the training rows, 16 to 256', () => {
    expect(batchSizeFor(105)).toBe(16); // iris
    expect(batchSizeFor(999)).toBe(16);
    expect(batchSizeFor(1_000)).toBe(32);
    expect(batchSizeFor(2_045)).toBe(32); // weather
    expect(batchSizeFor(7_000)).toBe(64); // census sample
    expect(batchSizeFor(22_793)).toBe(128); // adult
    expect(batchSizeFor(69_833)).toBe(256); // full census
  });

  it('sets patience to about 500 steps, within 5 to 20 epochs', () => {
    expect(patienceFor(105, 16)).toBe(20); // 7 steps an epoch: 72 epochs, capped at 20
    expect(patienceFor(2_045, 32)).toBe(8); // 64 steps: ceil(500 / 64) = 8
    expect(patienceFor(7_000, 64)).toBe(5); // 110 steps: ceil(4.5) = 5
    expect(patienceFor(69_833, 256)).toBe(5); // 273 steps: 2, raised to 5
    expect(patienceFor(0, 64)).toBe(20); // an empty table still gets a valid patience
  });

  it('suggests early stopping on the weighted total, and values every setting accepts', () => {
    const s = suggestedSettings(table(10_000));
    expect(s.batchSize).toBe(64);
    expect(s.earlyStopping).toEqual({ enabled: true, monitor: 'total', patience: 5 });
    for (const [key, value] of Object.entries(s)) {
      const definition = SETTINGS[key as keyof typeof SETTINGS];
      expect(definition.validate(value as never, definition.label), key).toEqual({ ok: true, value });
    }
  });

  it('is pure: the same summary gives the same settings, and new objects each time', () => {
    const a = suggestedSettings(table(150));
    const b = suggestedSettings(table(150));
    expect(a).toEqual(b);
    expect(a.earlyStopping).not.toBe(b.earlyStopping);
    expect(a.batchSize).toBe(16);
    expect(a.earlyStopping?.patience).toBe(20);
  });
});
