/** The model bundle and predictions: a bundle imported into a fresh page, and Node, predict what the trained page predicts. */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { chooseBackend, openApp } from './app.ts';

const WEATHER = 'public/datasets/weather.csv';
const rowsOf = (csv: string) => Papa.parse<string[]>(csv.trim()).data;

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFileSync((await file.path()) as string, 'utf8');
}

async function predict(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByLabel('Predict CSV').setInputFiles(file);
}

/** Every cell equal, numbers within `tolerance`. The loop collects and asserts once: an expect per cell would take minutes. */
function expectSamePredictions(a: string[][], b: string[][], tolerance: number) {
  expect(b.length).toBe(a.length);
  expect(b[0]).toEqual(a[0]);
  let compared = 0;
  let worst = { difference: 0, where: '' };
  const textMismatches: string[] = [];
  a.slice(1).forEach((row, i) =>
    row.forEach((cell, c) => {
      const other = b[i + 1]?.[c] ?? '';
      const where = `row ${i + 1}, ${a[0]?.[c]}`;
      if (cell !== '' && Number.isFinite(Number(cell))) {
        const difference = Math.abs(Number(cell) - Number(other));
        if (!(difference <= worst.difference)) worst = { difference, where };
        compared++;
      } else if (other !== cell) textMismatches.push(`${where}: ${cell} ≠ ${other}`);
    }),
  );
  expect(textMismatches).toEqual([]);
  expect(worst.difference, worst.where).toBeLessThan(tolerance);
  expect(compared).toBeGreaterThan(1000);
}

test('a bundle imported into a fresh page, and read by plain Node, predicts what the trained model predicts', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const app = await openApp(page);
  // The WASM engine in both pages and in Node: the same float32 arithmetic everywhere.
  await chooseBackend(page, 'WASM', 'wasm');
  // date as an input: an embedding (one category per day), so the bundle carries a vocabulary too.
  await page.getByRole('combobox', { name: 'Role of date' }).selectOption({ label: 'Input' });
  await app.epochs.fill('3');
  await app.train.click();
  await expect(app.progress).toContainText(/done/i, { timeout: 90_000 });

  await expect(page.getByRole('status', { name: 'Model in use' })).toContainText('the run trained here');
  await predict(page, WEATHER);
  const preview = page.getByRole('table', { name: 'Predictions' });
  await expect(preview.locator('tbody tr')).toHaveCount(10);
  await expect(page.getByRole('status', { name: 'Prediction summary' })).toContainText('Predicted 2,922 rows');
  // The targets in the file are not inputs: listed as ignored.
  await expect(page.getByRole('status', { name: 'Prediction summary' })).toContainText(
    'ignored: location, temp_max, weather',
  );
  const inPage = rowsOf(await download(page, 'Download predictions'));
  expect(inPage[0]).toEqual([
    'row',
    'location',
    'location_p',
    'temp_max',
    'weather',
    ...['drizzle', 'fog', 'rain', 'snow', 'sun'].map((c) => `weather_p_${c}`),
  ]);
  expect(inPage).toHaveLength(2923);
  // Binary class and probability agree; the regression is in °C (the file's temp_max is −1.6 … 35.6).
  for (const row of inPage.slice(1, 200)) {
    expect(row[1]).toBe(Number(row[2]) >= 0.5 ? 'Seattle' : 'New York');
    expect(Number(row[3])).toBeGreaterThan(-15);
    expect(Number(row[3])).toBeLessThan(45);
  }
  const bundle = await download(page, 'Export model');
  const dir = tmpdir();
  const bundlePath = join(dir, `bundle-${process.pid}.json`);
  writeFileSync(bundlePath, bundle);

  // A fresh page (its own storage): import the bundle, predict the same file.
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await openApp(fresh);
  await chooseBackend(fresh, 'WASM', 'wasm');
  await fresh.getByLabel('Import model').setInputFiles(bundlePath);
  await expect(fresh.getByRole('status', { name: 'Model in use' })).toContainText('imported (trained on');
  await predict(fresh, WEATHER);
  await expect(fresh.getByRole('status', { name: 'Prediction summary' })).toContainText('Predicted 2,922 rows');
  expectSamePredictions(inPage, rowsOf(await download(fresh, 'Download predictions')), 1e-6);

  // Outside the app: Node and TF.js with the bundle alone (examples/predict-with-bundle.mjs).
  const node = execFileSync('node', ['examples/predict-with-bundle.mjs', bundlePath, WEATHER, '--backend', 'wasm'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  expectSamePredictions(inPage, rowsOf(node), 1e-6);

  // A file without some input columns: an alert names them; the predictions shown stay.
  const csv = (text: string) => ({ name: 'new.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await predict(fresh, csv('date,wind,colour\n2016-01-01,3.1,red\n2016-01-02,2.0,blue\n'));
  await expect(fresh.getByRole('alert')).toContainText(
    'lacks 2 input columns the model needs: precipitation, temp_min',
  );
  await expect(fresh.getByRole('table', { name: 'Predictions' }).locator('tbody tr')).toHaveCount(10);
  // Unseen categories (days after the training data) go to "other"; extra columns are listed.
  await predict(
    fresh,
    csv('date,precipitation,temp_min,wind,colour\n2016-01-01,0,3,3.1,red\n2012-01-02,5,2,2.0,blue\n'),
  );
  const summary = fresh.getByRole('status', { name: 'Prediction summary' });
  await expect(summary).toContainText('Predicted 2 rows of new.csv');
  await expect(summary).toContainText('Columns the model does not use, ignored: colour');
  await expect(summary).toContainText(/date: 1 row has a category training never saw|date: 2 rows have/);
  await expect(fresh.getByRole('table', { name: 'Predictions' }).locator('tbody tr')).toHaveCount(2);

  // Not a bundle: a clear alert, and the imported model stays in use.
  await fresh.getByLabel('Import model').setInputFiles(csv('<img src=x onerror="window.hacked=1">'));
  await expect(fresh.getByRole('alert')).toContainText('not a model bundle');
  expect(await fresh.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
  await expect(fresh.getByRole('status', { name: 'Model in use' })).toContainText('imported');
  await context.close();
});
