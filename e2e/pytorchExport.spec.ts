/** Export PyTorch project: one zip with the template, the run's JSON files and the run's Export metrics. */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { openApp } from './app.ts';

async function download(page: Page, button: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path()) as string) };
}

test('Export PyTorch project zips the template, the run and its metrics', async ({ page }) => {
  const app = await openApp(page);
  await app.epochs.fill('1');
  await app.train.click();
  await expect(app.progress).toContainText(/done/i, { timeout: 60_000 });

  const metrics = (await download(page, 'Export metrics')).bytes.toString('utf8');
  const zip = await download(page, 'Export PyTorch project');
  expect(zip.name).toMatch(/-pytorch\.zip$/);
  const files = unzipSync(new Uint8Array(zip.bytes));
  const names = Object.keys(files);
  expect(names).toEqual(
    expect.arrayContaining([
      'config.json',
      'preprocess.json',
      'split.json',
      'initial-weights.json',
      'timeline.json',
      'browser-metrics.csv',
      'data.py',
    ]),
  );
  const text = (name: string) => strFromU8(files[name] as Uint8Array);
  expect(text('browser-metrics.csv')).toBe(metrics);
  const config = JSON.parse(text('config.json'));
  expect(config).toMatchObject({
    format: 'mtl-playground-pytorch',
    version: 1,
    dataset: { rows: 2922, sample: 'weather' },
    exportedAt: { epoch: 1 },
  });
  expect(config.dataset.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(config.firstStep.losses).toHaveLength(3);
  const split = JSON.parse(text('split.json'));
  expect(split.train.length + split.val.length + split.test.length).toBe(2922);
  const preprocess = JSON.parse(text('preprocess.json'));
  expect(preprocess.columnTypes).toMatchObject({ location: 'text', temp_max: 'numeric' });
  expect(preprocess.csv).toEqual({ delimiter: ',', decimalComma: false });
  expect(JSON.parse(text('initial-weights.json')).weights[0].name).toMatch(/\/(kernel|embeddings)$/);
});
