/** Locators of the UI contract (../shared/ui-contract.md), shared by the browser tests. */
import { expect, type Page } from '@playwright/test';

export function ui(page: Page) {
  return {
    datasetSummary: page.getByRole('status', { name: 'Dataset summary' }),
    backendChoice: page.getByRole('combobox', { name: 'Compute backend' }),
    backendStatus: page.getByRole('status', { name: 'Backend', exact: true }),
    epochs: page.getByRole('spinbutton', { name: 'Epochs' }),
    train: page.getByRole('button', { name: 'Train', exact: true }),
    pause: page.getByRole('button', { name: 'Pause', exact: true }),
    step: page.getByRole('button', { name: 'Step', exact: true }),
    reset: page.getByRole('button', { name: 'Reset', exact: true }),
    progress: page.getByRole('status', { name: 'Training progress' }),
    appliedWeights: page.getByRole('status', { name: 'Applied weights' }),
    lossCurves: page.getByRole('figure', { name: 'Loss curves' }),
    metrics: page.getByRole('table', { name: 'Task metrics' }),
    weight: (task: string) => page.getByRole('slider', { name: `Weight of ${task}` }),
  };
}

/** Opens the app and waits for the default sample dataset. */
export async function openApp(page: Page): Promise<ReturnType<typeof ui>> {
  await page.goto('/');
  const app = ui(page);
  await expect(app.datasetSummary).toContainText('2,922 rows');
  await expect(app.backendStatus).toContainText(/webgpu|webgl|wasm|cpu/);
  return app;
}

/** Chooses a backend and waits until the worker reports it in use. */
export async function chooseBackend(
  page: Page,
  label: 'WASM' | 'WebGPU' | 'WebGL' | 'CPU',
  name: string,
  timeoutMs = 30_000,
): Promise<void> {
  const app = ui(page);
  await app.backendChoice.selectOption({ label });
  await expect(app.backendStatus).toContainText(`Backend: ${name}.`, { timeout: timeoutMs });
}

/** The global step shown in the progress line. */
export async function currentStep(page: Page): Promise<number> {
  const text = (await ui(page).progress.textContent()) ?? '';
  const match = /step (\d+)/.exec(text);
  return match ? Number(match[1]) : 0;
}
