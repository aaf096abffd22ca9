/** Drives the real app through its UI for the benchmark (the same accessible names as the e2e tests). */
import { expect, type Page } from '@playwright/test';
import { chooseBackend, openApp, ui } from '../e2e/app.ts';

export const BACKEND_LABEL = { wasm: 'WASM', webgl: 'WebGL', cpu: 'CPU', webgpu: 'WebGPU' } as const;

export interface AppEpoch {
  epoch: number;
  seconds: number;
  samplesPerSecond: number;
}

/** Opens the app on a backend, uploads the reference CSV and sets roles and hyper-parameters. */
export async function prepareApp(
  page: Page,
  backend: keyof typeof BACKEND_LABEL,
  csv: Buffer,
  rows: number,
  trunkUnits: number[],
  batchSize: number,
  epochs: number,
  experts = 1,
): Promise<void> {
  const app = await openApp(page);
  await chooseBackend(page, BACKEND_LABEL[backend], backend, 120_000);
  await page.getByLabel('Upload CSV').setInputFiles({ name: 'reference.csv', mimeType: 'text/csv', buffer: csv });
  await expect(app.datasetSummary).toContainText(`reference.csv: ${rows.toLocaleString('en')} rows`, {
    timeout: 60_000,
  });
  await page.getByRole('combobox', { name: 'Role of y_bin' }).selectOption({ label: 'Binary target' });
  await page.getByRole('combobox', { name: 'Role of y_reg' }).selectOption({ label: 'Regression target' });
  await page.getByRole('combobox', { name: 'Role of y_cls' }).selectOption({ label: 'Multi-class target' });
  await page.getByRole('textbox', { name: 'Trunk layers' }).fill(trunkUnits.join(', '));
  await page.getByRole('spinbutton', { name: 'Experts' }).fill(String(experts));
  await page.getByRole('spinbutton', { name: 'Batch size' }).fill(String(batchSize));
  await page.getByRole('spinbutton', { name: 'Learning rate' }).fill('0.001');
  await app.epochs.fill(String(epochs));
}

/** Starts observing main-thread long tasks (> 50 ms) into window.__longTasks. */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[]; __longTaskEntries: { start: number; duration: number }[] };
    w.__longTasks = [];
    w.__longTaskEntries = [];
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => {
        w.__longTasks.push(e.duration);
        w.__longTaskEntries.push({ start: e.startTime, duration: e.duration });
      }),
    ).observe({ type: 'longtask', buffered: false });
  });
}

export async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
}

/** Durations of the long tasks that overlap [fromMs, toMs] on the page's clock. */
export async function longTasksBetween(
  page: Page,
  fromMs: number,
  toMs: number,
  startingInside = false,
): Promise<number[]> {
  return page.evaluate(
    ({ fromMs, toMs, startingInside }) =>
      (window as unknown as { __longTaskEntries: { start: number; duration: number }[] }).__longTaskEntries
        .filter((e) => e.start < toMs && (startingInside ? e.start >= fromMs : e.start + e.duration > fromMs))
        .map((e) => e.duration),
    { fromMs, toMs, startingInside },
  );
}

/**
 * Per-epoch timings from the app's "Loss per epoch" table, read from the page without opening or
 * scrolling to it: the playground stays in view while a case measures (as a person watching it has it).
 */
export async function appEpochs(page: Page): Promise<AppEpoch[]> {
  const rows = await page.evaluate(() =>
    [...document.querySelectorAll('table[aria-label="Loss per epoch"] tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
    ),
  );
  return rows.map((cells) => ({
    epoch: Number(cells[0]),
    seconds: Number(cells[cells.length - 2]),
    samplesPerSecond: Number(cells[cells.length - 1]),
  }));
}

/** Sets a weight slider the way a drag does and returns ms until the worker's acknowledgement is on screen. */
export async function weightAckMs(page: Page, task: string, value: number): Promise<number> {
  return page.evaluate(
    ({ task, value }) =>
      new Promise<number>((resolve, reject) => {
        const slider = document.querySelector<HTMLInputElement>(`input[aria-label="Weight of ${task}"]`);
        const status = document.querySelector('[aria-label="Applied weights"]');
        if (!slider || !status) return reject(new Error('slider or status missing'));
        const expected = `${task} ${value.toFixed(2)}`;
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (status.textContent?.includes(expected)) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        });
        observer.observe(status, { childList: true, subtree: true, characterData: true });
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        setValue?.call(slider, String(value));
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        setTimeout(() => reject(new Error('no acknowledgement within 10 s')), 10_000);
      }),
    { task, value },
  );
}

export async function workerTensors(page: Page): Promise<number> {
  const text = (await page.getByRole('status', { name: 'Worker memory' }).textContent()) ?? '';
  return Number(/holds ([\d,]+) tensors/.exec(text)?.[1]?.replaceAll(',', '') ?? NaN);
}

export { ui };
