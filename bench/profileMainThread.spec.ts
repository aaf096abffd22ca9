/**
 * Not part of `npm run bench`: a CPU profile of the page's main thread while the app trains the
 * reference model on wasm, summarised by self time per function, to see what the page spends
 * its time on. Run: npx vite build --mode bench && npx playwright test -c bench/bench.config.ts bench/profileMainThread.spec.ts (writes bench/tmp/main-thread-profile.txt)
 */
import { writeFileSync } from 'node:fs';
import { test } from '@playwright/test';
import { appEpochs, prepareApp, ui } from './appDriver.ts';
import { makeReferenceData, referenceCsv } from './referenceData.ts';

test('profile the main thread while training', async ({ page }) => {
  await prepareApp(page, 'wasm', Buffer.from(referenceCsv(makeReferenceData(20000))), 20000, [128, 128], 256, 40);
  await page.getByRole('switch', { name: 'Run until paused' }).check(); // the fused engine ends 40 epochs within the profile
  await ui(page).train.click();
  while ((await appEpochs(page).catch(() => [])).length === 0) await page.waitForTimeout(200);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.waitForTimeout(8000);
  const { profile } = await cdp.send('Profiler.stop');
  await ui(page).pause.click();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const dt = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
  writeFileSync(
    'bench/tmp/main-thread-profile.txt',
    top.map(([k, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${k}`).join('\n') + '\n',
  );
});
