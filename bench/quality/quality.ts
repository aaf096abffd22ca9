/**
 * `npm run quality`: trains the network with the settings a person gets (the table's defaults
 * merged with suggestedSettings for the loaded table, as the page does) on every built-in sample
 * and every real table in ../shared/data, three seeds each (Seed = Split seed = 1, 2, 3), and
 * prints per task the test metric next to scikit-learn's per-task linear model and gradient
 * boosting trained on the same split rows (bench/quality/references.py, Debian's python3-sklearn).
 *
 *   npm run quality                     every dataset; writes bench/quality/results.json + README.md
 *   npm run quality -- --quick          iris, 2 epochs, 1 seed; fails unless the table came out
 *   npx tsx bench/quality/quality.ts --only adult,census10k --set 'learningRate=0.002' --tag try1
 *   ... --static                        the table's static defaults only (no suggestedSettings)
 * Anything but the plain full run writes to bench/tmp/quality/<tag>/ only.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { suggestedSettings } from '../../src/core/settings/dataDefaults.ts';
import { defaultSettings, type TrainSettings } from '../../src/core/settings/settingsTable.ts';
import { describeTable, loadTable } from '../../src/worker/loadTable.ts';
import { allDatasets, DUPLICATES, type QualityDataset } from './datasets.ts';
import { splitRowsFor, writeTableCsv } from './exportSplit.ts';
import { buildReport, type DatasetResult } from './report.ts';
import { NetworkHarness, pageColumnSetup, readBytes, useWasmBackend } from './runNetwork.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const sets = args.flatMap((a, i) => (args[i - 1] === '--set' ? [a] : []));

const quick = flag('quick');
const staticDefaults = flag('static');
const seeds = (option('seeds') ?? (quick ? '1' : '1,2,3')).split(',').map(Number);
const only = option('only')?.split(',') ?? (quick ? ['iris'] : null);
// --publish with --report-only: write the committed files from a tag whose datasets were measured in parts.
const canonical =
  (!quick && !staticDefaults && !only && sets.length === 0 && !option('seeds')) ||
  (flag('publish') && flag('report-only'));
const tag = option('tag') ?? (quick ? 'quick' : canonical ? 'full' : 'scratch');
const outDir = `bench/tmp/quality/${tag}`;
const command = `npx tsx bench/quality/quality.ts ${args.join(' ')}`.trim();

/** The settings a person gets for this table, then any --set overrides (key=JSON). */
function settingsFor(info: Parameters<typeof suggestedSettings>[0], roles: QualityDataset['roles']): TrainSettings {
  const settings: TrainSettings = { ...defaultSettings(), ...(staticDefaults ? {} : suggestedSettings(info, roles)) };
  for (const s of sets) {
    const [key, ...rest] = s.split('=');
    (settings as unknown as Record<string, unknown>)[key as string] = JSON.parse(rest.join('='));
  }
  if (quick) settings.epochs = 2;
  return settings;
}

async function measure(ds: QualityDataset): Promise<DatasetResult> {
  const csv = `${outDir}/${ds.id}.csv`;
  // A generated table goes through a CSV, so the session parses exactly what the references read.
  const source = ds.generate ? { kind: 'url' as const, url: csv, name: ds.id } : ds.source;
  if (ds.generate) writeTableCsv(ds.generate(), csv);
  const loaded = await loadTable(source, {
    fetchBytes: async (url) => readBytes(url),
    yieldToEventLoop: async () => {},
    onProgress: () => {},
    signal: new AbortController().signal,
  });
  const info = describeTable(loaded);
  const table = loaded.parsed.table;
  const setup = pageColumnSetup(info.columns, ds.roles, ds.positiveClasses, ds.extras);
  const settings = settingsFor({ rowCount: info.rowCount, columns: info.columns }, setup.roles);
  writeTableCsv(table, csv);
  const harness = new NetworkHarness();
  await harness.load(source);
  const runs = [];
  const splits: Record<number, string> = {};
  for (const seed of seeds) {
    splits[seed] = `${outDir}/${ds.id}-split${seed}.json`;
    writeFileSync(splits[seed], JSON.stringify(splitRowsFor(table, setup, settings, seed)));
    const run = await harness.train(settings, setup, seed);
    const summary = run.test.map((m, k) => `${run.tasks[k]?.name} ${metricOf(run.tasks[k]?.kind, m).toFixed(4)}`);
    console.log(
      `  ${ds.id} seed ${seed}: ${run.finalState} after epoch ${run.epochsTrained}${run.bestEpoch ? ` (best ${run.bestEpoch})` : ''}, ${run.seconds.toFixed(0)} s — ${summary.join(', ')}`,
    );
    runs.push(run);
  }
  const inputs = info.columns
    .filter((c) => setup.roles[c.name] === 'input')
    .map((c) => ({ name: c.name, encoding: c.type === 'categorical' ? 'categorical' : setup.encodings[c.name] }));
  return { id: ds.id, label: ds.label, note: ds.note, rowCount: info.rowCount, csv, splits, inputs, settings, runs };
}

