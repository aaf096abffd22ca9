import { describe, expect, it } from 'vitest';
import { parseCsvSync } from '../csv/parseCsv.ts';
import { summarizeColumns } from '../csv/summarizeColumns.ts';
import { prepareDataset } from './prepareDataset.ts';
import { balancedClassWeights } from './targetCoding.ts';

/** 60 rows: user u0…u29 twice each (so train sees most), a 3-valued integer code, a binary target. */
function table() {
  const lines = ['user,code,y'];
  for (let i = 0; i < 60; i++) lines.push(`u${i % 30},${(i % 3) + 1},${i % 4 === 0 ? 'buy' : 'skip'}`);
  lines.push('zz_unseen_only_in_some_split,2,buy', ',1,skip');
  return parseCsvSync(lines.join('\n')).table;
}

describe('input encodings', () => {
  it('gives a high-cardinality category an embedding: 0 = missing, 1 = rare/unseen, 2… = known', () => {
    const t = table();
    const data = prepareDataset(
      t,
      { roles: { user: 'input', code: 'input', y: 'binary' } },
      { seed: 1, maxOneHot: 10 },
    );
    expect(data.embeddings).toEqual([{ name: 'user', vocabSize: expect.any(Number), dim: expect.any(Number) }]);
    const all = [data.train, data.val, data.test];
    const ids = all.flatMap((s) => [...(s.embeddingIds[0] as Float32Array)]);
    expect(ids).toContain(0); // the row with an empty user
    expect(Math.max(...ids)).toBeLessThan((data.embeddings[0] as { vocabSize: number }).vocabSize);
    // Every id ≥ 2 names a category seen in training: count training categories.
    const trainIds = new Set(data.train.embeddingIds[0]);
    for (const s of [data.val, data.test])
      for (const id of s.embeddingIds[0] as Float32Array) if (id >= 2) expect(trainIds.has(id)).toBe(true);
    expect(data.featureNames).toEqual(['code']);
  });

  it('one-hot encodes integer codes when asked to treat them as categories', () => {
    const data = prepareDataset(
      table(),
      { roles: { code: 'input', y: 'binary' }, encodings: { code: 'categorical' } },
      { seed: 1 },
    );
    expect(data.featureNames.sort()).toEqual(['code=1', 'code=2', 'code=3']);
    for (let r = 0; r < data.train.rows; r++) {
      const row = data.train.x.slice(r * 3, r * 3 + 3);
      expect(row.reduce((a, b) => a + b, 0)).toBe(1);
    }
  });

  it('uses the chosen positive class, else the rarer one', () => {
    const t = table();
    expect(prepareDataset(t, { roles: { code: 'input', y: 'binary' } }, { seed: 1 }).tasks[0]?.classLabels).toEqual([
      'skip',
      'buy',
    ]);
    expect(
      prepareDataset(t, { roles: { code: 'input', y: 'binary' }, positiveClasses: { y: 'skip' } }, { seed: 1 }).tasks[0]
        ?.classLabels,
    ).toEqual(['buy', 'skip']);
  });

  it('computes balanced class weights n / (k · n_c) from the training rows', () => {
    const values = Float64Array.from([0, 0, 0, 1, NaN, 0]);
    expect(balancedClassWeights(values, Int32Array.from([0, 1, 2, 3, 4]), 2)).toEqual([4 / (2 * 3), 4 / (2 * 1)]);
    const data = prepareDataset(
      table(),
      { roles: { code: 'input', y: 'binary' }, balanceClasses: { y: true } },
      { seed: 1 },
    );
    const [neg, pos] = data.classWeights[0] as number[];
    expect((pos as number) / (neg as number)).toBeCloseTo(3, 0); // 'buy' is about a quarter of the rows
  });
});

describe('summarizeColumns', () => {
  it('infers numeric, integer codes, categorical, binary, id-like, constant and date-like columns', () => {
    const lines = ['amount,det_code,level,flag,row_id,same,day,colour'];
    for (let i = 0; i < 40; i++)
      lines.push(
        `${(i * 1.37).toFixed(2)},${(i % 25) + 1},${i % 5},${i % 2 ? 'M' : 'F'},${1000 + i},x,2024-01-${String((i % 28) + 1).padStart(2, '0')},c${i % 7}`,
      );
    const kinds = Object.fromEntries(
      summarizeColumns(parseCsvSync(lines.join('\n')).table).map((c) => [
        c.name,
        [c.kind, c.suggestedRole, c.suggestedEncoding],
      ]),
    );
    expect(kinds).toEqual({
      amount: ['numeric', 'input', 'numeric'],
      det_code: ['integer codes', 'input', 'categorical'],
      level: ['integer codes', 'input', 'categorical'],
      flag: ['binary', 'input', 'categorical'],
      row_id: ['id-like', 'ignore', 'numeric'],
      same: ['constant', 'ignore', 'categorical'],
      day: ['date-like', 'ignore', 'categorical'],
      colour: ['categorical', 'input', 'categorical'],
    });
  });
});
