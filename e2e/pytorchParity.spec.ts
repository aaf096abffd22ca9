/**
 * The PyTorch project retraces the browser's run: runs trained in the page (WASM, float32) are
 * exported with `Export PyTorch project` and `Export metrics`, the exported script trains them
 * again on CPU with Debian's PyTorch, and every per-epoch validation metric agrees within 1e-3
 * relative, the first step's losses within 1e-5. The same export trains over two processes (DDP,
 * gloo), started by the script's --nproc and by hand with torchrun's variables; bad input to the
 * script gives a clear message.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { chooseBackend, openApp } from './app.ts';

const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const WEATHER = join(process.cwd(), 'public/datasets/weather.csv');

interface Parity {
  rows: { epoch: number; task: string; metric: string; browser: number; pytorch: number; relative: number }[];
  worst: number;
  countsAgree: boolean;
  firstStep: { relative: number } | null;
  summary: string;
}

async function download(page: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFileSync((await file.path()) as string);
}

/** Both exports of the page's run, the project unzipped into a fresh folder. */
async function exportRun(page: Page): Promise<{ dir: string; metrics: string }> {
  const metrics = (await download(page, 'Export metrics')).toString('utf8');
  const files = unzipSync(new Uint8Array(await download(page, 'Export PyTorch project')));
  const dir = mkdtempSync(join(tmpdir(), 'mtl-pytorch-'));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  expect(readFileSync(join(dir, 'browser-metrics.csv'), 'utf8')).toBe(metrics);
  return { dir, metrics };
}

function train(dir: string, data: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(PYTHON, ['train.py', data, '--device', 'cpu', ...extra], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 300_000,
  });
  return { status: run.status, out: `${run.stdout}\n${run.stderr}` };
}