export function metricOf(kind: string | undefined, m: { auc?: number; accuracy?: number; r2?: number }): number {
  return (kind === 'binary' ? m.auc : kind === 'multiclass' ? m.accuracy : m.r2) ?? NaN;
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const backend = await useWasmBackend();
  for (const [shared, sample] of DUPLICATES)
    if (existsSync(shared) && !readFileSync(shared).equals(readFileSync(sample)))
      throw new Error(`${shared} differs from ${sample}: measure it on its own`);
  const datasets = allDatasets().filter((d) => !only || only.includes(d.id));
  if (datasets.length === 0) throw new Error(`No dataset matches --only ${only?.join(',')}`);
  console.log(`quality: ${datasets.map((d) => d.id).join(', ')}; seeds ${seeds.join(', ')}; TF.js ${backend}`);
  // --report-only: the references and the table from this tag's network.json, no training.
  const results: DatasetResult[] = flag('report-only')
    ? JSON.parse(readFileSync(`${outDir}/network.json`, 'utf8')).datasets
    : [];
  for (const ds of flag('report-only') ? [] : datasets) {
    results.push(await measure(ds));
    writeFileSync(`${outDir}/network.json`, JSON.stringify({ datasets: results }, null, 1));
  }
  if (!flag('no-references'))
    execFileSync(
      existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3',
      ['bench/quality/references.py', `${outDir}/network.json`, `${outDir}/references.json`],
      {
        stdio: 'inherit',
      },
    );
  const references = flag('no-references') ? {} : JSON.parse(readFileSync(`${outDir}/references.json`, 'utf8'));
  const report = buildReport(results, references, { command, backend, seeds });
  writeFileSync(`${outDir}/results.json`, JSON.stringify(report.json, null, 1) + '\n');
  writeFileSync(`${outDir}/table.md`, report.markdown + '\n');
  console.log(`\n${report.markdown}\n\n${report.summary}`);
  if (canonical) {
    writeFileSync('bench/quality/results.json', JSON.stringify(report.json, null, 1) + '\n');
    const readme = readFileSync('bench/quality/README.md', 'utf8');
    const [head, rest] = readme.split('<!-- table:start -->');
    const tail = rest?.split('<!-- table:end -->')[1];
    if (head === undefined || tail === undefined) throw new Error('bench/quality/README.md lacks the table markers');
    writeFileSync(
      'bench/quality/README.md',
      `${head}<!-- table:start -->\n\n${report.markdown}\n\n${report.summary}\n\n<!-- table:end -->${tail}`,
    );
    // The repository's format check covers these files too.
    execFileSync('npx', ['prettier', '--write', 'bench/quality/results.json', 'bench/quality/README.md'], {
      stdio: 'inherit',
    });
    console.log('wrote bench/quality/results.json and the table in bench/quality/README.md');
  }
  // The harness ran when every task of every dataset has a finite network figure (and references, unless skipped).
  if (!report.complete) {
    console.error('quality: the table is incomplete (a figure is missing or not finite)');
    process.exit(1);
  }
}

await main().catch((e: unknown) => {
  console.error(`quality: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
