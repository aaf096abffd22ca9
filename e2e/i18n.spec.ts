/**
 * Languages and classroom links: a Chinese browser gets the Chinese page (lang attribute, the
 * main controls under their Chinese names) and trains a sample; the picker switches back to the
 * English names of the UI contract. A classroom link opens in a fresh page with its lesson open,
 * the chosen controls absent and everything else working.
 */
import { expect, test } from '@playwright/test';
import { ui } from './app.ts';

test.describe('简体中文', () => {
  test.use({ locale: 'zh-CN' });

  test('a Chinese browser gets the Chinese page, trains a sample, and can switch to English', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('combobox', { name: '语言' })).toHaveValue('zh-CN');
    await expect(page.getByRole('status', { name: '数据集概览' })).toContainText('2,922', { timeout: 30_000 });
    await page.getByRole('combobox', { name: '计算后端' }).selectOption('wasm');
    await expect(page.getByRole('status', { name: '后端', exact: true })).toContainText('wasm', { timeout: 30_000 });
    await page.getByRole('spinbutton', { name: '轮数' }).fill('3');
    await page.getByRole('spinbutton', { name: '轮数' }).press('Enter');
    for (const name of ['暂停', '单步', '重置'])
      await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
    await expect(page.getByRole('slider', { name: 'location 的权重' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: '加权策略' })).toBeVisible();
    await page.getByRole('button', { name: '训练', exact: true }).click();
    const progress = page.getByRole('status', { name: '训练进度' });
    await expect(progress).toContainText('完成', { timeout: 120_000 });
    await expect(page.getByRole('table', { name: '任务指标' })).toContainText('准确率');
    await expect(page.getByRole('region', { name: '课程', exact: true })).toBeVisible();

    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(ui(page).train).toBeVisible();
    await expect(ui(page).progress).toContainText('Done');
    await expect(ui(page).metrics).toContainText('Accuracy');
    // The choice is kept for the next visit.
    await page.reload();
    await expect(ui(page).train).toBeVisible();
  });
});

test('a classroom link opens its lesson with the chosen controls hidden, and the rest works', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await expect(ui(page).datasetSummary).toContainText('2,922 rows');
  await page.getByRole('button', { name: 'Classroom link…' }).click();
  const form = page.getByRole('group', { name: 'Classroom link' });
  await form.getByRole('combobox', { name: 'Open with lesson' }).selectOption('overfitting');
  await expect(form.getByRole('checkbox', { name: /Model panel/ })).toBeDisabled();
  await form.getByRole('checkbox', { name: 'Upload CSV' }).check();
  await form.getByRole('checkbox', { name: 'Compute backend' }).check();
  await form.getByRole('checkbox', { name: 'Sharing panel' }).check();
  await form.getByRole('button', { name: 'Copy classroom link' }).click();
  const link = await form.getByRole('textbox', { name: 'Classroom link to copy' }).inputValue();
  expect(link).toContain('lesson=overfitting');
  expect(link).not.toContain('panel-model');

  const student = await context.newPage();
  await student.goto(link);
  const lesson = student.getByRole('region', { name: 'Lesson', exact: true });
  await expect(lesson).toContainText('Over-fitting and early stopping');
  await expect(student.getByLabel('Upload CSV')).toHaveCount(0);
  await expect(student.getByRole('combobox', { name: 'Compute backend' })).toHaveCount(0);
  await expect(student.locator('#panel-sharing')).toHaveCount(0);
  await expect(student.getByRole('link', { name: 'Conflict, experts, baselines' })).toHaveCount(0);
  // What is not hidden works: the model panel, the backend status, training and the lesson's check.
  await expect(student.getByRole('status', { name: 'Backend', exact: true })).toContainText(/wasm|webgl|webgpu|cpu/);
  await expect(student.getByRole('spinbutton', { name: 'Epochs' })).toHaveValue('40');
  await student.getByRole('spinbutton', { name: 'Epochs' }).fill('6');
  await student.getByRole('spinbutton', { name: 'Epochs' }).press('Enter');
  await ui(student).train.click();
  await expect(ui(student).progress).toContainText('Done', { timeout: 180_000 });
  await expect(student.getByRole('status', { name: 'Check 1', exact: true })).toContainText(/✓|○/);
  await expect(ui(student).metrics).toBeVisible();
  // Hiding is for focus, not a lock.
  await student.getByRole('button', { name: 'Show everything' }).click();
  await expect(student.getByLabel('Upload CSV')).toHaveCount(1);
});

for (const locale of ['en-US', 'zh-CN'] as const)
  test(`screenshot of a lesson at 1366×768 (${locale})`, async ({ browser }, info) => {
    const context = await browser.newContext({ locale, viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto('/');
    await page.locator('.lesson-list button').nth(2).click(); // Loss scales (weather, fast)
    await expect(page.locator('.lesson-panel')).toBeVisible();
    await page.locator('.backend select').first().selectOption('wasm'); // the backend's (the engine's is second)
    await expect(page.locator('.backend p[role="status"]')).toContainText('wasm', { timeout: 30_000 });
    // Run until paused, so the fused engine cannot finish the run before Pause is pressed.
    await page.locator('.run-controls [role="switch"]').check();
    await page.locator('.run-controls button.primary').click();
    await expect(page.locator('.lesson-steps li').first()).toHaveClass(/done/, { timeout: 120_000 });
    await page.locator('.run-controls button').nth(1).click(); // Pause, whatever its name
    await page.waitForTimeout(1500);
    const path = info.outputPath(`lesson-${locale}.png`);
    await page.screenshot({ path });
    await info.attach(`lesson-${locale}`, { path, contentType: 'image/png' });
    await context.close();
  });
