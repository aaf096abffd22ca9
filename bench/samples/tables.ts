/**
 * Markdown tables from the sample benchmarks' results (bench/samples/results/*.json):
 *   npx tsx bench/samples/tables.ts
 * Δ and Δm as the app computes them (src/core/metrics/relativeGain.ts): positive = multi-task better.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { averageRelativeGain, relativeGain } from '../../src/core/metrics/relativeGain.ts';

const dir = process.env.RESULTS_DIR ?? 'bench/samples/results';
const load = (prefix: string) =>
  readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.json'))
    .flatMap((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as unknown[]);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) =>
  Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)) * (xs.length / Math.max(xs.length - 1, 1)));
const fmt = (xs: number[], digits = 3) => `${mean(xs).toFixed(digits)} ± ${sd(xs).toFixed(digits)}`;
const pct = (xs: number[]) => `${(100 * mean(xs)).toFixed(1)} % ± ${(100 * sd(xs)).toFixed(1)}`;

interface Metric {
  auc?: number;
  r2?: number;
  rmse?: number;
  loss: number;
}
interface EcomRow {
  seed: number;
  funnel: Record<'multiPlain' | 'multiEsmm' | 'single', { cvr: number; ctcvr: number }>;
  multi: { test: Metric[]; epochs: number; history: { trainLoss: number[]; valLoss: number[] }[] };
  esmm: { test: Metric[] };
  single: { test: Metric[] }[];
}

const ecom = load('ecommerce-') as EcomRow[];
/** RMSE; older results kept only the loss (MSE of the standardised target): the same relative gains. */
const rmse = (m: Metric | undefined) => m?.rmse ?? Math.sqrt(m?.loss as number);
if (ecom.length) {
  ecom.sort((a, b) => a.seed - b.seed);
  const col = (f: (r: EcomRow) => number, digits = 3) => fmt(ecom.map(f), digits);
  const gain = (f: (r: EcomRow) => [number, number], higher: boolean) =>
    pct(ecom.map((r) => relativeGain(...f(r), higher)));
  console.log(`### E-commerce (seeds ${ecom.map((r) => r.seed).join(', ')}; test split; mean ± sd)\n`);
  console.log(
    '| model | clicked AUC | purchased AUC (CVR, clicked rows) | purchased AUC (CTCVR, all rows) | spend R² |',
  );
  console.log('| --- | --- | --- | --- | --- |');
  console.log(
    `| single-task (one network per task) | ${col((r) => r.single[0]?.test[0]?.auc as number)} | ${col((r) => r.funnel.single.cvr)} | ${col((r) => r.funnel.single.ctcvr)} | ${col((r) => r.single[2]?.test[0]?.r2 as number)} |`,
  );
  console.log(
    `| multi-task, plain heads | ${col((r) => r.multi.test[0]?.auc as number)} | ${col((r) => r.funnel.multiPlain.cvr)} | ${col((r) => r.funnel.multiPlain.ctcvr)} | ${col((r) => r.multi.test[2]?.r2 as number)} |`,
  );
  console.log(
    `| multi-task, purchase chained to click (ESMM) | ${col((r) => r.esmm.test[0]?.auc as number)} | ${col((r) => r.funnel.multiEsmm.cvr)} | ${col((r) => r.funnel.multiEsmm.ctcvr)} | ${col((r) => r.esmm.test[2]?.r2 as number)} |`,
  );
  console.log(
    `| Δ plain multi vs single | ${gain((r) => [r.single[0]?.test[0]?.auc as number, r.multi.test[0]?.auc as number], true)} | ${gain((r) => [r.funnel.single.cvr, r.funnel.multiPlain.cvr], true)} | ${gain((r) => [r.funnel.single.ctcvr, r.funnel.multiPlain.ctcvr], true)} | RMSE: ${gain((r) => [rmse(r.single[2]?.test[0]), rmse(r.multi.test[2])], false)} |`,
  );
  console.log(
    `| Δ ESMM multi vs single | ${gain((r) => [r.single[0]?.test[0]?.auc as number, r.esmm.test[0]?.auc as number], true)} | ${gain((r) => [r.funnel.single.cvr, r.funnel.multiEsmm.cvr], true)} | ${gain((r) => [r.funnel.single.ctcvr, r.funnel.multiEsmm.ctcvr], true)} | RMSE: ${gain((r) => [rmse(r.single[2]?.test[0]), rmse(r.esmm.test[2])], false)} |`,
  );
  const dm = ecom.map((r) =>
    averageRelativeGain([
      relativeGain(r.single[0]?.test[0]?.auc as number, r.multi.test[0]?.auc as number, true),
      relativeGain(r.funnel.single.cvr, r.funnel.multiPlain.cvr, true),
      relativeGain(rmse(r.single[2]?.test[0]), rmse(r.multi.test[2]), false),
    ]),
  );
  console.log(`\nΔm (plain multi vs single; clicked AUC, purchased CVR AUC, spend RMSE): ${pct(dm)}\n`);
  console.log('Validation loss per epoch of the plain multi-task run (mean over seeds): clicked / purchased / spend\n');
  console.log('| epoch | train clicked | val clicked | train purchased | val purchased | train spend | val spend |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  const epochs = Math.min(...ecom.map((r) => r.multi.history.length));
  for (let e = 0; e < epochs; e++) {
    const h = (k: number, split: 'trainLoss' | 'valLoss') =>
      mean(ecom.map((r) => r.multi.history[e]?.[split][k] as number)).toFixed(3);
    console.log(
      `| ${e + 1} | ${h(0, 'trainLoss')} | ${h(0, 'valLoss')} | ${h(1, 'trainLoss')} | ${h(1, 'valLoss')} | ${h(2, 'trainLoss')} | ${h(2, 'valLoss')} |`,
    );
  }
  console.log('');
}

interface CorrRow {
  seed: number;
  correlation: number;
  experts: number;
  single: Metric[];
  shared: Metric[];
  mmoe: Metric[];
}
const corr = load('correlated-') as CorrRow[];
if (corr.length) {
  const grid = [...new Set(corr.map((r) => r.correlation))].sort((a, b) => a - b);
  const dm = (a: Metric[], b: Metric[]) =>
    averageRelativeGain(a.map((m, k) => relativeGain(m.rmse as number, b[k]?.rmse as number, false)));
  console.log(
    `### Task correlation (seeds ${[...new Set(corr.map((r) => r.seed))].join(', ')}; Experts = ${corr[0]?.experts}; test RMSE; mean ± sd)\n`,
  );
  console.log(
    '| correlation | Δm shared trunk vs single | Δm MMoE vs single | Δm MMoE vs shared trunk | R² single (y1, y2) | R² shared | R² MMoE |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const p of grid) {
    const rs = corr.filter((r) => r.correlation === p);
    const r2 = (f: (r: CorrRow) => Metric[]) =>
      `${mean(rs.map((r) => f(r)[0]?.r2 as number)).toFixed(3)}, ${mean(rs.map((r) => f(r)[1]?.r2 as number)).toFixed(3)}`;
    console.log(
      `| ${p} | ${pct(rs.map((r) => dm(r.single, r.shared)))} | ${pct(rs.map((r) => dm(r.single, r.mmoe)))} | ${pct(rs.map((r) => dm(r.shared, r.mmoe)))} | ${r2((r) => r.single)} | ${r2((r) => r.shared)} | ${r2((r) => r.mmoe)} |`,
    );
  }
}
