import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { chooseBackend, openApp, ui } from './app.ts';

const dataDir = fileURLToPath(new URL('./data/', import.meta.url));

test('upload iris.csv, set roles, train: metrics appear; a malformed file then leaves iris loaded and trainable', async ({
  page,
}) => {
  const app = await openApp(page);
  await chooseBackend(page, 'WASM', 'wasm');
  await page.getByLabel('Upload CSV').setInputFiles(`${dataDir}iris.csv`);
  await expect(app.datasetSummary).toContainText('iris.csv: 150 rows, 5 columns, 0 missing cells');
  await expect(page.getByRole('table', { name: 'Data preview' }).getByRole('row')).toHaveCount(21);
  // No target is preset for an uploaded file.
  await expect(page.getByRole('combobox', { name: 'Role of species' })).toHaveValue('input');
  await page.getByRole('combobox', { name: 'Role of species' }).selectOption({ label: 'Multi-class target' });
  await page.getByRole('combobox', { name: 'Role of petal_width' }).selectOption({ label: 'Regression target' });
  await app.epochs.fill('15');
  await app.train.click();
  await expect(app.progress).toContainText('Done', { timeout: 60_000 });
  await expect(app.metrics.getByRole('row')).toHaveCount(3);
  const accuracy = Number(
    await app.metrics
      .getByRole('row', { name: /^species/ })
      .getByRole('cell')
      .nth(2)
      .textContent(),
  );
  expect(accuracy).toBeGreaterThan(0.7);

  // A binary file renamed .csv: an alert says why, and nothing is lost.
  await page.getByLabel('Upload CSV').setInputFiles({
    name: 'photo.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
  });
  await expect(page.getByRole('alert')).toContainText('not text');
  await expect(app.datasetSummary).toContainText('iris.csv: 150 rows');
  await expect(app.metrics.getByRole('row')).toHaveCount(3);
  await app.train.click();
  await expect(app.progress).toContainText('Done: 30 epochs', { timeout: 60_000 });
});

