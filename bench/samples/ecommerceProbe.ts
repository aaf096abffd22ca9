/** Quick look: npx tsx bench/samples/ecommerceProbe.ts [epochs] [ignoreIds] */
import { generateEcommerceTable } from '../../src/core/data/ecommerceSample.ts';
import { prepareDataset } from '../../src/core/data/prepareDataset.ts';
import { defaultSettings } from '../../src/core/settings/settingsTable.ts';
import { SAMPLE_DATASETS } from '../../src/core/data/sampleDatasets.ts';
import { appColumnSettings, setupBackend, train, trainerOptions } from './harness.ts';

await setupBackend();
const epochs = Number(process.argv[2] ?? 5);
const sample = SAMPLE_DATASETS.find((d) => d.id === 'ecommerce')!;
const roles = { ...sample.roles };
if (process.argv[3] === '1') Object.assign(roles, { user_id: 'ignore', item_id: 'ignore' });
const s = defaultSettings();
const env = (k: string) => (process.env[k] ? Number(process.env[k]) : undefined);
const table = generateEcommerceTable(2024, { users: env('USERS'), items: env('ITEMS'), rows: env('ROWS') });
const data = prepareDataset(table, appColumnSettings(table, { ...sample, roles }), {
  seed: s.splitSeed,
  embeddingDim: s.embeddingDim,
});
console.log(
  data.tasks.map((t) => t.name),
  data.embeddings,
  data.inputSize,
  data.train.rows,
);
const t0 = Date.now();
const r = await train(data, trainerOptions(data, s), epochs, { enabled: false, patience: 5, monitor: 'total' }, false);
console.log('seconds', (Date.now() - t0) / 1000);
for (const h of r.history)
  console.log(
    h.epoch,
    h.trainLoss.map((v) => v.toFixed(4)).join(' '),
    '| val',
    h.valLoss.map((v) => v.toFixed(4)).join(' '),
  );
console.log(r.test.map((m) => ({ auc: m.auc, r2: m.r2, count: m.count })));
