import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { chooseBackend, currentStep, openApp } from './app.ts';

const TASKS = ['location', 'weather', 'temp_max'];

test("trains the weather sample on WASM: every task's loss falls, metrics fill, no outside request", async ({
  page,
}, testInfo) => {
  const origins = new Set<string>();
  page.context().on('request', (r) => origins.add(new URL(r.url()).origin));
  const app = await openApp(page);
  await chooseBackend(page, 'WASM', 'wasm');
  await app.epochs.fill('4');
  await app.train.click();
  await expect(app.progress).toContainText(/Epoch \d+ \/ 4/);
  await expect(app.progress).toContainText('Done', { timeout: 60_000 });

  // The live chart draws one line per task plus the total.
  await expect(app.lossCurves.locator('path.curve-line')).toHaveCount(TASKS.length + 1);

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
  const auc = Number(
    await app.metrics
      .getByRole('row', { name: /^location/ })
      .getByRole('cell')
      .nth(6)
      .textContent(),
  );
  expect(auc).toBeGreaterThan(0.6);
  const r2 = Number(
    await app.metrics
      .getByRole('row', { name: /^temp_max/ })
      .getByRole('cell')
      .nth(11)
      .textContent(),
  );
  expect(r2).toBeGreaterThan(0.5);

  // Export metrics: a CSV made in the page; its last epoch's validation figures match the table.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export metrics' }).click(),
  ]);
  const csv = readFileSync((await download.path()) as string, 'utf8')
    .trim()
    .split('\n');
  expect(csv[0]).toBe('epoch,step,split,task,metric,value');
  // The table shows the epoch the model holds (with early stopping on, a finished run ends on its best epoch).
  const shownEpoch = /Validation metrics after epoch (\d+)/.exec(
    (await page.getByRole('heading', { name: /^Validation metrics after epoch/ }).textContent()) ?? '',
  )?.[1];
  expect(Number(shownEpoch)).toBeGreaterThanOrEqual(1);
  const lastAccuracy = csv
    .filter((l) => l.startsWith(`${shownEpoch},`) && l.includes(',validation,weather,accuracy,'))
    .at(-1)
    ?.split(',')
    .at(-1);
  const tableAccuracy = await app.metrics
    .getByRole('row', { name: /^weather/ })
    .getByRole('cell')
    .nth(2)
    .textContent();
  expect(Number(lastAccuracy).toPrecision(4)).toBe(tableAccuracy);

  // Export model: one bundle file (e2e/keep.spec.ts imports one and predicts with it).
  const [bundle] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export model' }).click(),
  ]);
  expect(bundle.suggestedFilename()).toMatch(/-model\.json$/);

  // Metric curves: one small chart per task, the metric chosen per task.
  await expect(page.getByRole('figure', { name: 'Metric curves' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Metric of location' }).selectOption('auc');
  await expect(page.getByRole('figure', { name: 'Metric curves' }).locator('.recharts-line')).toHaveCount(2 + 1 + 2);

  // The held-out test split is measured when the run finishes.
  await expect(page.getByRole('table', { name: 'Test metrics' }).locator('tbody tr')).toHaveCount(3);

  // Diagnostic plots, one per task type, each with a text alternative that carries its numbers.
  const roc = page.getByRole('figure', { name: 'ROC curve of location' });
  await expect(roc.locator('.recharts-line')).toHaveCount(1);
  const tableAuc = await app.metrics
    .getByRole('row', { name: /^location/ })
    .getByRole('cell')
    .nth(6)
    .textContent();
  await expect(roc.locator('figcaption')).toContainText(`AUC ${tableAuc}`);
  const thresholdRows = page.getByRole('table', { name: 'Threshold metrics of location' }).locator('tbody tr');
  await expect(thresholdRows).toHaveCount(1);
  const tableAccuracyAtHalf = await app.metrics
    .getByRole('row', { name: /^location/ })
    .getByRole('cell')
    .nth(2)
    .textContent();
  expect(Number(await thresholdRows.first().locator('td').first().textContent()).toFixed(3)).toBe(
    Number(tableAccuracyAtHalf).toFixed(3),
  );
  await page.getByRole('slider', { name: 'Decision threshold of location' }).fill('0.3');
  await expect(thresholdRows).toHaveCount(2);
  await expect(thresholdRows.nth(1).getByRole('rowheader')).toHaveText('0.30');
  const countsAt = async (i: number) =>
    (await thresholdRows.nth(i).locator('td').allTextContents()).slice(4).map(Number);
  const [tpHalf, fpHalf, tnHalf, fnHalf] = await countsAt(0);
  const [tpLow, fpLow, tnLow, fnLow] = await countsAt(1);
  expect((tpLow as number) + (fpLow as number) + (tnLow as number) + (fnLow as number)).toBe(
    (tpHalf as number) + (fpHalf as number) + (tnHalf as number) + (fnHalf as number),
  );
  expect(tpLow as number).toBeGreaterThanOrEqual(tpHalf as number); // a lower threshold calls more rows positive
  expect(fpLow as number).toBeGreaterThanOrEqual(fpHalf as number);

  const confusion = page.getByRole('table', { name: 'Confusion counts of weather' });
  const classes = await confusion.locator('tbody tr').count();
  expect(classes).toBeGreaterThan(2);
  const matrix = await Promise.all(
    Array.from({ length: classes }, async (_, i) =>
      (await confusion.locator('tbody tr').nth(i).locator('td').allTextContents()).map((t) =>
        Number(t.replace(/,/g, '')),
      ),
    ),
  );
  const total = matrix.flat().reduce((a, b) => a + b, 0);
  const diagonal = matrix.reduce((a, row, i) => a + (row[i] as number), 0);
  const tableWeatherAccuracy = await app.metrics
    .getByRole('row', { name: /^weather/ })
    .getByRole('cell')
    .nth(2)
    .textContent();
  expect((diagonal / total).toPrecision(4)).toBe(tableWeatherAccuracy);
  await expect(page.getByRole('table', { name: 'Per-class metrics of weather' }).locator('tbody tr')).toHaveCount(
    classes,
  );

  const scatter = page.getByRole('figure', { name: 'Predicted vs actual of temp_max' });
  expect(await scatter.locator('.recharts-scatter-symbol').count()).toBeGreaterThan(50);
  expect(
    await page.getByRole('figure', { name: 'Residuals of temp_max' }).locator('.recharts-bar-rectangle').count(),
  ).toBeGreaterThan(5);

  await page.getByRole('combobox', { name: 'Diagnostics split' }).selectOption('test');
  await expect(roc.locator('figcaption')).toContainText('test split');

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

test('a weight set to 0 mid-run is acknowledged within a second; Pause stops within a second and Train resumes', async ({
  page,
}) => {
  const app = await openApp(page);
  await chooseBackend(page, 'WASM', 'wasm');
  // Until paused: the fused engine trains this network's 200 epochs in seconds.
  await page.getByRole('switch', { name: 'Run until paused' }).check();
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
  await app.backendChoice.selectOption({ label: 'WebGPU' });
  // Where the browser has no WebGPU adapter the app falls back and says why; the test takes what it got.
  await expect(app.backendStatus).toContainText(/Backend: \w+\. (Chosen: webgpu|webgpu failed to start here)/, {
    timeout: 60_000,
  });
  const got = /Backend: (\w+)\./.exec((await app.backendStatus.textContent()) ?? '')?.[1] ?? '?';
  test.info().annotations.push({ type: 'backend', description: `WebGPU was chosen; the backend in use is ${got}` });
  console.log(`WebGPU e2e: the backend in use is ${got}`);
  if (got !== 'webgpu') await expect(app.backendStatus).toContainText('fell back');
  for (let i = 1; i <= 3; i++) {
    await app.step.click();
    await expect.poll(() => currentStep(page), { timeout: 120_000 }).toBe(i);
  }
  await expect(app.appliedWeights).toContainText('location');
});

test('Validation % and Test % set the split; with no test rows the test evaluation is off', async ({ page }) => {
  const app = await openApp(page);
  await chooseBackend(page, 'WASM', 'wasm');
  await page.getByRole('spinbutton', { name: 'Validation %' }).fill('10');
  await page.getByRole('spinbutton', { name: 'Test %' }).fill('20');
  await app.epochs.fill('1');
  await app.train.click();
  await expect(app.progress).toContainText('Done', { timeout: 60_000 });
  const rows = async () =>
    (
      /split (\d+)\/(\d+)\/(\d+) rows/.exec((await page.getByText(/split \d+\/\d+\/\d+ rows/).textContent()) ?? '') ??
      []
    )
      .slice(1)
      .map(Number);
  const [train, val, test] = await rows();
  expect((train as number) + (val as number) + (test as number)).toBe(2922);
  expect(Math.abs((test as number) - 584)).toBeLessThanOrEqual(2); // 20 % of 2,922, rounded per stratum
  expect(Math.abs((val as number) - 292)).toBeLessThanOrEqual(2);
  await expect(page.getByRole('table', { name: 'Test metrics' }).locator('tbody tr')).toHaveCount(3);

  // Changing the split defines a new run: confirm, then train without a test split.
  await page.getByRole('spinbutton', { name: 'Test %' }).fill('0');
  await page.getByRole('button', { name: 'Discard and apply' }).click();
  await app.train.click();
  await expect(app.progress).toContainText('Done', { timeout: 60_000 });
  expect((await rows())[2]).toBe(0);
  await expect(page.getByRole('button', { name: 'Evaluate test split' })).toBeDisabled();
});

test("the worker's tensor count after Reset equals its count before the run", async ({ page }) => {
  const app = await openApp(page);
  await chooseBackend(page, 'WASM', 'wasm');
  const memory = page.getByRole('status', { name: 'Worker memory' });
  const tensors = async () =>
    Number(/holds ([\d,]+) tensors/.exec((await memory.textContent()) ?? '')?.[1]?.replaceAll(',', ''));
  await expect(memory).toContainText('tensors');
  const before = await tensors();
  expect(before).toBeGreaterThanOrEqual(0);
  await app.epochs.fill('2');
  await app.train.click();
  await expect(app.progress).toContainText('Done', { timeout: 60_000 });
  await expect.poll(tensors).toBeGreaterThan(before); // the model, its optimisers and the data are held
  await app.reset.click();
  await expect(app.progress).toContainText('Not started');
  await expect.poll(tensors).toBe(before);
});
