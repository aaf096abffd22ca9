import { expect, test } from '@playwright/test';
import { chooseBackend, currentStep, openApp } from './app.ts';

test('a weight change mid-run shows in the weights chart and the applied weights within a step', async ({ page }) => {
  const app = await openApp(page);
  await chooseBackend(page, 'WASM', 'wasm');
  // Until paused: the fused engine trains this network's 200 epochs in seconds.
  await page.getByRole('switch', { name: 'Run until paused' }).check();
  await app.train.click();
  await expect.poll(() => currentStep(page)).toBeGreaterThan(10);
  // The detailed charts below the playground draw while they are in view.
  await page.locator('#panel-results').scrollIntoViewIfNeeded();
  await expect(page.getByRole('figure', { name: 'Weights' }).locator('.recharts-line')).toHaveCount(3);
  await page.getByRole('spinbutton', { name: 'Weight of location value' }).fill('3');
  await expect(app.appliedWeights).toContainText('location 3.00', { timeout: 1_000 });
  await expect(app.weight('location')).toHaveValue('3');
  // Switching a task off: its weight in force is 0.
  await page.getByRole('switch', { name: 'Train weather' }).uncheck();
  await expect(app.appliedWeights).toContainText('weather 0.00', { timeout: 1_000 });
  // The weighted view of the loss chart multiplies each loss by its weight.
  await page.getByLabel('show weighted contributions').check();
  await expect(page.getByRole('figure', { name: 'Loss curves' })).toContainText('weighted contribution');
  await app.pause.click();
});

test('switching to Uncertainty mid-run makes the sliders read-only, and they follow the learned weights', async ({
  page,
}) => {
  const app = await openApp(page);
  await chooseBackend(page, 'WASM', 'wasm');
  // Until paused: Uncertainty runs on the fused engine, which would finish 200 epochs before the poll below.
  await page.getByRole('switch', { name: 'Run until paused' }).check();
  await app.train.click();
  await expect.poll(() => currentStep(page)).toBeGreaterThan(5);
  await page.getByRole('combobox', { name: 'Weighting' }).selectOption('uncertainty');
  await expect(app.weight('temp_max')).toBeDisabled();
  await expect(app.weight('temp_max')).toHaveAttribute('aria-readonly', 'true');
  await expect(app.appliedWeights).toContainText('Weights in use');
  const first = Number(await app.weight('location').inputValue());
  await expect
    .poll(async () => Math.abs(Number(await app.weight('location').inputValue()) - first), { timeout: 20_000 })
    .toBeGreaterThan(0.01);
  await app.pause.click();
});

test('a learning rate of 1e6 diverges: an alert, training stops, and Train works again after lowering it', async ({
  page,
}) => {
  const app = await openApp(page);
  await chooseBackend(page, 'WASM', 'wasm');
  await page.getByRole('spinbutton', { name: 'Learning rate' }).fill('1000000');
  await app.epochs.fill('50');
  await app.train.click();
  await expect(page.getByRole('alert')).toContainText('diverged', { timeout: 30_000 });
  await expect(page.getByRole('alert')).toContainText(/at step \d+/);
  await expect(app.progress).toContainText('Paused');
  await page.getByRole('spinbutton', { name: 'Learning rate' }).fill('0.005');
  await app.epochs.fill('2');
  await app.train.click();
  await expect(app.progress).toContainText(/Done|Stopped early/, { timeout: 30_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the model editor redraws the diagram; changing it during a run asks before discarding the weights', async ({
  page,
}) => {
  const app = await openApp(page);
  await chooseBackend(page, 'WASM', 'wasm');
  const diagram = page.getByRole('img', { name: /Network:/ });
  await expect(diagram).toHaveAttribute('aria-label', /trunk of 2 dense layers \(64, 64 units\)/);
  await page.getByRole('button', { name: 'Add layer' }).click();
  await page.getByRole('spinbutton', { name: 'Units of layer 3' }).fill('16');
  await page.getByRole('combobox', { name: 'Activation of layer 3' }).selectOption('leakyRelu');
  // 3 inputs → 64 → 64 → 16 leaky: 256 + 4,160 + 1,040; heads 17 + 17 + 85 (5 classes) = 5,575
  await expect(diagram).toHaveAttribute(
    'aria-label',
    /trunk of 3 dense layers \(64, 64, 16 units\) → 3 heads; ≈ 5,575 parameters/,
  );
  await app.epochs.fill('1');
  await app.train.click();
  await expect(app.progress).toContainText('Done');
  await expect(diagram).toHaveAttribute('aria-label', /; 5,575 parameters/);
  await expect(page.getByText('5,575 parameters ·')).toBeVisible(); // the worker's own count agrees
  await page.getByRole('button', { name: 'Remove layer 3' }).click();
  const dialog = page.getByRole('dialog', { name: 'Discard the trained weights?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep training' }).click();
  await expect(diagram).toHaveAttribute('aria-label', /3 dense layers/);
  await expect(app.metrics).toBeVisible();
  await page.getByRole('button', { name: 'Remove layer 3' }).click();
  await dialog.getByRole('button', { name: 'Discard and apply' }).click();
  await expect(diagram).toHaveAttribute('aria-label', /2 dense layers/);
  await expect(app.progress).toContainText('Not started');
  // Experts (MMoE): 3 copies of 3 → 64 → 64 = 3 × 4,416; a gate of 3·3+3 = 12 per head; heads 65 + 65 + 325
  await page.getByRole('spinbutton', { name: 'Experts' }).fill('3');
  await expect(diagram).toHaveAttribute(
    'aria-label',
    /3 experts, each 2 dense layers \(64, 64 units\), mixed by one gate per task → 3 heads; ≈ 13,739 parameters/,
  );
  await app.train.click();
  await expect(app.progress).toContainText('Done');
  await expect(page.getByText('13,739 parameters ·')).toBeVisible();
  await expect(app.metrics.getByRole('row')).toHaveCount(4); // header + one row per task
  // Each task's gate spreads its weight over the 3 experts: 3 percentages per row, summing to ~100.
  const usage = page.getByRole('table', { name: 'Gate weights by task' });
  await expect(usage.getByRole('row')).toHaveCount(4);
  for (const row of await usage
    .getByRole('row')
    .all()
    .then((rows) => rows.slice(1))) {
    const shares = (await row.getByRole('cell').allTextContents()).map((t) => Number.parseFloat(t));
    expect(shares).toHaveLength(3);
    expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 100)).toBeLessThanOrEqual(2); // each rounded to 1 %
  }
});