test('bad files each get an alert; header text is shown as text, never markup', async ({ page }) => {
  const app = await openApp(page);
  const cases: [string, string, RegExp][] = [
    ['empty.csv', '', /empty/],
    ['header.csv', 'a,b,c\n', /no data rows/],
    ['one.csv', 'only\n1\n2\n', /only one column/],
  ];
  for (const [name, text, message] of cases) {
    await page.getByLabel('Upload CSV').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(app.datasetSummary).toContainText('2,922 rows');
  }
  await page.getByLabel('Upload CSV').setInputFiles({
    name: 'xss.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      '<img src=x onerror="window.hacked=1">,y\n' +
        Array.from({ length: 30 }, (_, i) => `${i},${i % 3 ? 'a' : 'b'}`).join('\n'),
    ),
  });
  await expect(app.datasetSummary).toContainText('xss.csv');
  await expect(page.getByRole('combobox', { name: 'Role of <img src=x onerror="window.hacked=1">' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);

  // Roles that cannot train: an alert, and Train works once they are fixed.
  await page.getByRole('combobox', { name: 'Role of y' }).selectOption({ label: 'Regression target' });
  await app.train.click();
  await expect(page.getByRole('alert')).toContainText('not numeric');
  await page.getByRole('combobox', { name: 'Role of y' }).selectOption({ label: 'Binary target' });
  await app.train.click();
  await expect(app.progress).toContainText(/Done|Stopped early/, { timeout: 60_000 }); // 30 rows: early stopping may end it
});

test('the 47.6 MB census file loads with progress, can be cancelled, then loads fully', async ({ page }) => {
  test.setTimeout(120_000);
  const buffer = gunzipSync(readFileSync(`${dataDir}census_income_kdd_test.csv.gz`));
  const app = await openApp(page);
  await page.getByLabel('Upload CSV').setInputFiles({ name: 'census.csv', mimeType: 'text/csv', buffer });
  await expect(page.getByRole('progressbar', { name: 'Loading progress' })).toBeVisible();
  // Pressed from inside the page: the parse takes about a second, less than a busy machine's driver round trip.
  await page.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')?.click());
  await expect(page.getByRole('progressbar', { name: 'Loading progress' })).toHaveCount(0);
  await expect(app.datasetSummary).toContainText('2,922 rows');

  await page.getByLabel('Upload CSV').setInputFiles({ name: 'census.csv', mimeType: 'text/csv', buffer });
  await expect(app.datasetSummary).toContainText('census.csv: 99,762 rows, 42 columns', { timeout: 60_000 });
  // Integer-coded categories are recognised; the survey weight is numeric.
  await expect(page.getByRole('combobox', { name: 'Encoding of det_ind_code' })).toHaveValue('categorical');
  await expect(page.getByRole('combobox', { name: 'Encoding of instance_weight' })).toHaveValue('numeric');
  await expect(ui(page).train).toBeEnabled();
});

test('the e-commerce sample trains click, purchase and spend with id embeddings; purchase can be chained to click (ESMM)', async ({
  page,
}) => {
  const app = await openApp(page);
  await chooseBackend(page, 'WASM', 'wasm');
  await page.getByRole('combobox', { name: 'Sample dataset' }).selectOption('ecommerce');
  await expect(app.datasetSummary).toContainText('60,000 rows');
  await expect(page.getByRole('combobox', { name: 'Role of purchased' })).toHaveValue('binary');
  await page.getByRole('combobox', { name: 'Condition of purchased' }).selectOption('clicked');
  await app.epochs.fill('2');
  await app.train.click();
  await expect(app.progress).toContainText(/Done|Stopped early/, { timeout: 120_000 });
  for (const task of ['clicked', 'purchased', 'spend'])
    await expect(app.metrics.getByRole('row', { name: new RegExp(`^${task}`) })).toHaveCount(1);
  await expect(page.getByText(/embedding/i).first()).toBeVisible();
  await expect(page.getByRole('img', { name: /^Network:/ })).toHaveAttribute(
    'aria-label',
    /purchased chained to clicked/,
  );
});

test('a quote that never closes raises an alert with its row, and the rows after it are kept', async ({ page }) => {
  const app = await openApp(page);
  const rows = Array.from({ length: 30 }, (_, i) => (i === 1 ? `${i},"oops,${i % 3}` : `${i},note ${i},${i % 3}`));
  await page.getByLabel('Upload CSV').setInputFiles({
    name: 'quote.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(['id,note,group', ...rows].join('\n')),
  });
  await expect(app.datasetSummary).toContainText('quote.csv: 30 rows, 3 columns');
  await expect(page.getByRole('alert')).toContainText(/Data row 2 opens a quote .* never closes/);
  await expect(page.getByRole('alert')).toContainText('the 28 lines after it');
  await page.locator('details.parse-problems > summary').click();
  await expect(page.getByRole('list', { name: 'Parse problems' })).toContainText('Data row 2 opens a quote');
});

test('a near-numeric column is reported with its odd cells, and read as a number', async ({ page }) => {
  const app = await openApp(page);
  const odd: Record<number, string> = { 3: '-inf', 9: '1e400', 14: '"12,5"' };
  const rows = Array.from({ length: 80 }, (_, i) => `${odd[i] ?? i / 4},${i % 2 ? 'yes' : 'no'}`);
  await page.getByLabel('Upload CSV').setInputFiles({
    name: 'near.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(['x,label', ...rows].join('\n')),
  });
  await expect(app.datasetSummary).toContainText('near.csv: 80 rows, 2 columns, 3 missing cells');
  await expect(app.datasetSummary).toContainText('2 parse problems');
  await page.locator('details.parse-problems > summary', { hasText: '2 parse problems' }).click();
  const list = page.getByRole('list', { name: 'Parse problems' });
  await expect(list).toContainText(
    '"x": 2 cells are infinite or too large for a number (row 4: "-inf", row 10: "1e400")',
  );
  await expect(list).toContainText('"x" is numeric except 1 cell (row 15: "12,5")');
  await expect(page.getByRole('combobox', { name: 'Encoding of x' })).toHaveValue('numeric');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
