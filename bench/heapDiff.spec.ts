/**
 * `npx playwright test -c bench/bench.config.ts bench/heapDiff.spec.ts` (after `npx vite build
 * --mode bench`): the soak's steering for HEAP_DIFF_SECONDS (default 300) after a first minute,
 * with a heap snapshot (after a forced collection) at each end, and the difference printed by
 * bench/heapSnapshotDiff.mjs. It answers "what does the page keep?" when the soak's heap slope
 * is not flat.
 */
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { currentStep } from '../e2e/app.ts';
import { prepareApp, ui, weightAckMs } from './appDriver.ts';
import { formatHeapDiff, heapDiff } from './heapSnapshotDiff.ts';
import { makeReferenceData, referenceCsv } from './referenceData.ts';

const WARM_UP_S = 60;
const SECONDS = Number(process.env.HEAP_DIFF_SECONDS ?? 300);
const DIR = 'bench/tmp/heap';

async function snapshot(page: Page, path: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  await writeFile(path, chunks.join(''));
}

test('heap diff: what the page keeps over minutes of steering', async ({ page }) => {
  test.setTimeout((WARM_UP_S + SECONDS + 600) * 1000);
  mkdirSync(DIR, { recursive: true });
  await prepareApp(page, 'wasm', Buffer.from(referenceCsv(makeReferenceData(20000))), 20000, [128, 128], 256, 10000);
  await page.getByRole('switch', { name: 'Run until paused' }).check();
  const app = ui(page);
  await app.train.click();
  await expect.poll(() => currentStep(page), { timeout: 120_000 }).toBeGreaterThan(0);
  const start = Date.now();
  const elapsed = () => (Date.now() - start) / 1000;
  let flip = false;
  let first: string | null = null;
  while (elapsed() < WARM_UP_S + SECONDS) {
    if (!first && elapsed() >= WARM_UP_S) {
      first = `${DIR}/a.heapsnapshot`;
      await snapshot(page, first);
    }
    flip = !flip;
    await weightAckMs(page, 'y_bin', flip ? 0.5 : 1.5).catch(() => NaN);
    await page.waitForTimeout(1000);
  }
  const second = `${DIR}/b.heapsnapshot`;
  await snapshot(page, second);
  await app.pause.click();
  console.log(`${(await app.progress.textContent()) ?? ''}\n${formatHeapDiff(heapDiff(first as string, second))}`);
});
