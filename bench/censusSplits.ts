/**
 * Writes the rows of the census acceptance split (Validation 10 %, Test 20 %, stratified as the app
 * does) for Split seeds 42 and 1–5, through the app's own parsing and preparation, so the
 * scikit-learn references in bench/census_references.py train and test on exactly these rows.
 *   npx rolldown bench/censusSplits.ts --platform node --format esm -d bench/tmp/rd && node bench/tmp/rd/censusSplits.js
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseCsvSync } from '../src/core/csv/parseCsv.ts';
import { summarizeColumns } from '../src/core/csv/summarizeColumns.ts';
import { prepareDataset } from '../src/core/data/prepareDataset.ts';
import { splitFractions } from '../src/core/data/split.ts';
import type { ColumnRole, InputEncoding } from '../src/core/types.ts';

const SPLIT_SEEDS = [42, 1, 2, 3, 4, 5];
const OUT = 'bench/tmp/census-splits';
const TARGETS: Record<string, ColumnRole> = { income_50k: 'binary', marital_stat: 'multiclass' };
const IGNORED = ['instance_weight', 'education'];

const text = new TextDecoder().decode(gunzipSync(readFileSync('e2e/data/census_income_kdd_test.csv.gz')));
const { table } = parseCsvSync(text);
const roles: Record<string, ColumnRole> = {};
const encodings: Record<string, InputEncoding> = {};
for (const c of summarizeColumns(table)) {
  roles[c.name] = TARGETS[c.name] ?? (IGNORED.includes(c.name) ? 'ignore' : 'input');
  encodings[c.name] = c.suggestedEncoding;
}
mkdirSync(OUT, { recursive: true });
for (const seed of SPLIT_SEEDS) {
  const data = prepareDataset(
    table,
    { roles, encodings, positiveClasses: { income_50k: '50000+.' } },
    { seed, fractions: splitFractions(10, 20) },
  );
  const rows = (s: typeof data.train) => Array.from(s.tableRows);
  writeFileSync(
    `${OUT}/split${seed}.json`,
    JSON.stringify({ train: rows(data.train), val: rows(data.val), test: rows(data.test) }),
  );
  console.log(
    `split seed ${seed}: ${data.train.rows}/${data.val.rows}/${data.test.rows} rows → ${OUT}/split${seed}.json`,
  );
}
