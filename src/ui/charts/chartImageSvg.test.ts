import { describe, expect, it } from 'vitest';
import { arrangeImage, escapeXml, imageFileName, imageSvg, type ImageSpec, type TextStyle } from './chartImageSvg.ts';

const TITLE: TextStyle = {
  fontFamily: '"DejaVu Sans", sans-serif',
  fontSize: 14,
  fontWeight: '600',
  fill: 'rgb(29, 29, 31)',
};
const SMALL: TextStyle = { ...TITLE, fontSize: 12, fontWeight: '400' };

function spec(overrides: Partial<ImageSpec> = {}): ImageSpec {
  return {
    background: 'rgb(255, 255, 255)',
    title: { text: 'Loss curves', width: 80, style: TITLE },
    body: {
      width: 300,
      height: 200,
      parts: [
        { kind: 'svg', x: 0, y: 0, markup: '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="180"></svg>' },
        { kind: 'text', x: 40, y: 190, text: 'weather', style: SMALL },
      ],
    },
    legend: { entries: [], style: SMALL },
    ...overrides,
  };
}

describe('arrangeImage', () => {
  it('puts the title on top, the body under it and a margin all round', () => {
    const image = arrangeImage(spec());
    // 12 px margin, a 14 px title on a 1.4 line (19.6 px), 8 px gap, then the body.
    expect(image.width).toBe(300 + 24);
    expect(image.height).toBe(Math.ceil(12 + 19.6 + 8 + 200 + 12));
    expect(image.parts[0]).toMatchObject({ kind: 'text', text: 'Loss curves', x: 12, y: expect.closeTo(12 + 9.8) });
    expect(image.parts[1]).toMatchObject({ kind: 'svg', x: 12, y: expect.closeTo(12 + 19.6 + 8) });
    expect(image.parts[2]).toMatchObject({
      kind: 'text',
      text: 'weather',
      x: 52,
      y: expect.closeTo(190 + 12 + 19.6 + 8),
    });
  });

  it('is as wide as its widest row: a long title widens it', () => {
    expect(arrangeImage(spec({ title: { text: 'A long caption', width: 500, style: TITLE } })).width).toBe(524);
  });

  it('draws the legend row under the body: swatch, label, next entry', () => {
    const image = arrangeImage(
      spec({
        legend: {
          style: SMALL,
          entries: [
            { label: 'validation', labelWidth: 60, stroke: 'rgb(0, 0, 0)', dash: '' },
            { label: 'training', labelWidth: 50, stroke: 'rgb(0, 0, 0)', dash: '5 3' },
          ],
        },
      }),
    );
    const legend = image.parts.slice(3);
    const rowY = expect.closeTo(12 + 19.6 + 8 + 200 + 8 + 8.4);
    expect(legend).toEqual([
      { kind: 'swatch', x: 12, y: rowY, width: 28, stroke: 'rgb(0, 0, 0)', dash: '' },
      { kind: 'text', x: 45, y: rowY, text: 'validation', style: SMALL },
      { kind: 'swatch', x: 119, y: rowY, width: 28, stroke: 'rgb(0, 0, 0)', dash: '5 3' },
      { kind: 'text', x: 152, y: rowY, text: 'training', style: SMALL },
    ]);
    expect(image.height).toBe(Math.ceil(12 + 19.6 + 8 + 200 + 8 + 8.4 + 8.4 + 12));
  });
});

describe('imageSvg', () => {
  const svg = imageSvg(
    arrangeImage(
      spec({
        title: { text: 'ROC curve of a<b & "c"', width: 80, style: TITLE },
        legend: { style: SMALL, entries: [{ label: 'single-task', labelWidth: 60, stroke: '#000', dash: '5 3' }] },
      }),
    ),
  );

  it('is a standalone SVG document of the arranged size, on the background colour', () => {
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="324" height="\d+" viewBox="0 0 324 \d+">/,
    );
    const [, height] = /height="(\d+)"/.exec(svg) ?? [];
    expect(svg).toContain(`viewBox="0 0 324 ${height}"`);
    expect(svg.split('\n')[1]).toBe(`<rect x="0" y="0" width="324" height="${height}" fill="rgb(255, 255, 255)"/>`);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('escapes text and attribute values (a column name is anything a CSV holds)', () => {
    expect(svg).toContain('>ROC curve of a&#60;b &#38; &#34;c&#34;</text>');
    expect(svg).toContain('font-family="&#34;DejaVu Sans&#34;, sans-serif"');
    expect(svg).not.toContain('a<b');
  });

  it('places each plot with a translation and draws dashed swatches', () => {
    expect(svg).toContain('<g transform="translate(12 39.6)"><svg xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toMatch(
      /<line x1="12" y1="[\d.]+" x2="40" y2="[\d.]+" stroke="#000" stroke-width="2" stroke-dasharray="5 3"\/>/,
    );
    expect(svg).toContain('dominant-baseline="central"');
  });

  it('leaves a solid swatch without a dash pattern', () => {
    const solid = imageSvg(
      arrangeImage(
        spec({ legend: { style: SMALL, entries: [{ label: 'x', labelWidth: 5, stroke: 'red', dash: '' }] } }),
      ),
    );
    expect(solid).toMatch(/<line [^>]*stroke="red" stroke-width="2"\/>/);
  });
});

describe('escapeXml and imageFileName', () => {
  it('escape the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });

  it('make file names from chart names, keeping letters of any script', () => {
    expect(imageFileName('Loss curves', 'png')).toBe('loss-curves.png');
    expect(imageFileName('roc-curve-temp max (°C)', 'svg')).toBe('roc-curve-temp-max-c.svg');
    expect(imageFileName('residuals-天气', 'png')).toBe('residuals-天气.png');
    expect(imageFileName('roc-curve-temp_max', 'png')).toBe('roc-curve-temp_max.png');
    expect(imageFileName('***', 'svg')).toBe('chart.svg');
  });
});
