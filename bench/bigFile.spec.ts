/**
 * Big files (`npx vite build --mode bench && npx playwright test -c bench/bench.config.ts bigFile`):
 * a 150 MB CSV (the census rows over and over) loads, and the peak memory of the browser's
 * processes during the load is measured from outside (resident set size of every chromium
 * process, sampled every 200 ms); a 210 MB file is refused with a clear message and the 150 MB
 * table stays. Writes bench/big-file.json.
 */
import { execSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { openApp } from '../e2e/app.ts';

const TMP = fileURLToPath(new URL('./tmp/big/', import.meta.url));

/** Writes the census header, then its rows over and over until the file reaches `bytes`; returns the path and rows. */
async function bigCsv(name: string, bytes: number): Promise<{ path: string; rows: number }> {
  mkdirSync(TMP, { recursive: true });
  const path = `${TMP}${name}`;
  const text = gunzipSync(
    readFileSync(fileURLToPath(new URL('../e2e/data/census_income_kdd_test.csv.gz', import.meta.url))),
  );
  const firstNewline = text.indexOf(10);
  const lines = text
    .subarray(firstNewline + 1)
    .toString('utf8')
    .split('\n')
    .filter(Boolean);
  const out = createWriteStream(path);
  let size = firstNewline + 1;
  let rows = 0;
  out.write(text.subarray(0, firstNewline + 1));
  while (size < bytes) {
    const line = `${lines[rows % lines.length]}\n`;
    out.write(line);
    size += Buffer.byteLength(line);
    rows++;
  }
  await new Promise((resolve) => out.end(resolve));
  return { path, rows };
}

/** Resident memory of every chromium process, in MB. */
function chromiumRssMB(): number {
  const out = execSync('ps -eo rss=,args=', { encoding: 'utf8' });
  return (
    out
      .split('\n')
      .filter((line) => /chromium/.test(line) && !/ps -eo/.test(line))
      .reduce((sum, line) => sum + Number(line.trim().split(/\s+/)[0] ?? 0), 0) / 1024
  );
}

test('big files: 150 MB loads (peak memory), 210 MB is refused and the table stays', async ({ page }) => {
  test.setTimeout(600_000);
  const { path: path150, rows } = await bigCsv('census-150MB.csv', 150e6);
  const { path: path210 } = await bigCsv('census-210MiB.csv', 210 * 1024 * 1024 + 1);
  const app = await openApp(page);
  const baselineMB = chromiumRssMB();
  let peakMB = baselineMB;
  const timer = setInterval(() => (peakMB = Math.max(peakMB, chromiumRssMB())), 200);
  const start = Date.now();
  await page.getByLabel('Upload CSV').setInputFiles(path150);
  const summary = `census-150MB.csv: ${rows.toLocaleString('en')} rows`;
  await expect(app.datasetSummary).toContainText(summary, { timeout: 300_000 });
  const loadSeconds = (Date.now() - start) / 1000;
  clearInterval(timer);
  const afterMB = chromiumRssMB();
  await page.getByLabel('Upload CSV').setInputFiles(path210);
  await expect(page.getByRole('alert')).toContainText('the limit is 200 MB', { timeout: 60_000 });
  await expect(app.datasetSummary).toContainText(summary);
  const result = {
    date: new Date().toISOString().slice(0, 10),
    fileMB: statSync(path150).size / 1e6,
    rows,
    loadSeconds,
    chromiumRssMB: { beforeLoad: baselineMB, peakDuringLoad: peakMB, afterLoad: afterMB },
    refusedFileMB: statSync(path210).size / 1e6,
  };
  writeFileSync(fileURLToPath(new URL('./big-file.json', import.meta.url)), JSON.stringify(result, null, 2));
  console.log(JSON.stringify(result));
});
