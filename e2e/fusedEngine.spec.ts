/**
 * The fused engines in the app: Auto says which engine trains and why, and on each backend the
 * fused engine's first step gives TF.js's losses (read from the run's PyTorch project, which
 * carries the first step's losses as read back).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { chooseBackend, currentStep, openApp, ui } from './app.ts';

const engineChoice = (page: Page) => page.getByRole('combobox', { name: 'Training engine' });

/** The first step's losses, total and weights of the current run, as its PyTorch project records them. */
async function firstStep(page: Page): Promise<{ losses: number[]; total: number; weights: number[] }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export PyTorch project' }).click(),
  ]);
  const files = unzipSync(new Uint8Array(readFileSync((await file.path()) as string)));
  return JSON.parse(strFromU8(files['config.json'] as Uint8Array)).firstStep;
}

/** Resets, picks an engine, takes one step with the Step button and waits for it. */
async function oneStepWith(page: Page, engine: 'Fused (WASM SIMD / WebGPU)' | 'TensorFlow.js', says: RegExp) {
  const app = ui(page);
  if (await app.reset.isEnabled()) await app.reset.click();
  await engineChoice(page).selectOption({ label: engine });
  await app.step.click();
  // TF.js on SwiftShader compiles its shaders on the first step: minutes, not seconds.
  await expect.poll(() => currentStep(page), { timeout: 180_000 }).toBe(1);
  await expect(app.backendStatus).toContainText(says, { timeout: 30_000 });
  return firstStep(page);
}

function expectClose(a: number[], b: number[], rtol: number) {
  expect(a).toHaveLength(b.length);
  a.forEach((v, i) => {
    const ref = b[i] as number;
    expect(Math.abs(v - ref), `entry ${i}: ${v} vs ${ref}`).toBeLessThanOrEqual(rtol * Math.max(Math.abs(ref), 1e-3));
  });
}

test('Auto trains the default network on the fused WASM engine and says why', async ({ page }) => {
  const app = await openApp(page);
  await expect(engineChoice(page)).toHaveValue('auto');
  await app.epochs.fill('2');
  await app.train.click();
  await expect(app.progress).toContainText(/done/i, { timeout: 60_000 });
  await expect(app.backendStatus).toContainText(
    /Training engine: the fused WASM SIMD engine, [\d.]+× the speed of TensorFlow\.js on this model \(Auto timed \d+ steps of each\)/,
  );
  await expect(app.metrics).toBeVisible();
});

for (const backend of [
  { label: 'WASM', name: 'wasm', engine: /the fused WASM SIMD engine \(chosen\)/ },
  { label: 'WebGPU', name: 'webgpu', engine: /the fused WebGPU engine \(chosen\)/ },
] as const) {
  test(`on ${backend.name}, the fused engine's first step gives TF.js's losses`, async ({ page }) => {
    test.setTimeout(480_000);
    await openApp(page);
    await chooseBackend(page, backend.label, backend.name, 60_000);
    const tfjs = await oneStepWith(page, 'TensorFlow.js', /Training engine: TensorFlow\.js \(chosen\)/);
    const fused = await oneStepWith(page, 'Fused (WASM SIMD / WebGPU)', backend.engine);
    expectClose(fused.losses, tfjs.losses, 1e-5);
    expectClose([fused.total], [tfjs.total], 1e-5);
    expect(fused.weights).toEqual(tfjs.weights);
    // A few more steps on the engine: they run, and every loss stays finite.
    const app = ui(page);
    for (let i = 0; i < 3; i++) await app.step.click();
    await expect.poll(() => currentStep(page), { timeout: 120_000 }).toBe(4);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
}
