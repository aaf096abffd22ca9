import { expect, test, type Page } from '@playwright/test';
import { chooseBackend, openApp, ui } from './app.ts';

/** Asks the page to fetch a URL; 'failed' when the fetch rejects (no network, nothing cached). */
async function tryFetch(page: Page, url: string): Promise<string> {
  return page.evaluate(
    (u) =>
      fetch(u, { cache: 'no-store' }).then(
        (r) => `${r.status}`,
        () => 'failed',
      ),
    url,
  );
}

test('after the first visit the app reloads and trains offline: page, worker, WASM and samples come from the service worker', async ({
  page,
  context,
}) => {
  await openApp(page);
  const offlineUse = page.getByRole('status', { name: 'Offline use' });
  await expect(offlineUse).toContainText('Works offline', { timeout: 60_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  // Cut the network twice over: the browser is offline and every request that reaches it aborts.
  await context.setOffline(true);
  await context.route('**/*', (route) => route.abort());
  // Really offline: a URL the service worker did not precache cannot be fetched…
  expect(await tryFetch(page, `/not-precached-${Date.now()}.txt`)).toBe('failed');
  // …while a precached one is served from the cache.
  expect(await tryFetch(page, '/datasets/iris.csv')).toBe('200');

  await page.reload();
  const app = ui(page);
  await expect(app.datasetSummary).toContainText('2,922 rows');
  await expect(offlineUse).toContainText('Offline: your data and training stay in this page.');

  // The WASM engine (its .wasm binary from the precache) and a sample fetched by the worker.
  await chooseBackend(page, 'WASM', 'wasm');
  await page.getByRole('combobox', { name: 'Sample dataset' }).selectOption('iris');
  await expect(app.datasetSummary).toContainText('150 rows');
  await app.epochs.fill('30');
  await app.train.click();
  // Iris trains 30 epochs in about a second: the end state is what is certain to be seen.
  await expect(app.progress).toContainText(/Done: 30 epochs, [1-9]\d* steps/, { timeout: 60_000 });
});