/** Trains the export on CPU, compares with the browser's metrics, and checks the tolerances. */
function expectParity(dir: string, data: string, label: string): Parity {
  const started = Date.now();
  const run = train(dir, data, ['--out', 'single', '--check', 'browser-metrics.csv']);
  expect(run.status, run.out).toBe(0);
  const parity = JSON.parse(readFileSync(join(dir, 'single', 'parity.json'), 'utf8')) as Parity;
  console.log(`${label}: ${parity.summary} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  expect(parity.countsAgree).toBe(true);
  expect(parity.rows.length).toBeGreaterThan(20);
  const worst = parity.rows.reduce((a, r) => (r.relative > a.relative ? r : a));
  expect(worst.relative, JSON.stringify(worst)).toBeLessThan(1e-3);
  expect(parity.firstStep?.relative ?? Infinity).toBeLessThan(1e-5);
  return parity;
}

async function trainInPage(page: Page, epochs: number) {
  const app = await openApp(page);
  await chooseBackend(page, 'WASM', 'wasm');
  // Off: at the end of a segment the app would put the best epoch's weights back, and a run trained on
  // after that is one the script (which trains straight through) does not retrace.
  await page.getByText('Optimiser and regularisation').click();
  await page.getByRole('checkbox', { name: 'Early stopping' }).uncheck();
  await app.epochs.fill(String(epochs));
  return app;
}

test.describe('the exported PyTorch project retraces the browser run', () => {
  test.setTimeout(300_000);

  test('weather, Adam, 5 epochs: per-epoch parity, DDP over two processes, and bad input', async ({ page }) => {
    const app = await trainInPage(page, 5);
    const started = Date.now();
    await app.train.click();
    await expect(app.progress).toContainText(/done/i, { timeout: 120_000 });
    console.log(`weather / Adam in the browser (WASM): ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const { dir } = await exportRun(page);
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    expect(config.settings).toMatchObject({ optimizer: 'adam', epochs: 5 });
    expect(config.model.trunk.every((l: { dropout: number }) => l.dropout === 0)).toBe(true);
    const single = expectParity(dir, WEATHER, 'weather / Adam');

    // DDP, gloo on CPU: --nproc 2 spawns the processes; then the same by hand with torchrun's variables.
    const ddp = train(dir, WEATHER, ['--out', 'ddp', '--nproc', '2']);
    expect(ddp.status, ddp.out).toBe(0);
    for (const folder of ['single', 'ddp']) {
      const { wallSeconds, processes } = JSON.parse(readFileSync(join(dir, folder, 'summary.json'), 'utf8'));
      console.log(`weather / Adam in PyTorch, ${processes} process(es): ${wallSeconds.toFixed(1)} s of training`);
    }
    const port = String(29500 + Math.floor(Math.random() * 1000));
    const byHand = await Promise.all(
      [0, 1].map(
        (rank) =>
          new Promise<{ code: number | null; out: string }>((resolve) => {
            const child = spawn(PYTHON, ['train.py', WEATHER, '--device', 'cpu', '--out', 'env'], {
              cwd: dir,
              env: { ...process.env, RANK: String(rank), WORLD_SIZE: '2', MASTER_ADDR: '127.0.0.1', MASTER_PORT: port },
            });
            let out = '';
            child.stdout.on('data', (d) => (out += d));
            child.stderr.on('data', (d) => (out += d));
            child.on('close', (code) => resolve({ code, out }));
          }),
      ),
    );
    byHand.forEach((r) => expect(r.code, r.out).toBe(0));
    const final = (folder: string) =>
      readFileSync(join(dir, folder, 'metrics.csv'), 'utf8')
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('5,') && l.includes(',validation,') && !l.includes(',count,'));
    const one = final('single');
    for (const folder of ['ddp', 'env']) {
      const two = final(folder);
      expect(two.length).toBe(one.length);
      // The same global batch split in two: the same steps, up to the order of float32 sums.
      one.forEach((line, i) => {
        const a = Number(line.split(',').at(-1));
        const b = Number((two[i] as string).split(',').at(-1));
        expect(Math.abs(a - b) / Math.max(Math.abs(a), 1e-12), `${folder}: ${line} vs ${two[i]}`).toBeLessThan(1e-4);
      });
    }
    expect(single.worst).toBeLessThan(1e-3);

    // Another file with the same columns (here its first 2,000 rows) trains on a fresh seeded split.
    const part = join(dir, 'part.csv');
    writeFileSync(part, readFileSync(WEATHER, 'utf8').split('\n').slice(0, 2001).join('\n') + '\n');
    const other = train(dir, part, ['--out', 'part', '--epochs', '1']);
    expect(other.status, other.out).toBe(0);
    expect(other.out).toContain('is not the file the run was made on (2000 rows');

    // Bad input: a CSV without a column the run used, a project of another version.
    const lacking = join(dir, 'no-wind.csv');
    writeFileSync(
      lacking,
      readFileSync(WEATHER, 'utf8')
        .split('\n')
        .map((l) => l.split(',').slice(0, 5).concat(l.split(',').slice(6)).join(','))
        .join('\n'),
    );
    const missing = train(dir, lacking, ['--out', 'bad']);
    expect(missing.status).toBe(2);
    expect(missing.out).toContain('lacks the column the run used: wind');
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...config, version: 99 }));
    const version = train(dir, WEATHER, ['--out', 'bad']);
    expect(version.status).toBe(2);
    expect(version.out).toContain('config.json has version 99; this script reads version 1');
    mkdirSync(join(dir, 'empty'));
    const noProject = train(dir, WEATHER, ['--project', join(dir, 'empty')]);
    expect(noProject.status).toBe(2);
    expect(noProject.out).toContain('config.json is missing');
  });

  for (const strategy of ['uncertainty', 'pcgrad'] as const) {
    test(`weather with ${strategy}: per-epoch parity`, async ({ page }) => {
      const app = await trainInPage(page, 5);
      await page.getByRole('combobox', { name: 'Weighting' }).selectOption(strategy);
      await app.train.click();
      await expect(app.progress).toContainText(/done/i, { timeout: 120_000 });
      const { dir } = await exportRun(page);
      expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).settings.weighting.strategy).toBe(strategy);
      // The sample's copy in the zip (weather.csv, known by its own hash), not the app's file.
      expectParity(dir, join(dir, 'weather.csv'), `weather / ${strategy}`);
    });
  }

  test('a weight changed mid-run: the timeline replays it at its step', async ({ page }) => {
    const app = await trainInPage(page, 2);
    await app.train.click();
    await expect(app.progress).toContainText(/done/i, { timeout: 120_000 });
    await page.getByRole('spinbutton', { name: 'Weight of temp_max value' }).fill('0.25');
    await expect(page.getByRole('status', { name: 'Applied weights' })).toContainText('0.25');
    await app.epochs.fill('5');
    await app.train.click();
    await expect(app.progress).toContainText(/done/i, { timeout: 120_000 });
    const { dir } = await exportRun(page);
    const timeline = JSON.parse(readFileSync(join(dir, 'timeline.json'), 'utf8'));
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    const change = timeline.changes.find((c: { weights?: number[] }) => c.weights);
    expect(change.step).toBe(2 * config.stepsPerEpoch);
    expect(change.weights).toContain(0.25);
    expectParity(dir, join(dir, 'weather.csv'), 'weather / weight changed at epoch 2');
  });

  // Two epochs (~660 steps): from the third on this run is chaotic in float32 — the script's own run
  // with its initial weights moved by 1e-7 (`--perturb 1e-7`) drifts as far from itself (1.4e-2 on
  // purchased's loss at epoch 3) as from the browser, so no two engines can agree there to 1e-3.
  test('the e-commerce sample (embeddings): per-epoch parity on its generated table', async ({ page }) => {
    const app = await trainInPage(page, 2);
    await page.getByRole('combobox', { name: 'Sample dataset' }).selectOption('ecommerce');
    await expect(app.datasetSummary).toContainText('rows');
    await app.train.click();
    await expect(app.progress).toContainText(/done/i, { timeout: 180_000 });
    const { dir } = await exportRun(page);
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    expect(config.model.embeddings.length).toBeGreaterThan(0);
    expectParity(dir, join(dir, 'ecommerce.csv'), 'e-commerce / embeddings');
  });
});
