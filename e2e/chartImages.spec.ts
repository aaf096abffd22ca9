/** Every chart saves as an SVG and a PNG that look like the chart on the page, in either theme. */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { chooseBackend, openApp } from './app.ts';

const TASKS = ['location', 'weather', 'temp_max'];
/** The first two task colours of src/ui/palette.ts, as computed styles write them. */
const ORANGE = 'rgb(230, 159, 0)';
const BLUE = 'rgb(0, 114, 178)';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function trainBriefly(page: Page): Promise<void> {
  const app = await openApp(page);
  await chooseBackend(page, 'WASM', 'wasm');
  await app.epochs.fill('2');
  await app.train.click();
  await expect(app.progress).toContainText(/Done|Stopped early/, { timeout: 60_000 });
}

/** Clicks a save button and returns the download's suggested name and bytes. */
async function save(page: Page, chart: string, format: 'PNG' | 'SVG') {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Save ${chart} as ${format}`, exact: true }).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path()) as string) };
}

/** The SVG parsed by the browser as an SVG document (not HTML), and what it draws. */
function readSvg(page: Page, text: string) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    const all = (selector: string) => [...doc.querySelectorAll(selector)];
    return {
      parseError: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      namespace: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      viewBox: root.getAttribute('viewBox'),
      background: root.firstElementChild?.localName === 'rect' ? root.firstElementChild.getAttribute('fill') : null,
      pathStrokes: all('path').map((p) => p.getAttribute('stroke')),
      scatterPoints: all('.recharts-scatter-symbol').length,
      texts: all('text').map((t) => t.textContent?.trim() ?? ''),
      textFills: all('text').map((t) => t.getAttribute('fill')),
    };
  }, text);
}

/** Width and height from the IHDR chunk, after checking the PNG signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)], 'PNG signature').toEqual(PNG_SIGNATURE);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The PNG decoded in the page: how many distinct colours, and how many pixels are near `rgb`. */
function pngPixels(page: Page, bytes: Buffer, rgb: [number, number, number]) {
  return page.evaluate(
    async ({ base64, target }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      context.drawImage(image, 0, 0);
      const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
      const colours = new Set<number>();
      let near = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i] as number, data[i + 1] as number, data[i + 2] as number];
        colours.add((r << 16) | (g << 8) | b);
        if (Math.abs(r - target[0]) + Math.abs(g - target[1]) + Math.abs(b - target[2]) < 30) near++;
      }
      const corner = [data[0], data[1], data[2]];
      return { distinct: colours.size, near, corner };
    },
    { base64: bytes.toString('base64'), target: rgb },
  );
}

test('the loss curves save as an SVG with their lines, legend and title, and as a 2× PNG of the same picture', async ({
  page,
}) => {
  await trainBriefly(page);

  const svgFile = await save(page, 'Loss curves', 'SVG');
  expect(svgFile.name).toBe('loss-curves.svg');
  const text = svgFile.bytes.toString('utf8');
  expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(text, 'theme variables are resolved').not.toContain('var(');
  expect(text, 'no inline CSS (a strict CSP forbids it)').not.toContain('style=');
  const svg = await readSvg(page, text);
  expect(svg.parseError).toBeNull();
  expect(svg).toMatchObject({ root: 'svg', namespace: 'http://www.w3.org/2000/svg' });
  expect(svg.viewBox).toBe(`0 0 ${svg.width} ${svg.height}`);
  expect(svg.width).toBeGreaterThan(300);
  expect(svg.background).toBe('rgb(255, 255, 255)'); // the light theme's panel
  // One line per task in its colour (the CSS of .curve-line written out), and the total.
  expect(svg.pathStrokes).toContain(ORANGE);
  expect(svg.pathStrokes).toContain(BLUE);
  expect(svg.pathStrokes.filter((s) => s === 'rgb(29, 29, 31)').length).toBeGreaterThanOrEqual(1); // --text
  // The title and the legend that says which colour is which task.
  expect(svg.texts[0]).toBe('Loss curves: training loss per task and the weighted total, by step.');
  for (const task of TASKS) expect(svg.texts).toContain(task);
  expect(svg.texts).toContain('weighted total');
  expect(svg.texts).toContain('step'); // the axis name

  const pngFile = await save(page, 'Loss curves', 'PNG');
  expect(pngFile.name).toBe('loss-curves.png');
  expect(pngSize(pngFile.bytes)).toEqual({ width: svg.width * 2, height: svg.height * 2 });
  const pixels = await pngPixels(page, pngFile.bytes, [230, 159, 0]);
  expect(pixels.corner).toEqual([255, 255, 255]);
  expect(pixels.distinct, 'more than a blank or a flat image').toBeGreaterThan(20);
  expect(pixels.near, 'the first task line is drawn in its colour').toBeGreaterThan(200);
});

test('in the dark theme the diagnostic plots and the metric curves save too, on the dark background', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await trainBriefly(page);
  const DARK_PANEL = 'rgb(31, 34, 39)';
  const DARK_TEXT = 'rgb(236, 238, 241)';

  // Predicted vs actual (recharts scatter): every point, the axis labels, the dark panel behind.
  const scatter = await save(page, 'Predicted vs actual of temp_max', 'SVG');
  expect(scatter.name).toBe('predicted-vs-actual-temp_max.svg');
  const svg = await readSvg(page, scatter.bytes.toString('utf8'));
  expect(svg.parseError).toBeNull();
  expect(svg.background).toBe(DARK_PANEL);
  expect(svg.texts[0]).toBe('Predicted vs actual of temp_max');
  expect(svg.textFills[0]).toBe(DARK_TEXT);
  expect(svg.texts).toEqual(expect.arrayContaining(['actual', 'predicted']));
  const shown = await page
    .getByRole('figure', { name: 'Predicted vs actual of temp_max' })
    .locator('.recharts-scatter-symbol')
    .count();
  expect(shown).toBeGreaterThan(50);
  expect(svg.scatterPoints).toBe(shown);

  // ROC curve as PNG: the size follows its SVG, the line is drawn in its colour on the dark panel.
  const rocSvg = await readSvg(page, (await save(page, 'ROC curve of location', 'SVG')).bytes.toString('utf8'));
  expect(rocSvg.pathStrokes).toContain(BLUE);
  const rocPng = await save(page, 'ROC curve of location', 'PNG');
  expect(rocPng.name).toBe('roc-curve-location.png');
  expect(pngSize(rocPng.bytes)).toEqual({ width: rocSvg.width * 2, height: rocSvg.height * 2 });
  const pixels = await pngPixels(page, rocPng.bytes, [0, 114, 178]);
  expect(pixels.corner).toEqual([31, 34, 39]);
  expect(pixels.near).toBeGreaterThan(100);

  // Metric curves: one plot per task with its title and chosen metric, and a legend of the line styles.
  const curves = await readSvg(page, (await save(page, 'Metric curves', 'SVG')).bytes.toString('utf8'));
  expect(curves.parseError).toBeNull();
  for (const task of TASKS) expect(curves.texts).toContain(`Metric of ${task}`);
  expect(curves.texts).toContain('Loss (train vs validation)');
  expect(curves.texts).toEqual(expect.arrayContaining(['validation', 'training']));
  expect(curves.pathStrokes).toContain(ORANGE);
});

test('in Chinese the buttons say which chart, the image is in Chinese and the file keeps its English name', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('status', { name: '数据集概览' })).toContainText('2,922', { timeout: 30_000 });
  // Nothing to save before the first step.
  await expect(page.getByRole('button', { name: '将损失曲线保存为 PNG', exact: true })).toBeDisabled();
  await page.getByRole('spinbutton', { name: '轮数' }).fill('1');
  await page.getByRole('spinbutton', { name: '轮数' }).press('Enter');
  await page.getByRole('button', { name: '训练', exact: true }).click();
  await expect(page.getByRole('status', { name: '训练进度' })).toContainText(/完成|早停/, { timeout: 60_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '将损失曲线保存为 SVG', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('loss-curves.svg');
  const svg = await readSvg(page, readFileSync((await download.path()) as string, 'utf8'));
  expect(svg.parseError).toBeNull();
  expect(svg.texts[0]).toBe('损失曲线：各任务的训练损失与加权总损失，横轴为步数。');
  await context.close();
});
