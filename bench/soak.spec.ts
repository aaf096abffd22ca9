/**
 * `npm run bench -- --soak`: an hour of steering (a minute with --quick). The reference model
 * trains on wasm, running until paused, while the script moves a weight every second, switches
 * the weighting strategy every minute and pauses and resumes every five. It records the worker's
 * tensors, the page's heap and steps/s every ten seconds, and the weight acknowledgement latency;
 * run.mjs prints their slopes. Nothing is asserted about the figures: the case passes when it ran.
 */
import { expect, test, type Page } from '@playwright/test';
import { currentStep } from '../e2e/app.ts';
import { prepareApp, ui, weightAckMs, workerTensors } from './appDriver.ts';
import { QUICK, writeResult } from './cases.ts';
import { makeReferenceData, referenceCsv } from './referenceData.ts';

const SECONDS = Number(process.env.SOAK_SECONDS ?? (QUICK ? 60 : 3600));
const ROWS = 20000;
/** A strategy change every minute and a pause every five (scaled down so a one-minute run has both). */
const STRATEGY_EVERY_S = Math.min(60, SECONDS / 6);
const PAUSE_EVERY_S = Math.min(300, SECONDS / 2);
/** Manual and PCGrad use the sliders; the others set the weights themselves (the task is then switched instead). */
const STRATEGIES = ['manual', 'uncertainty', 'manual', 'dwa', 'pcgrad', 'equal', 'manual', 'gradnorm'];

interface Sample {
  seconds: number;
  step: number;
  tensors: number;
  heapMB: number;
}

/**
 * The page's live heap after a full garbage collection (DevTools protocol): what the page keeps,
 * not the sawtooth of garbage not yet collected (usedJSHeapSize swung 40–120 MB in one minute).
 */
async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 1e6;
  } finally {
    await cdp.detach();
  }
}

test('soak: an hour of steering without a leak or a slowdown', async ({ page }) => {
  test.setTimeout((SECONDS + 600) * 1000);
  await prepareApp(page, 'wasm', Buffer.from(referenceCsv(makeReferenceData(ROWS))), ROWS, [128, 128], 256, 10000);
  await page.getByRole('switch', { name: 'Run until paused' }).check();
  const app = ui(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await app.train.click();
  await expect.poll(() => currentStep(page), { timeout: 120_000 }).toBeGreaterThan(0);
  const start = Date.now();
  const elapsed = () => (Date.now() - start) / 1000;
  const samples: Sample[] = [];
  const acks: { ms: number; steps: number }[] = []; // steps: the latency in steps at the steps/s shown then
  let strategy = 'manual';
  let minute = 0;
  let lastPauseAt = 0;
  let lastSampleAt = -Infinity;
  let flip = false;
  while (elapsed() < SECONDS) {
    const t = elapsed();
    if (Math.floor(t / STRATEGY_EVERY_S) > minute) {
      minute = Math.floor(t / STRATEGY_EVERY_S);
      strategy = STRATEGIES[minute % STRATEGIES.length] as string;
      await page.getByRole('combobox', { name: 'Weighting' }).selectOption(strategy);
    }
    if (t - lastPauseAt >= PAUSE_EVERY_S) {
      lastPauseAt = t;
      await app.pause.click();
      await expect(app.progress).toContainText('Paused', { timeout: 30_000 });
      await page.waitForTimeout(2000);
      await app.train.click();
    }
    flip = !flip;
    if (strategy === 'manual' || strategy === 'pcgrad') {
      const ms = await weightAckMs(page, 'y_bin', flip ? 0.5 : 1.5).catch(() => NaN);
      const rate = Number(/([\d,]+) steps\/s/.exec((await app.progress.textContent()) ?? '')?.[1]?.replaceAll(',', ''));
      acks.push({ ms, steps: (ms * rate) / 1000 });
    } else await page.getByRole('switch', { name: 'Train y_cls' }).setChecked(flip);
    if (t - lastSampleAt >= 10) {
      lastSampleAt = t;
      samples.push({
        seconds: t,
        step: await currentStep(page),
        tensors: await workerTensors(page),
        heapMB: await heapMB(page),
      });
    }
    await page.waitForTimeout(Math.max(0, 1000 - (elapsed() - t) * 1000));
  }
  await app.pause.click();
  writeResult('soak', { kind: 'soak', seconds: SECONDS, samples, acks });
});
