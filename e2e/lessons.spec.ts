/**
 * Every lesson, played in the page as its steps ask: open it from the start screen, do what each
 * step says, and its check turns to ✓ (the claims are seeded; src/lessons/lessons.test.ts
 * rehearses the same plays in Node).
 */
import { expect, test, type Page } from '@playwright/test';
import { chooseBackend, openApp, ui } from './app.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(600_000);

const check = (page: Page, n: number) => page.getByRole('status', { name: `Check ${n}`, exact: true });
const lessonPanel = (page: Page) => page.getByRole('region', { name: 'Lesson', exact: true });

async function openLesson(page: Page, title: string, rows: string) {
  const app = await openApp(page);
  await chooseBackend(page, 'WASM', 'wasm');
  await page
    .getByRole('region', { name: 'Lessons', exact: true })
    .getByRole('button', { name: `Open lesson: ${title}` })
    .click();
  await expect(lessonPanel(page)).toContainText(title);
  await expect(app.datasetSummary).toContainText(rows, { timeout: 60_000 });
  return app;
}

async function trainToEnd(page: Page, end: RegExp = /Done/) {
  const app = ui(page);
  await app.train.click();
  await expect(app.progress).toContainText(end, { timeout: 400_000 });
}

async function baselines(page: Page) {
  await page.getByRole('button', { name: 'Train single-task baselines' }).click();
  await expect(page.getByRole('button', { name: 'Train single-task baselines' })).toBeEnabled({ timeout: 400_000 });
}

const seen = async (page: Page, n: number) => expect(check(page, n)).toContainText('✓', { timeout: 60_000 });

test('sharing helps related tasks: Δm > 0 at correlation 0.9, lower at 0', async ({ page }) => {
  await openLesson(page, 'Sharing helps related tasks', '10,000 rows');
  await trainToEnd(page);
  await baselines(page);
  await seen(page, 1);
  const correlation = page.getByRole('spinbutton', { name: 'Task correlation' });
  await correlation.fill('0');
  await correlation.press('Enter');
  await expect(ui(page).datasetSummary).toContainText('correlation 0', { timeout: 60_000 });
  await trainToEnd(page);
  await baselines(page);
  await seen(page, 2);
});

test('conflicting tasks: a negative gradient cosine, then MMoE does better', async ({ page }) => {
  await openLesson(page, 'Conflicting tasks pull the trunk apart', '10,000 rows');
  await trainToEnd(page);
  await seen(page, 1);
  await ui(page).reset.click();
  const experts = page.getByRole('spinbutton', { name: 'Experts' });
  await experts.fill('4');
  await experts.press('Enter');
  await trainToEnd(page);
  await seen(page, 2);
});

test('loss scales: temp_max in °C dominates; Uncertainty weighting lowers its weight', async ({ page }) => {
  await openLesson(page, 'Loss scales: a task in large units takes over', '2,922 rows');
  await trainToEnd(page);
  await seen(page, 1);
  await page.getByRole('combobox', { name: 'Weighting' }).selectOption('uncertainty');
  await trainToEnd(page);
  await seen(page, 2);
});

test('rare positives: a lower threshold and class weights raise recall', async ({ page }) => {
  await openLesson(page, 'Rare positives: threshold and class weights', '60,000 rows');
  await trainToEnd(page);
  const threshold = page.getByRole('slider', { name: 'Decision threshold of clicked' });
  await threshold.scrollIntoViewIfNeeded();
  await threshold.fill('0.2');
  await seen(page, 1);
  await ui(page).reset.click();
  await page.getByRole('checkbox', { name: 'Balance classes of clicked' }).check();
  await trainToEnd(page);
  await seen(page, 2);
});

test('over-fitting: the validation loss turns up; early stopping stops and restores the best epoch', async ({
  page,
}) => {
  await openLesson(page, 'Over-fitting and early stopping', '10,000 rows');
  await trainToEnd(page);
  await seen(page, 1);
  await ui(page).reset.click();
  await page.getByText('Optimiser and regularisation', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Early stopping' }).check();
  const patience = page.getByRole('spinbutton', { name: 'Patience' });
  await patience.fill('3');
  await patience.press('Enter');
  await trainToEnd(page, /Stopped early/);
  await seen(page, 2);
});

test('single-task vs multi-task: Δm, then Δm of another model', async ({ page }) => {
  await openLesson(page, 'Single-task or multi-task? Measuring Δm', '2,922 rows');
  await trainToEnd(page);
  await baselines(page);
  await seen(page, 1);
  await ui(page).reset.click();
  const experts = page.getByRole('spinbutton', { name: 'Experts' });
  await experts.fill('4');
  await experts.press('Enter');
  await trainToEnd(page);
  await baselines(page);
  await seen(page, 2);
  await expect(lessonPanel(page)).toContainText('All checks passed');
});
