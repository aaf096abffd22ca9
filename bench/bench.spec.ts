/**
 * The benchmark cases (see README "Performance"). Each case writes its figures to bench/tmp/cases;
 * bench/run.mjs prints the table and writes bench/results.json. Timings are never asserted: a case
 * passes when it ran and produced its figures.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from '../e2e/app.ts';
import {
  appEpochs,
  longTasks,
  longTasksBetween,
  observeLongTasks,
  prepareApp,
  ui,
  weightAckMs,
  workerTensors,
} from './appDriver.ts';
import { QUICK, THROUGHPUT_CASES, writeResult } from './cases.ts';
import { makeReferenceData, referenceCsv } from './referenceData.ts';

const TRAIN_FRACTION = 0.7;
const csvCache = new Map<number, Buffer>();
const csvFor = (rows: number) => {
  let csv = csvCache.get(rows);
  if (!csv) csvCache.set(rows, (csv = Buffer.from(referenceCsv(makeReferenceData(rows)))));
  return csv;
};

async function bareFit(page: Page, c: (typeof THROUGHPUT_CASES)[number]) {
  await page.goto('/bench/bare.html');
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  // Same rows per epoch as the app's training split, so the epochs and batches match.
  const rows = Math.round(c.rows * TRAIN_FRACTION);
  const warmupSteps = c.backend === 'webgpu' ? 4 : QUICK ? 2 : Math.ceil(rows / c.batchSize);
  return page.evaluate((o) => (window as unknown as { runFitBench: (o: unknown) => Promise<unknown> }).runFitBench(o), {
    backend: c.backend,
    rows,
    trunkUnits: c.trunkUnits,
    experts: c.experts,
    batchSize: c.batchSize,
    learningRate: 0.001,
    warmupSteps,
    measureSteps: c.bareSteps,
  });
}

for (const c of THROUGHPUT_CASES) {
  test(`throughput: ${c.id} on ${c.backend}`, async ({ browser }) => {
    const result: Record<string, unknown> = { kind: 'throughput', ...c };
    const barePage = await browser.newPage();
    try {
      result.bare = await bareFit(barePage, c);
    } catch (e) {
      result.bare = { error: String(e).slice(0, 300) };
    } finally {
      await barePage.close();
    }
    const page = await browser.newPage();
    try {
      await prepareApp(page, c.backend, csvFor(c.rows), c.rows, c.trunkUnits, c.batchSize, c.appEpochs, c.experts);
      await observeLongTasks(page);
      const startMs = Date.now();
      await ui(page).train.click();
      await expect(ui(page).progress).toContainText('Done', { timeout: 580_000 });
      const epochs = await appEpochs(page);
      const timed = epochs.slice(1); // the first epoch carries warm-up (shader compiles, first allocations)
      const trainRows = Math.round(c.rows * TRAIN_FRACTION);
      const stepsPerEpoch = Math.ceil(trainRows / c.batchSize);
      const seconds = timed.reduce((s, e) => s + e.seconds, 0);
      const tasks = await longTasks(page);
      result.app = {
        epochs,
        stepsPerSecond: (timed.length * stepsPerEpoch) / seconds,
        samplesPerSecond: (timed.length * trainRows) / seconds,
        wallSeconds: (Date.now() - startMs) / 1000,
        longTasks: tasks.length,
      };
    } catch (e) {
      result.app = { error: String(e).slice(0, 300) };
    } finally {
      await page.close();
    }
    writeResult(`throughput-${c.id}-${c.backend}`, result);
    expect(result.app).not.toHaveProperty('error');
  });
}

test('responsiveness: long tasks while training, weight acknowledgement latency (wasm, reference)', async ({
  page,
}) => {
  const rows = 20000;
  await prepareApp(page, 'wasm', csvFor(rows), rows, [128, 128], 256, QUICK ? 3 : 40);
  // Until paused: the fused engine can finish the epochs before the weight changes below are made.
  await page.getByRole('switch', { name: 'Run until paused' }).check();
  await page.evaluate(() => window.scrollTo(0, 0)); // the playground view in sight, as a person has it
  await observeLongTasks(page);
  await ui(page).train.click();
  await expect
    .poll(async () => (await appEpochs(page).catch(() => [])).length, { timeout: 120_000 })
    .toBeGreaterThan(0);
  const watchStart = Date.now();
  const acks: number[] = [];
  for (let i = 0; i < (QUICK ? 2 : 10); i++) {
    acks.push(await weightAckMs(page, 'y_bin', i % 2 ? 1 : 0.5));
    await page.waitForTimeout(QUICK ? 100 : 700);
  }
  const watchedSeconds = (Date.now() - watchStart) / 1000;
  const tasks = await longTasks(page);
  // What each chart cost per redraw while it trained (React's profiler, bench build only).
  const renderCosts = await page.evaluate(
    () => (window as unknown as { __mtlRenderCosts?: Record<string, number[]> }).__mtlRenderCosts ?? {},
  );
  const epochs = await appEpochs(page);
  const msPerStep = ((epochs[epochs.length - 1]?.seconds ?? NaN) * 1000) / Math.ceil((rows * TRAIN_FRACTION) / 256);
  await ui(page).pause.click();
  writeResult('responsiveness', {
    kind: 'responsiveness',
    watchedSeconds,
    longTasks: tasks,
    longTasksPer10s: (tasks.length * 10) / watchedSeconds,
    ackMs: acks,
    msPerStep,
    ackSteps: acks.map((a) => a / msPerStep),
    renderCosts,
  });
});

test('memory: tensors after epoch 1, epoch 10 and Reset (weather, wasm)', async ({ page }) => {
  const app = await openApp(page);
  await page.getByRole('combobox', { name: 'Compute backend' }).selectOption({ label: 'WASM' });
  await expect(app.backendStatus).toContainText('Backend: wasm.');
  await expect(page.getByRole('status', { name: 'Worker memory' })).toBeVisible();
  const baseline = await workerTensors(page);
  await app.epochs.fill('1');
  await app.train.click();
  await expect(app.progress).toContainText('Done');
  const afterEpoch1 = await workerTensors(page);
  await app.epochs.fill('10'); // Epochs is the run's total: Train continues to it
  await app.train.click();
  await expect(app.progress).toContainText('Done: 10 epochs', { timeout: 120_000 }); // slow when the machine is busy
  const afterEpoch10 = await workerTensors(page);
  await app.reset.click();
  await expect(app.progress).toContainText('Not started');
  await expect.poll(() => workerTensors(page)).toBe(baseline);
  const heap = await page.evaluate(
    () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN,
  );
  writeResult('memory', {
    kind: 'memory',
    baseline,
    afterEpoch1,
    afterEpoch10,
    afterReset: await workerTensors(page),
    pageHeapMB: heap / 1e6,
  });
});

test('load: census KDD from file pick to ready-to-train, next to a raw papaparse parse in the same page', async ({
  page,
}) => {
  let csv = gunzipSync(
    readFileSync(fileURLToPath(new URL('../e2e/data/census_income_kdd_test.csv.gz', import.meta.url))),
  );
  if (QUICK) csv = csv.subarray(0, csv.indexOf('\n', 2_000_000) + 1);
  const app = await openApp(page);
  await observeLongTasks(page);
  // The app clears the file input after reading it; keep the picked File for the raw parse.
  await page.evaluate(() =>
    document.addEventListener(
      'change',
      (e) => Object.assign(window, { __picked: (e.target as HTMLInputElement).files?.[0] }),
      true,
    ),
  );
  await page.getByLabel('Upload CSV').setInputFiles({ name: 'census.csv', mimeType: 'text/csv', buffer: csv });
  await expect(app.datasetSummary).toContainText('census.csv', { timeout: 120_000 });
  const window_ = await page.evaluate(() => {
    const m = performance.measure('load', 'mtl:file-picked', 'mtl:dataset-ready');
    const readies = performance.getEntriesByName('mtl:dataset-ready');
    const ready = readies[readies.length - 1] as PerformanceMark;
    return { start: m.startTime, end: m.startTime + m.duration, duration: m.duration, phases: ready.detail as unknown };
  });
  const appMs = window_.duration;
  // Only tasks that start after the pick count: Playwright's injection of the 47 MB file (one task that
  // ends by dispatching the pick's change event) is the harness's work, not the app's.
  const loadLongTasks = await longTasksBetween(page, window_.start, window_.end, true);
  const raw = await page.evaluate(() => {
    const file = (window as unknown as { __picked?: File }).__picked;
    if (!file) throw new Error('no file');
    return (
      window as unknown as { __mtlBench: { rawParse: (f: File) => Promise<{ ms: number; rows: number }> } }
    ).__mtlBench.rawParse(file);
  });
  writeResult('load', {
    kind: 'load',
    bytes: csv.length,
    appMs,
    workerPhases: window_.phases,
    rawPapaparseMs: raw.ms,
    rawRows: raw.rows,
    ratio: appMs / raw.ms,
    longTasksDuringLoad: loadLongTasks,
  });
});

test('cold start and size: navigation to the end of the first epoch on the default sample', async ({ page }) => {
  const requested: { url: string; atMs: number }[] = [];
  const t0 = Date.now();
  page.on('request', (r) => requested.push({ url: r.url(), atMs: Date.now() - t0 }));
  await page.goto('/');
  await ui(page).train.click();
  await page.waitForFunction(() => performance.getEntriesByName('mtl:first-epoch-end').length > 0, undefined, {
    timeout: 60_000,
  });
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      firstEpochEndMs: (performance.getEntriesByName('mtl:first-epoch-end')[0] as PerformanceEntry).startTime,
      loadEventEndMs: nav.loadEventEnd,
      resources: performance.getEntriesByType('resource').map((r) => ({ url: r.name, startMs: r.startTime })),
    };
  });
  // The page's resource timeline misses what the worker fetches (wasm); Playwright sees every request.
  const seen = new Set(timing.resources.map((r) => r.url));
  for (const r of requested)
    if (!seen.has(r.url)) timing.resources.push({ url: r.url, startMs: Number.POSITIVE_INFINITY });
  const backend = (await ui(page).backendStatus.textContent()) ?? '';
  await ui(page).pause.click();
  writeResult('coldstart', { kind: 'coldstart', backend, ...timing });
});

test('weighting strategies: validation metrics after the same epochs, and step cost relative to Equal (weather, wasm)', async ({
  page,
}) => {
  await page.goto('/bench/bare.html');
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const results = await page.evaluate(
    (o) => (window as unknown as { compareStrategies: (o: unknown) => Promise<unknown> }).compareStrategies(o),
    { backend: 'wasm', epochs: QUICK ? 2 : 30, strategies: ['equal', 'uncertainty', 'dwa', 'gradnorm', 'pcgrad'] },
  );
  writeResult('strategies', { kind: 'strategies', epochs: QUICK ? 2 : 30, results });
});
