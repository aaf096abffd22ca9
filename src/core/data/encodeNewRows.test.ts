import { describe, expect, it } from 'vitest';
import { thrownInEnglish } from '../../i18n/inEnglish.ts';
import { parseCsvSync } from '../csv/parseCsv.ts';
import { encodeNewRows } from './encodeNewRows.ts';
import { prepareDataset, type PreparedSplit } from './prepareDataset.ts';

/** 120 rows: a number with gaps, a 3-category colour (one category only in a few rows), 40 users, two targets. */
function csv(extraRows: string[] = []): string {
  const lines = ['x,colour,user,code,y,v'];
  for (let i = 0; i < 120; i++) {
    const x = i % 9 === 0 ? '' : String((i * 37) % 101);
    const colour = i === 7 ? 'teal' : ['red', 'green', 'blue'][i % 3];
    lines.push(`${x},${colour},u${i % 40},${(i % 4) + 1},${i % 5 === 0 ? 'yes' : 'no'},${i * 0.5}`);
  }
  return [...lines, ...extraRows].join('\n');
}
const roles = { x: 'input', colour: 'input', user: 'input', code: 'input', y: 'binary', v: 'regression' } as const;

function prepared() {
  const table = parseCsvSync(csv()).table;
  const data = prepareDataset(table, { roles, encodings: { code: 'categorical' } }, { seed: 3, maxOneHot: 10 });
  return { table, data };
}

/** The rows of `split` picked out of a whole-table encoding. */
function pick(all: { x: Float32Array; embeddingIds: Float32Array[] }, split: PreparedSplit, width: number) {
  const x = new Float32Array(split.rows * width);
  split.tableRows.forEach((r, i) => x.set(all.x.subarray(r * width, (r + 1) * width), i * width));
  return { x, ids: all.embeddingIds.map((ids) => Float32Array.from(split.tableRows, (r) => ids[r] as number)) };
}

describe('encodeNewRows', () => {
  it('encodes the training table exactly as prepareDataset did, split by split', () => {
    const { table, data } = prepared();
    expect(data.preprocessing.inputs.map((r) => r.kind)).toEqual(['numeric', 'oneHot', 'embedding', 'oneHot']);
    const all = encodeNewRows(table, data.preprocessing);
    for (const split of [data.train, data.val, data.test]) {
      const { x, ids } = pick(all, split, data.inputSize);
      expect([...x]).toEqual([...split.x]);
      expect(ids.map((a) => [...a])).toEqual(split.embeddingIds.map((a) => [...a]));
    }
  });

  it('reads a new file by column name: reordered, extra and target columns absent', () => {
    const { data } = prepared();
    const fresh = parseCsvSync(
      ['note,user,colour,code,x', 'hi,u3,green,2,50', 'yo,nobody,purple,9,', 'z,u4,,1,7'].join('\n'),
    ).table;
    const out = encodeNewRows(fresh, data.preprocessing);
    expect(out.extraColumns).toEqual(['note']);
    expect(out.unseen).toEqual([
      { column: 'colour', rows: 1 },
      { column: 'user', rows: 1 },
      { column: 'code', rows: 1 },
    ]);
    const rule = data.preprocessing.inputs[0];
    if (rule?.kind !== 'numeric') throw new Error('x is numeric');
    const d = data.inputSize;
    // x: standardised with the training mean and std; missing → 0 and the indicator 1.
    expect(out.x[0]).toBeCloseTo((50 - rule.mean) / rule.std, 6);
    expect([out.x[d], out.x[d + 1]]).toEqual([0, 1]);
    const colourSlots = (row: number) =>
      data.featureNames.flatMap((n, i) => (n.startsWith('colour=') ? [[n, out.x[row * d + i]]] : []));
    expect(colourSlots(0).filter(([, v]) => v === 1)).toEqual([['colour=green', 1]]);
    // Unseen → the "(other)" slot when training had one (a category outside the training rows), else all zeros.
    const colour = data.preprocessing.inputs[1];
    expect(colour?.kind === 'oneHot' && colour.other).toBe(!data.train.tableRows.includes(7)); // teal: row 7 only
    const other = colour?.kind === 'oneHot' && colour.other ? [['colour=(other)', 1]] : [];
    expect(colourSlots(1).filter(([, v]) => v === 1)).toEqual(other);
    expect(colourSlots(2).every(([, v]) => v === 0)).toBe(true); // missing → all zeros
    // user: an embedding id — known users ≥ 2, an unseen one 1 ("other").
    const ids = [...(out.embeddingIds[0] as Float32Array)];
    expect(ids[0]).toBeGreaterThanOrEqual(2);
    expect(ids[1]).toBe(1);
  });

  it('puts an unseen category in the "(other)" slot of a rule that has one', () => {
    const preprocessing = {
      inputs: [{ kind: 'oneHot' as const, column: 'c', categories: ['a', 'b'], other: true }],
      featureNames: ['c=a', 'c=b', 'c=(other)'],
      embeddings: [],
      tasks: [],
      targetScales: [],
    };
    const out = encodeNewRows(parseCsvSync('c,d\nb,1\nz,2\na,3').table, preprocessing);
    expect([...out.x]).toEqual([0, 1, 0, 0, 0, 1, 1, 0, 0]);
    expect(out.unseen).toEqual([{ column: 'c', rows: 1 }]);
    expect(out.extraColumns).toEqual(['d']);
    expect(out.extraColumns).toEqual(['d']);
  });

  it('names every input column the file lacks', () => {
    const { data } = prepared();
    const fresh = parseCsvSync(['x,y', '1,yes'].join('\n')).table;
    expect(thrownInEnglish(() => encodeNewRows(fresh, data.preprocessing))).toBe(
      'The file lacks 3 input columns the model needs: colour, user, code.',
    );
  });
});
