/**
 * Task relatedness (MMoE paper §4, Figure 3 protocol) with the app's defaults: for each task
 * correlation and seed, the shared-trunk multi-task network, an MMoE network (Experts = 4) and the
 * two single-task networks, on the test split; Δm as the app reports it (relative RMSE gain, mean
 * over y1 and y2). The data, split and weights seed are all `seed`.
 *
 *   npx tsx bench/samples/correlatedBench.ts [seeds=1,2,3] [correlations=-0.5,0,0.25,0.5,0.75,0.9,1] [experts=4]
 *
 * Writes bench/samples/results/correlated-<seeds>.json; tables.ts turns them into the table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { generateCorrelatedTasksTable } from '../../src/core/data/correlatedTasksSample.ts';
import { prepareDataset } from '../../src/core/data/prepareDataset.ts';
import { SAMPLE_DATASETS } from '../../src/core/data/sampleDatasets.ts';
import { defaultSettings } from '../../src/core/settings/settingsTable.ts';
import { appColumnSettings, earlyStoppingOf, multiAndSingle, setupBackend, train, trainerOptions } from './harness.ts';

const list = (arg: string | undefined, fallback: number[]) => (arg ? arg.split(',').map(Number) : fallback);
const seeds = list(process.argv[2], [1, 2, 3]);
const correlations = list(process.argv[3], [-0.5, 0, 0.25, 0.5, 0.75, 0.9, 1]);
const experts = Number(process.argv[4] ?? 4);
await setupBackend();
const sample = SAMPLE_DATASETS.find((d) => d.id === 'correlated');
if (!sample) throw new Error('no correlated sample');

const pick = (m: { rmse?: number; r2?: number; loss: number }) => ({ rmse: m.rmse, r2: m.r2, loss: m.loss });
const rows: unknown[] = [];
const started = Date.now();
for (const seed of seeds) {
  const settings = { ...defaultSettings(), seed, splitSeed: seed };
  for (const correlation of correlations) {
    const table = generateCorrelatedTasksTable(seed, correlation);
    const data = prepareDataset(table, appColumnSettings(table, sample), {
      seed: settings.splitSeed,
      embeddingDim: settings.embeddingDim,
    });
    const shared = await multiAndSingle(data, settings);
    const [singleY1, singleY2] = shared.single.map((t) => pick(t?.test[0] as never));
    const early = earlyStoppingOf(data, settings);
    const mmoe = await train(data, trainerOptions(data, settings, { experts }), settings.epochs, early, false);
    const row = {
      seed,
      correlation,
      experts,
      epochs: settings.epochs,
      earlyStopping: settings.earlyStopping,
      epochsRun: {
        shared: shared.multi.epochs,
        mmoe: mmoe.epochs,
        single: shared.single.map((t) => t?.epochs ?? null),
      },
      single: [singleY1, singleY2],
      shared: shared.multi.test.map(pick as never),
      mmoe: mmoe.test.map(pick as never),
    };
    rows.push(row);
    console.log(JSON.stringify(row), `${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
}
mkdirSync('bench/samples/results', { recursive: true });
writeFileSync(`bench/samples/results/correlated-${seeds.join('_')}.json`, JSON.stringify(rows, null, 1));
