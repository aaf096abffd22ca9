/**
 * The e-commerce sample with the app's defaults, per seed (split seed = weights seed = seed; the
 * table is the app's, seed 2024): the multi-task network with plain heads, the same with purchase
 * chained to click (ESMM), and the single-task baselines as the worker trains them. Test metrics:
 * click AUC, spend R², and purchase AUC two ways — CVR (p(purchase | click) on the clicked rows, the
 * plain head's own population) and CTCVR (p(click ∧ purchase) on every impression; plain heads:
 * p(click)·p(purchase | click)).
 *
 *   npx tsx bench/samples/ecommerceBench.ts [seeds=1,2,3] [epochs=app default]
 *
 * Writes bench/samples/results/ecommerce-<seeds>.json (with an epoch cap N: results/epochsN/…);
 * tables.ts turns them into the table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { generateEcommerceTable } from '../../src/core/data/ecommerceSample.ts';
import { prepareDataset } from '../../src/core/data/prepareDataset.ts';
import { SAMPLE_DATASETS } from '../../src/core/data/sampleDatasets.ts';
import { rocAuc } from '../../src/core/metrics/classificationMetrics.ts';
import { defaultSettings } from '../../src/core/settings/settingsTable.ts';
import {
  appColumnSettings,
  earlyStoppingOf,
  multiAndSingle,
  setupBackend,
  train,
  trainerOptions,
  type Trained,
} from './harness.ts';

const seeds = (process.argv[2] ?? '1,2,3').split(',').map(Number);
await setupBackend();
const sample = SAMPLE_DATASETS.find((d) => d.id === 'ecommerce');
if (!sample || sample.source.kind !== 'generated') throw new Error('no e-commerce sample');
const table = generateEcommerceTable(sample.source.seed);
const columns = appColumnSettings(table, sample);

/** CVR AUC on clicked rows and CTCVR AUC on all rows, from p(click) and p(purchase | click). */
function funnelAucs(pClick: Float32Array, pCvr: ArrayLike<number>, clicked: Float32Array, purchased: Float32Array) {
  const clickedRows = [...clicked.keys()].filter((i) => clicked[i] === 1);
  const cvr = rocAuc(
    clickedRows.map((i) => pCvr[i] as number),
    clickedRows.map((i) => purchased[i] as number),
  );
  const ctcvr = rocAuc(
    Array.from(pClick, (p, i) => p * (pCvr[i] as number)),
    Array.from(purchased, (y) => (y === 1 ? 1 : 0)),
  );
  return { cvr, ctcvr };
}

const summary = (t: Trained) => ({
  epochs: t.epochs,
  test: t.test.map((m) => ({ loss: m.loss, auc: m.auc, r2: m.r2, rmse: m.rmse, count: m.count })),
  history: t.history,
});
const rows: unknown[] = [];
const started = Date.now();
for (const seed of seeds) {
  const settings = { ...defaultSettings(), seed, splitSeed: seed };
  if (process.argv[3]) settings.epochs = Number(process.argv[3]);
  const prepare = (chained: boolean) =>
    prepareDataset(
      table,
      { ...columns, chainedTo: chained ? { purchased: 'clicked' } : {} },
      {
        seed: settings.splitSeed,
        embeddingDim: settings.embeddingDim,
      },
    );
  const plainData = prepare(false);
  const { multi, single } = await multiAndSingle(plainData, settings);
  const esmmData = prepare(true);
  const esmm = await train(
    esmmData,
    trainerOptions(esmmData, settings),
    settings.epochs,
    earlyStoppingOf(esmmData, settings),
    false,
  );
  const [clicked, purchased] = plainData.test.targets as [Float32Array, Float32Array];
  const [pClick, pBuy] = multi.testOutputs as [Float32Array, Float32Array];
  const [eClick, eBuy] = esmm.testOutputs as [Float32Array, Float32Array];
  const [sClick] = (single[0] as Trained).testOutputs as [Float32Array];
  const [sBuy] = (single[1] as Trained).testOutputs as [Float32Array];
  const row = {
    seed,
    settings: {
      epochs: settings.epochs,
      earlyStopping: settings.earlyStopping,
      trunk: settings.trunk,
      l2: settings.l2,
    },
    funnel: {
      multiPlain: funnelAucs(pClick, pBuy, clicked, purchased),
      multiEsmm: funnelAucs(
        eClick,
        Float32Array.from(eBuy, (p, i) => p / Math.max(eClick[i] as number, 1e-12)),
        clicked,
        purchased,
      ),
      single: funnelAucs(sClick, sBuy, clicked, purchased),
    },
    multi: summary(multi),
    esmm: summary(esmm),
    single: single.map((s) => summary(s as Trained)),
  };
  rows.push(row);
  console.log(
    JSON.stringify({ seed, funnel: row.funnel, multi: row.multi.test, single: row.single.map((s) => s.test[0]) }),
  );
  console.log(`${((Date.now() - started) / 1000).toFixed(0)} s`);
}
// A run capped at N epochs (argument 2) goes to results/epochs<N>/, apart from the default run's.
const out = process.argv[3] ? `bench/samples/results/epochs${process.argv[3]}` : 'bench/samples/results';
mkdirSync(out, { recursive: true });
writeFileSync(`${out}/ecommerce-${seeds.join('_')}.json`, JSON.stringify(rows, null, 1));
