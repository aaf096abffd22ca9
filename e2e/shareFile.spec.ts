/** Share links of an uploaded file name it (never its rows) and check the file uploaded against it; broken links give the defaults. */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openApp, ui } from './app.ts';

const IRIS = 'e2e/data/iris.csv';

test('a link made with an uploaded file asks for that file, and says whether the one uploaded is it', async ({
  page,
  context,
}) => {
  const app = await openApp(page);
  await page.getByLabel('Upload CSV').setInputFiles(IRIS);
  await expect(app.datasetSummary).toContainText('iris.csv: 150 rows');
  await page.getByRole('spinbutton', { name: 'Learning rate' }).fill('0.02');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByRole('textbox', { name: 'Link to this setup' }).inputValue();
  expect(link).toMatch(/data=file&file=iris\.csv&rows=150&sha=[0-9a-f]{16}/);
  expect(link).not.toContain('setosa'); // no cell of the file

  const same = await context.newPage();
  await same.goto(link);
  await expect(same.getByRole('alert')).toContainText('made with the file “iris.csv” (150 rows)');
  await expect(same.getByRole('spinbutton', { name: 'Learning rate' })).toHaveValue('0.02');
  await same.getByLabel('Upload CSV').setInputFiles(IRIS);
  await expect(same.getByRole('alert')).toContainText('This is the file the link was made with');

  const other = await context.newPage();
  await other.goto(link);
  const lines = readFileSync(IRIS, 'utf8').trim().split('\n');
  const changed = Buffer.from(
    [...lines.slice(0, 50), lines[50]?.replace(/^\d+\.\d/, '9.9'), ...lines.slice(51)].join('\n'),
  );
  await other.getByLabel('Upload CSV').setInputFiles({ name: 'iris.csv', mimeType: 'text/csv', buffer: changed });
  await expect(other.getByRole('alert')).toContainText(
    'This is not the file the link was made with (“iris.csv”, 150 rows)',
  );
  await expect(other.getByRole('spinbutton', { name: 'Learning rate' })).toHaveValue('0.02'); // its settings stay
});

test('garbage, huge and markup links: a clear alert, the defaults, nothing run', async ({ page }) => {
  for (const hash of [
    '#sample=%E0%A4%A&lr', // a cut-off escape
    '#utm_source=mail&x=%00', // a foreign link: nothing this app reads
    `#${'sample=iris&'.repeat(10_000)}`, // too long to be a setup
    '#data=file&file=%3Cimg%20src%3Dx%20onerror%3Dwindow.hacked%3D1%3E&rows=3&sha=0123456789abcdef',
  ]) {
    await page.goto(`/${hash}`);
    await expect(ui(page).datasetSummary).toContainText(/rows/);
    await expect(page.getByRole('alert')).toContainText(/The link/);
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
    await page.goto('about:blank');
  }
  await openApp(page); // the app still opens plainly
});
