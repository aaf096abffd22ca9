import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { chooseBackend, currentStep, openApp } from './app.ts';

const TASKS = ['location', 'weather', 'temp_max'];

test('trains the weather sample on WASM: every task\'s loss falls, metrics fill, no outside request', async ({ page }, testInfo) => {
  const origins = new Set<string>();
  page.context().on('request', (r) => origins.add(new URL(r.url()).origin));
  const app = await openApp(page);
  await chooseBackend(page, 'WASM', 'wasm');
  await app.epochs.fill('4');
  await app.train.click();
  await expect(app.progress).toContainText(/Epoch \d+ \/ 4/);
  await expect(app.progress).toContainText('Done', { timeout: 60_000 });

  // The chart draws one line per task plus the total (recharts renders one path per line).
  await expect(app.lossCurves.locator('.recharts-line')).toHaveCount(TASKS.length + 1);

  // Per-epoch training loss, read from the chart's text alternative.
  await page.getByText('Loss per epoch as a table').click();
  const lossRows = page.getByRole('table', { name: 'Loss per epoch' }).locator('tbody tr');
  await expect(lossRows).toHaveCount(4);
  const cells = async (i: number) => (await lossRows.nth(i).locator('td').allTextContents()).map(Number);
  const first = await cells(0);
  const last = await cells(3);
  for (let k = 1; k <= TASKS.length; k++) {
    expect(last[k], `task ${TASKS[k - 1]}: last-epoch loss below first`).toBeLessThan(first[k] as number);
  }

  // One metrics row per task, with the metric columns of its type filled.
  for (const task of TASKS) await expect(app.metrics.getByRole('row', { name: new RegExp(`^${task}`) })).toHaveCount(1);
  const auc = Number(await app.metrics.getByRole('row', { name: /^location/ }).getByRole('cell').nth(6).textContent());
  expect(auc).toBeGreaterThan(0.6);
  const r2 = Number(await app.metrics.getByRole('row', { name: /^temp_max/ }).getByRole('cell').nth(11).textContent());
  expect(r2).toBeGreaterThan(0.5);

  // Export metrics: a CSV made in the page; its last epoch's validation figures match the table.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export metrics' }).click()]);
  const csv = readFileSync((await download.path()) as string, 'utf8').trim().split('\n');
  expect(csv[0]).toBe('epoch,step,split,task,metric,value');
  const lastAccuracy = csv.filter((l) => l.startsWith('4,') && l.includes(',validation,weather,accuracy,')).at(-1)?.split(',').at(-1);
  const tableAccuracy = await app.metrics.getByRole('row', { name: /^weather/ }).getByRole('cell').nth(2).textContent();
  expect(Number(lastAccuracy).toPrecision(4)).toBe(tableAccuracy);

  // Export model: model.json and weights.bin in the TF.js layers format.
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  await page.getByRole('button', { name: 'Export model' }).click();
  await expect.poll(() => downloads.sort()).toEqual(['model.json', 'weights.bin']);

  // Metric curves: one small chart per task, the metric chosen per task.
  await expect(page.getByRole('figure', { name: 'Metric curves' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Metric of location' }).selectOption('auc');
  await expect(page.getByRole('figure', { name: 'Metric curves' }).locator('.recharts-line')).toHaveCount(2 + 1 + 2);

  // The held-out test split is measured when the run finishes.
  await expect(page.getByRole('table', { name: 'Test metrics' }).locator('tbody tr')).toHaveCount(3);

  // Gradient conflict: a 3 × 3 cosine table with 1 on the diagonal and values in [−1, 1].
  const cosines = page.getByRole('table', { name: 'Gradient cosine similarity' });
  await expect(cosines.locator('tbody tr')).toHaveCount(3);
  const values = (await cosines.locator('td').allTextContents()).map(Number);
  expect(values).toHaveLength(9);
  expect([values[0], values[4], values[8]]).toEqual([1, 1, 1]);
  for (const v of values) expect(Math.abs(v)).toBeLessThanOrEqual(1);

  expect([...origins]).toEqual([new URL(page.url()).origin]);
  await page.screenshot({ path: testInfo.outputPath('trained.png'), fullPage: true });
  await testInfo.attach('trained page', { path: testInfo.outputPath('trained.png'), contentType: 'image/png' });
});

test('a weight set to 0 mid-run is acknowledged within a second; Pause stops within a second and Train resumes', async ({ page }) => {
  const app = await openApp(page);
  await chooseBackend(page, 'WASM', 'wasm');
  await app.epochs.fill('200');
  await app.train.click();
  await expect.poll(() => currentStep(page)).toBeGreaterThan(20);

  await app.weight('weather').fill('0');
  await expect(app.appliedWeights).toContainText('weather 0.00', { timeout: 1_000 });
  const appliedAt = Number(/since step (\d+)/.exec((await app.appliedWeights.textContent()) ?? '')?.[1]);
  expect(appliedAt).toBeGreaterThan(20);

  await app.pause.click();
  await expect(app.progress).toContainText('Paused', { timeout: 1_000 });
  const pausedAt = await currentStep(page);
  await page.waitForTimeout(700);
  expect(await currentStep(page)).toBe(pausedAt);

  await app.step.click();
  await expect.poll(() => currentStep(page)).toBe(pausedAt + 1);

  await app.train.click();
  await expect.poll(() => currentStep(page)).toBeGreaterThan(pausedAt + 5);
  await expect(app.progress).toContainText('Epoch');
  await app.pause.click();
  await expect(app.progress).toContainText('Paused');

  await app.reset.click();
  await expect(app.progress).toContainText('Not started');
  await expect(app.metrics).toHaveCount(0);
});

test('WebGPU chosen explicitly runs a few steps (software adapter: slow shader compiles)', async ({ page }) => {
  test.setTimeout(240_000);
  const app = await openApp(page);
  await chooseBackend(page, 'WebGPU', 'webgpu', 60_000);
  for (let i = 1; i <= 3; i++) {
    await app.step.click();
    await expect.poll(() => currentStep(page), { timeout: 120_000 }).toBe(i);
  }
  await expect(app.appliedWeights).toContainText('location');
});
