/** Saved runs: kept through a reload, compared, reopened and trained on; a full disk says so and loses nothing. */
import { expect, test, type Page } from '@playwright/test';
import { openApp, ui } from './app.ts';

const runsTable = (page: Page) => page.getByRole('table', { name: 'Runs', exact: true });
const runRows = (page: Page) => runsTable(page).locator('tbody tr');

async function trainEpochs(page: Page, epochs: number) {
  const app = ui(page);
  await app.epochs.fill(String(epochs));
  await app.train.click();
  await expect(app.progress).toContainText(/done/i, { timeout: 60_000 });
}

/** The epochs column of each saved run, newest first. */
const savedEpochs = (page: Page) => runRows(page).evaluateAll((rows) => rows.map((r) => r.children[4]?.textContent));

test('runs survive a reload, compare side by side, and a reopened run trains on from its last epoch', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const app = await openApp(page);
  await trainEpochs(page, 2);
  await expect(runRows(page)).toHaveCount(1);
  await expect.poll(() => savedEpochs(page)).toEqual(['2']);
  // A second run, with another learning rate.
  await app.reset.click();
  await page.getByRole('spinbutton', { name: 'Learning rate' }).fill('0.003');
  await trainEpochs(page, 3);
  await expect(runRows(page)).toHaveCount(2);
  await expect.poll(() => savedEpochs(page)).toEqual(['3', '2']);
  const names = await runsTable(page).locator('tbody th').allTextContents();

  await page.reload();
  await openApp(page);
  await expect(runRows(page)).toHaveCount(2);
  expect(await runsTable(page).locator('tbody th').allTextContents()).toEqual(
    names.map((n) => n.replace(' (on the page)', '')),
  );

  // Rename one; compare both: one line per run in each task's chart, and a row each of final metrics.
  const first = runRows(page).nth(1);
  await first.getByRole('button', { name: /^Rename/ }).click();
  await page.getByRole('textbox', { name: /^New name of/ }).fill('slow start');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(runsTable(page)).toContainText('slow start');
  for (const row of await runRows(page).all()) await row.getByRole('checkbox', { name: /^Select run/ }).check();
  await page.getByRole('button', { name: 'Compare runs' }).click();
  const comparison = page.getByRole('figure', { name: 'Run comparison' });
  await expect(comparison.locator('.recharts-line')).toHaveCount(3 * 2);
  await expect(page.getByRole('table', { name: 'Final metrics of the compared runs' }).locator('tbody tr')).toHaveCount(
    2,
  );

  // Reopen the 2-epoch run: its curves are back, and Train goes on from epoch 2.
  await page.getByRole('button', { name: 'Reopen slow start' }).click();
  await expect(app.progress).toContainText('Paused at epoch 2');
  await expect(page.getByRole('figure', { name: 'Metric curves' }).locator('.recharts-line')).not.toHaveCount(0);
  await app.epochs.fill('2');
  await app.train.click();
  await expect(app.progress).toContainText(/done/i, { timeout: 60_000 });
  await expect(app.progress).toContainText('Done: 4 epochs');
  await expect.poll(() => savedEpochs(page)).toContain('4');
  await expect(runRows(page)).toHaveCount(2);
  await expect(runsTable(page)).toContainText('slow start');
});

test('a full disk: an alert, training goes on, and the runs kept before are intact after a reload', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = await openApp(page);
  await trainEpochs(page, 1);
  await expect.poll(() => savedEpochs(page)).toEqual(['1']);
  // Every IndexedDB write from now on fails as a full disk does.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await app.reset.click();
  await trainEpochs(page, 2);
  await expect(page.getByRole('alert')).toContainText('no room left to keep this run');
  await expect(app.progress).toContainText('Done: 2 epochs'); // training went on
  await page.reload();
  await openApp(page);
  await expect.poll(() => savedEpochs(page)).toEqual(['1']);
});

test('the worker crashing mid-run: the app restarts it, says so, and the run goes on from its last saved epoch', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = await openApp(page);
  // TensorFlow.js keeps 40 epochs long enough to crash the worker in the middle of them (the fused engine may finish first).
  await page.getByRole('combobox', { name: 'Training engine' }).selectOption({ label: 'TensorFlow.js' });
  await trainEpochs(page, 2);
  await expect.poll(() => savedEpochs(page)).toEqual(['2']);
  await app.epochs.fill('40');
  await app.train.click(); // training on towards epoch 42…
  await expect.poll(() => savedEpochs(page).then((e) => Number(e[0])), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
  // …when the worker dies (as a crash or a lost GPU leaves it: silent).
  const worker = page.workers().find((w) => w.url().includes('training'));
  expect(worker).toBeDefined();
  await worker?.evaluate(() => self.close()).catch(() => {});
  await expect(page.getByRole('alert')).toContainText('was restarted', { timeout: 20_000 });
  await expect(app.progress).toContainText(/Paused at epoch \d+/, { timeout: 20_000 });
  const resumedAt = Number(/Paused at epoch (\d+)/.exec((await app.progress.textContent()) ?? '')?.[1]);
  expect(resumedAt).toBeGreaterThanOrEqual(4);
  await app.epochs.fill('2');
  await app.train.click();
  await expect(app.progress).toContainText(`Done: ${resumedAt + 2} epochs`, { timeout: 60_000 });
  await expect(runRows(page)).toHaveCount(1); // the same run, kept on
});
