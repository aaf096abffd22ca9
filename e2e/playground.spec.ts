/** The one-screen playground: what must be in view while it trains, run until paused, markers, keys, a11y. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { chooseBackend, currentStep, openApp, ui } from './app.ts';

const SAMPLES = [
  { id: 'weather', tasks: ['location', 'weather', 'temp_max'] },
  { id: 'ecommerce', tasks: ['clicked', 'purchased', 'spend'] },
];

async function expectInViewport(page: Page, locator: ReturnType<Page['locator']>, what: string) {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  expect(box, `${what} has a box`).not.toBeNull();
  if (!box || !viewport) return;
  expect(box.x, `${what} left edge`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${what} top edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what} right edge`).toBeLessThanOrEqual(viewport.width + 0.5);
  expect(box.y + box.height, `${what} bottom edge`).toBeLessThanOrEqual(viewport.height + 0.5);
  // Inside the viewport is not enough: a scroll box (the weight rows) can clip it out of sight.
  // What the page shows at its middle, near its top and near its bottom must be the element (read
  // in one go: the live progress line can rewrap, and move everything below it, between two reads).
  const shown = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return [0.5, 0.2, 0.8].map((f) => {
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height * f);
      return hit !== null && (el === hit || el.contains(hit)) ? 'shown' : `under ${hit?.tagName}.${hit?.className}`;
    });
  });
  expect(shown, `${what} is shown, not clipped or covered`).toEqual(['shown', 'shown', 'shown']);
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
  // DWA adds its temperature and a note above the weights: the tallest steering column.
  { width: 1280, height: 720, weighting: 'dwa' },
]) {
  for (const sample of SAMPLES) {
    const under = size.weighting ? ` under ${size.weighting}` : '';
    test(`at ${size.width}×${size.height}, training ${sample.id}${under}: controls, every weight, the curves and the metrics are on screen`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(size);
      const app = await openApp(page);
      await chooseBackend(page, 'WASM', 'wasm');
      if (sample.id !== 'weather') {
        await page.getByRole('combobox', { name: 'Sample dataset' }).selectOption(sample.id);
        await expect(app.datasetSummary).toContainText('E-commerce');
      }
      if (size.weighting) await page.getByRole('combobox', { name: 'Weighting' }).selectOption(size.weighting);
      await app.train.click();
      await expect(page.getByRole('table', { name: 'Live metrics' }).locator('tbody tr')).toHaveCount(
        sample.tasks.length,
        { timeout: 60_000 },
      );
      await expect(app.progress).toContainText('Epoch');
      await page.evaluate(() => window.scrollTo(0, 0));
      await expectInViewport(page, app.train, 'Train');
      await expectInViewport(page, app.pause, 'Pause');
      await expectInViewport(page, app.step, 'Step');
      await expectInViewport(page, app.reset, 'Reset');
      await expectInViewport(page, app.progress, 'Training progress');
      for (const task of sample.tasks) {
        await expectInViewport(page, app.weight(task), `Weight of ${task}`);
        await expectInViewport(page, page.getByRole('spinbutton', { name: `Weight of ${task} value` }), 'typed weight');
        await expectInViewport(page, page.getByRole('switch', { name: `Train ${task}` }), 'switch');
      }
      await expectInViewport(page, app.lossCurves, 'Loss curves');
      await expectInViewport(page, page.getByRole('table', { name: 'Live metrics' }), 'Live metrics');
      await expectInViewport(page, page.getByRole('img', { name: /^Network:/ }), 'the network diagram');
      await app.pause.click();
    });
  }
}

test('a sample runs until paused: still going after 20 s, and Pause stops it within a second', async ({ page }) => {
  test.setTimeout(90_000);
  const app = await openApp(page);
  await chooseBackend(page, 'WASM', 'wasm');
  await expect(page.getByRole('switch', { name: 'Run until paused' })).toBeChecked();
  await app.train.click();
  await expect(app.progress).toContainText('Epoch');
  await page.waitForTimeout(20_000);
  await expect(app.progress).toContainText(/Epoch \d+ \/ ∞ · step/); // running, with no target epoch
  expect(await currentStep(page)).toBeGreaterThan(100);
  // Measured in the page, from the click to the progress line saying Paused (not the test driver's own latency).
  const pauseMs = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const progress = document.querySelector('[aria-label="Training progress"]') as HTMLElement;
        const pause = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Pause') as HTMLElement;
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (!progress.textContent?.includes('Paused')) return;
          observer.disconnect();
          resolve(performance.now() - start);
        });
        observer.observe(progress, { childList: true, subtree: true, characterData: true });
        pause.click();
      }),
  );
  expect(pauseMs).toBeLessThan(1000);
  const pausedAt = await currentStep(page);
  await page.waitForTimeout(500);
  expect(await currentStep(page)).toBe(pausedAt);
  // Typing an epoch count asks for a run of that length instead.
  await app.epochs.fill('2');
  await expect(page.getByRole('switch', { name: 'Run until paused' })).not.toBeChecked();
});

test('a weight change shows as a labelled marker on the loss curves at the step it took effect', async ({ page }) => {
  const app = await openApp(page);
  await chooseBackend(page, 'WASM', 'wasm');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: '30 steps/s' });
  await app.train.click();
  await expect.poll(() => currentStep(page)).toBeGreaterThan(20);
  await page.getByRole('spinbutton', { name: 'Weight of location value' }).fill('0');
  await expect(app.appliedWeights).toContainText('location 0.00');
  const appliedAt = Number(/since step (\d+)/.exec((await app.appliedWeights.textContent()) ?? '')?.[1]);
  const marker = app.lossCurves.locator('.change-mark');
  await expect(marker).toHaveCount(1, { timeout: 5000 });
  await expect(marker).toContainText('location → 0');
  await expect(marker.locator('title')).toHaveText(`Step ${appliedAt}: location → 0`);
  // The learning rate and the strategy are marked too.
  await page.getByRole('spinbutton', { name: 'Learning rate' }).fill('0.002');
  await expect(app.lossCurves.locator('.change-mark.learningRate')).toContainText('Learning rate 0.002');
  await app.pause.click();
});

test('keys: Space trains and pauses, → steps while paused, and neither acts while typing in a field', async ({
  page,
}) => {
  const app = await openApp(page);
  await chooseBackend(page, 'WASM', 'wasm');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Space');
  await expect(app.progress).toContainText('Epoch');
  await page.keyboard.press('Space');
  await expect(app.progress).toContainText('Paused');
  const pausedAt = await currentStep(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => currentStep(page)).toBe(pausedAt + 1);
  // In a field the keys are the field's.
  await page.getByRole('spinbutton', { name: 'Learning rate' }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(300);
  expect(await currentStep(page)).toBe(pausedAt + 1);
  await expect(app.progress).toContainText('Paused');
  // On a slider, → moves the slider, not the run.
  await app.weight('location').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(300);
  expect(await currentStep(page)).toBe(pausedAt + 1);
});

test('focus order: the run controls first, then each task weight, then the panel links', async ({ page }) => {
  await openApp(page);
  const order: string[] = [];
  await page.getByRole('combobox', { name: 'Sample dataset' }).focus();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    order.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.getAttribute('aria-label') ?? el?.textContent?.trim().slice(0, 40) ?? '';
      }),
    );
  }
  const at = (name: string) => order.findIndex((n) => n === name);
  expect(at('Train')).toBeGreaterThanOrEqual(0);
  expect(at('Train')).toBeLessThan(at('Weight of location'));
  expect(at('Weight of location')).toBeLessThan(at('Weight of weather'));
  expect(at('Weight of weather')).toBeLessThan(at('Data and roles'));
});

test('no serious or critical accessibility violation on the playground and on each panel (axe-core)', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = await openApp(page);
  await chooseBackend(page, 'WASM', 'wasm');
  await app.epochs.fill('3');
  await app.train.click();
  await expect(app.progress).toContainText('Done', { timeout: 60_000 });
  for (const include of [
    '.playground',
    '.app-header',
    '#panel-data',
    '#panel-model',
    '#panel-results',
    '#panel-diagnostics',
    '#panel-sharing',
  ]) {
    const results = await new AxeBuilder({ page }).include(include).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
      include,
    ).toEqual([]);
  }
  await expect(ui(page).metrics).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshot at 1366×768 while training (${scheme})`, async ({ page }, info) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1366, height: 768 });
    const app = await openApp(page);
    await chooseBackend(page, 'WASM', 'wasm');
    await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: '30 steps/s' });
    await app.train.click();
    await expect.poll(() => currentStep(page), { timeout: 30_000 }).toBeGreaterThan(60);
    await page.getByRole('spinbutton', { name: 'Weight of weather value' }).fill('0');
    await expect.poll(() => currentStep(page), { timeout: 30_000 }).toBeGreaterThan(150);
    await page.evaluate(() => window.scrollTo(0, 0));
    const path = info.outputPath(`playground-${scheme}.png`);
    await page.screenshot({ path });
    await info.attach(`playground-${scheme}`, { path, contentType: 'image/png' });
    await app.pause.click();
  });
}

test('Copy share link: a fresh page opened on it has the sample and the settings; a hostile link gives an alert and the defaults', async ({
  page,
  context,
}) => {
  const app = await openApp(page);
  await page.getByRole('combobox', { name: 'Sample dataset' }).selectOption('iris');
  await expect(app.datasetSummary).toContainText('150 rows');
  await page.getByRole('spinbutton', { name: 'Learning rate' }).fill('0.02');
  await page.getByRole('textbox', { name: 'Trunk layers' }).fill('16, 8');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByRole('textbox', { name: 'Link to this setup' }).inputValue();
  expect(link).toContain('sample=iris');
  const fresh = await context.newPage();
  await fresh.goto(link);
  await expect(ui(fresh).datasetSummary).toContainText('150 rows');
  await expect(fresh.getByRole('spinbutton', { name: 'Learning rate' })).toHaveValue('0.02');
  await expect(fresh.getByRole('textbox', { name: 'Trunk layers' })).toHaveValue('16, 8');
  await expect(fresh.getByRole('alert')).not.toBeAttached(); // after the load, which would have shown a link problem

  const hostile = await context.newPage();
  await hostile.goto('/#sample=iris&batch=%3Cimg%20src%3Dx%20onerror%3Dwindow.hacked%3D1%3E&trunk=%5B%7B');
  await expect(hostile.getByRole('alert')).toContainText('Batch size must be a number');
  await expect(hostile.getByRole('alert')).toContainText('Trunk in the link is not readable');
  await expect(ui(hostile).datasetSummary).toContainText('150 rows');
  await expect(hostile.getByRole('spinbutton', { name: 'Batch size' })).toHaveValue('16'); // the default, then iris's suggestion
  expect(await hostile.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
  await ui(hostile).epochs.fill('1');
  await ui(hostile).train.click();
  await expect(ui(hostile).progress).toContainText(/Done|Stopped early/, { timeout: 60_000 });
});

test('the task-correlation sample: a Task correlation control regenerates it, and it trains', async ({ page }) => {
  const app = await openApp(page);
  await chooseBackend(page, 'WASM', 'wasm');
  await page.getByRole('combobox', { name: 'Sample dataset' }).selectOption('correlated');
  await expect(app.datasetSummary).toContainText('correlation 0.9');
  await page.getByRole('spinbutton', { name: 'Task correlation' }).fill('-0.5');
  await expect(app.datasetSummary).toContainText('correlation -0.5');
  await expect(app.datasetSummary).toContainText('10,000 rows');
  await app.epochs.fill('1');
  await app.train.click();
  await expect(app.progress).toContainText(/Done|Stopped early/, { timeout: 60_000 });
  await expect(page.getByRole('table', { name: 'Live metrics' }).locator('tbody tr')).toHaveCount(2);
});
