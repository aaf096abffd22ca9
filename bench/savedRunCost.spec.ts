/**
 * What keeping runs costs on real data: the census file (99,762 rows; income_50k and marital_stat,
 * the acceptance run's network), three epochs on WASM with every epoch saved to IndexedDB; then a
 * reload, the file again, and `Reopen` timed until the run is back and ready to train on.
 *   npx vite build --mode bench && npx playwright test -c bench/bench.config.ts savedRunCost
 * Prints the figures and writes bench/saved-run-cost.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { chooseBackend, openApp } from '../e2e/app.ts';

const EPOCHS = 3;
/** The census acceptance run's batch size and trunk (bench/censusAcceptance.spec.ts; importing a spec would run its test too). */
const CENSUS_SETTINGS = { batchSize: '256', trunk: '128, 64' };
const census = () =>
  gunzipSync(readFileSync(fileURLToPath(new URL('../e2e/data/census_income_kdd_test.csv.gz', import.meta.url))));

async function uploadCensus(page: Page) {
  await page.getByLabel('Upload CSV').setInputFiles({ name: 'census.csv', mimeType: 'text/csv', buffer: census() });
  await expect(page.getByRole('status', { name: 'Dataset summary' })).toContainText('census.csv: 99,762 rows', {
    timeout: 120_000,
  });
}

test('saving each epoch of a census run, and reopening it', async ({ page }) => {
  test.setTimeout(1_200_000);
  const app = await openApp(page);
  await chooseBackend(page, 'WASM', 'wasm');
  await uploadCensus(page);
  const roles = page.getByRole('combobox', { name: /^Role of / });
  for (let i = 0; i < (await roles.count()); i++) {
    const select = roles.nth(i);
    const column = ((await select.getAttribute('aria-label')) ?? '').replace(/^Role of /, '');
    const role = { income_50k: 'Binary target', marital_stat: 'Multi-class target' }[column];
    await select.selectOption({
      label: role ?? (['instance_weight', 'education'].includes(column) ? 'Ignore' : 'Input'),
    });
  }
  await page.getByRole('spinbutton', { name: 'Batch size' }).fill(CENSUS_SETTINGS.batchSize);
  await page.getByRole('textbox', { name: 'Trunk layers' }).fill(CENSUS_SETTINGS.trunk);
  await app.epochs.fill(String(EPOCHS));
  await app.train.click();
  await expect(app.progress).toContainText(`Done: ${EPOCHS} epochs`, { timeout: 900_000 });
  const runs = page.getByRole('table', { name: 'Runs', exact: true }).locator('tbody tr');
  await expect(runs).toHaveCount(1);
  await expect(runs.first()).toContainText(String(EPOCHS));
  const saves = await page.evaluate(() =>
    performance.getEntriesByName('mtl:run-saved').map((e) => ({
      ms: e.duration,
      ...((e as PerformanceMeasure).detail as { epoch: number; weightBytes: number; stateBytes: number }),
    })),
  );
  const storedBytes = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  const parameters = await page.evaluate(() => document.body.innerText.match(/([\d,]+) parameters/)?.[1] ?? '');

  await page.reload();
  await openApp(page);
  await chooseBackend(page, 'WASM', 'wasm');
  await uploadCensus(page);
  const started = Date.now();
  await page.getByRole('button', { name: /^Reopen / }).click();
  await expect(app.progress).toContainText(`Paused at epoch ${EPOCHS}`, { timeout: 120_000 });
  const reopenMs = Date.now() - started;
  await expect(page.getByRole('figure', { name: 'Metric curves' }).locator('.recharts-line')).not.toHaveCount(0);

  const result = {
    dataset: 'census-income KDD test file, 99,762 rows × 42 columns',
    backend: 'wasm',
    parameters,
    saves,
    saveMsMedian: [...saves.map((s) => s.ms)].sort((a, b) => a - b)[Math.floor(saves.length / 2)],
    weightBytesPerSave: saves[0]?.weightBytes,
    optimiserStateBytesPerSave: saves[0]?.stateBytes,
    storageUsageBytes: storedBytes,
    reopenMs,
  };
  console.log(JSON.stringify(result, null, 2));
  writeFileSync(fileURLToPath(new URL('saved-run-cost.json', import.meta.url)), JSON.stringify(result, null, 2) + '\n');
  expect(saves).toHaveLength(EPOCHS);
});
