/** Rates of the e-commerce sample: npx tsx bench/samples/ecommerceStats.ts [seed] */
import { generateEcommerceTable } from '../../src/core/data/ecommerceSample.ts';

const seed = Number(process.argv[2] ?? 2024);
const t = generateEcommerceTable(seed);
const col = (n: string) => t.columns.find((c) => c.name === n)!;
const clicked = col('clicked');
const purchased = col('purchased');
const spend = col('spend');
if (clicked.type !== 'categorical' || purchased.type !== 'categorical' || spend.type !== 'numeric') throw new Error();
let clicks = 0;
let buys = 0;
const spends: number[] = [];
for (let r = 0; r < t.rowCount; r++) {
  if (clicked.dictionary[clicked.codes[r]!] === 'yes') clicks++;
  const p = purchased.codes[r]!;
  if (p >= 0 && purchased.dictionary[p] === 'yes') {
    buys++;
    spends.push(spend.values[r]!);
  }
}
spends.sort((a, b) => a - b);
console.log({
  rows: t.rowCount,
  clicks,
  ctr: clicks / t.rowCount,
  buys,
  cvr: buys / clicks,
  spendMedian: spends[Math.floor(spends.length / 2)],
  spendMax: spends[spends.length - 1],
});
