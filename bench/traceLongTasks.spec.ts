/** Not part of `npm run bench`: which tasks run over 50 ms while the app trains (Chrome trace → bench/tmp/long-tasks.txt).
 * Run: npx vite build --mode bench && npx playwright test -c bench/bench.config.ts bench/traceLongTasks.spec.ts */
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from '@playwright/test';
import { appEpochs, prepareApp, ui } from './appDriver.ts';
import { makeReferenceData, referenceCsv } from './referenceData.ts';

test('trace long tasks while training', async ({ page, browser }) => {
  await prepareApp(page, 'wasm', Buffer.from(referenceCsv(makeReferenceData(20000))), 20000, [128, 128], 256, 40);
  await ui(page).train.click();
  while ((await appEpochs(page).catch(() => [])).length === 0) await page.waitForTimeout(200);
  await browser.startTracing(page, {
    path: 'bench/tmp/trace.json',
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
  });
  await page.waitForTimeout(6000);
  await browser.stopTracing();
  await ui(page).pause.click();
  const { traceEvents } = JSON.parse(readFileSync('bench/tmp/trace.json', 'utf8')) as {
    traceEvents: { name: string; ph: string; ts: number; dur?: number; tid: number; pid: number }[];
  };
  const tasks = traceEvents.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 50_000);
  const lines = tasks.map((t) => {
    const inner = traceEvents.filter(
      (e) =>
        e.tid === t.tid &&
        e.pid === t.pid &&
        e.ts >= t.ts &&
        e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0) &&
        e.name !== 'RunTask' &&
        (e.dur ?? 0) > 5_000,
    );
    const top = inner
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, 6)
      .map((e) => `${e.name} ${((e.dur ?? 0) / 1000).toFixed(0)}ms`);
    return `${((t.dur ?? 0) / 1000).toFixed(0)} ms (tid ${t.tid}): ${top.join(', ')}`;
  });
  writeFileSync('bench/tmp/long-tasks.txt', lines.join('\n') + '\n');
});