test('early stopping stops by itself and says so', async ({ page }) => {
  const app = await openApp(page);
  await chooseBackend(page, 'WASM', 'wasm');
  await page.getByText('Optimiser and regularisation').click();
  await page.getByRole('checkbox', { name: 'Early stopping' }).check();
  await page.getByRole('spinbutton', { name: 'Patience' }).fill('1');
  await page.getByRole('spinbutton', { name: 'Learning rate' }).fill('0.05');
  await app.epochs.fill('300');
  await app.train.click();
  await expect(app.progress).toContainText('Stopped early', { timeout: 60_000 });
  // The table and the plots then describe the restored best epoch, not the last one.
  const best = /epoch (\d+)\) were restored/.exec((await app.progress.textContent()) ?? '')?.[1];
  expect(best).toBeDefined();
  await expect(
    page.getByRole('heading', { name: `Validation metrics after epoch ${best} (the best epoch` }),
  ).toBeVisible();
  await expect(page.getByRole('figure', { name: 'ROC curve of location' }).locator('figcaption')).toContainText(
    `validation split (epoch ${best})`,
  );
});

test('single-task baselines train in the worker and compare with the multi-task model (Δ per task and Δm)', async ({
  page,
}) => {
  const app = await openApp(page);
  await chooseBackend(page, 'WASM', 'wasm');
  await app.epochs.fill('3');
  await app.train.click();
  await expect(app.progress).toContainText('Done');
  await page.getByRole('button', { name: 'Train single-task baselines' }).click();
  const table = page.getByRole('table', { name: 'Single-task vs multi-task' });
  await expect(table.locator('tbody tr')).toHaveCount(3, { timeout: 60_000 });
  for (const task of ['location', 'temp_max', 'weather'])
    await expect(
      table
        .getByRole('row', { name: new RegExp(`^${task}`) })
        .getByRole('cell')
        .last(),
    ).toHaveText(/^[+-]\d+\.\d %$/);
  await expect(page.getByRole('status', { name: 'Average relative gain', exact: true })).toContainText(
    /Δm \(validation\) = [+-]\d/,
  );
  // The same comparison on the held-out test split, and the curves overlaid per task.
  await expect(page.getByRole('table', { name: 'Test split: single vs multi-task' }).locator('tbody tr')).toHaveCount(
    3,
  );
  await expect(page.getByRole('status', { name: 'Average relative gain on test' })).toContainText(
    /Δm \(test\) = [+-]\d/,
  );
  await expect(page.getByRole('figure', { name: 'Baseline curves' }).locator('.recharts-line')).toHaveCount(6);
});
