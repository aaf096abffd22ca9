/**
 * A saved chart image as plain data (a title, the chart's parts where the page drew them, a legend
 * row) and its standalone SVG text. No DOM here, so the layout and the markup are tested in Node;
 * chartImage.ts reads the parts off the page.
 */
import { fileSlug } from '../../core/fileSlug.ts';

/** How a line of text is drawn; colours are resolved CSS colours (`rgb(…)`), never variables. */
export interface TextStyle {
  fontFamily: string;
  /** px */
  fontSize: number;
  fontWeight: string;
  fill: string;
}

/** One thing drawn in the image, in px from the top-left of the box it belongs to. */
export type ImagePart =
  /** A serialised `<svg>` element whose styles are already inlined; (x, y) is its top-left corner. */
  | { kind: 'svg'; x: number; y: number; markup: string }
  /** One line of text starting at x; y is its vertical centre. */
  | { kind: 'text'; x: number; y: number; text: string; style: TextStyle }
  /** A legend's sample line from x to x + width; y is its vertical centre. */
  | { kind: 'swatch'; x: number; y: number; width: number; stroke: string; dash: string };

/** A line style the image's own legend explains (for charts whose page legend is their caption). */
export interface LegendEntry {
  label: string;
  /** A CSS colour; the chart's text colour when left out. */
  colour?: string;
  /** An SVG dash pattern ("5 3"); solid when left out. */
  dash?: string;
}

export interface ImageSpec {
  background: string;
  /** The chart's name; `width` is its measured width in px. */
  title: { text: string; width: number; style: TextStyle };
  /** What the page shows, in px from the top-left of the smallest box around it. */
  body: { width: number; height: number; parts: ImagePart[] };
  /** Drawn in one row under the body; `labelWidth` is each label's measured width in px. */
  legend: { entries: { label: string; labelWidth: number; stroke: string; dash: string }[]; style: TextStyle };
}

/** The whole image: its size in px and every part in image coordinates. */
export interface ArrangedImage {
  width: number;
  height: number;
  background: string;
  parts: ImagePart[];
}

const PAD = 12;
const GAP = 8;
const SWATCH = 28;
const SWATCH_GAP = 5;
const ENTRY_GAP = 14;
const LINE_HEIGHT = 1.4;

/** Title on top, the body under it, the legend row (if any) under that, all inside a margin. */
export function arrangeImage(spec: ImageSpec): ArrangedImage {
  const parts: ImagePart[] = [];
  const titleHeight = spec.title.style.fontSize * LINE_HEIGHT;
  parts.push({ kind: 'text', x: PAD, y: PAD + titleHeight / 2, text: spec.title.text, style: spec.title.style });
  const bodyTop = PAD + titleHeight + GAP;
  for (const part of spec.body.parts) parts.push({ ...part, x: part.x + PAD, y: part.y + bodyTop });
  let bottom = bodyTop + spec.body.height;
  let legendWidth = 0;
  if (spec.legend.entries.length > 0) {
    const rowHeight = spec.legend.style.fontSize * LINE_HEIGHT;
    const y = bottom + GAP + rowHeight / 2;
    let x = PAD;
    for (const entry of spec.legend.entries) {
      parts.push({ kind: 'swatch', x, y, width: SWATCH, stroke: entry.stroke, dash: entry.dash });
      x += SWATCH + SWATCH_GAP;
      parts.push({ kind: 'text', x, y, text: entry.label, style: spec.legend.style });
      x += entry.labelWidth + ENTRY_GAP;
    }
    legendWidth = x - ENTRY_GAP - PAD;
    bottom += GAP + rowHeight;
  }
  return {
    width: Math.ceil(Math.max(spec.title.width, spec.body.width, legendWidth) + 2 * PAD),
    height: Math.ceil(bottom + PAD),
    background: spec.background,
    parts,
  };
}

/** The image as a standalone SVG document: a background rectangle, then the parts in order. */
export function imageSvg(image: ArrangedImage): string {
  const { width, height } = image;
  const body = image.parts.map(partSvg).join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${escapeXml(image.background)}"/>`,
    body,
    '</svg>',
  ].join('\n');
}

function partSvg(part: ImagePart): string {
  switch (part.kind) {
    case 'svg':
      return `<g transform="translate(${px(part.x)} ${px(part.y)})">${part.markup}</g>`;
    case 'text': {
      const s = part.style;
      return (
        `<text x="${px(part.x)}" y="${px(part.y)}" dominant-baseline="central" font-family="${escapeXml(s.fontFamily)}"` +
        ` font-size="${s.fontSize}" font-weight="${escapeXml(s.fontWeight)}" fill="${escapeXml(s.fill)}">` +
        `${escapeXml(part.text)}</text>`
      );
    }
    case 'swatch': {
      const dash = part.dash ? ` stroke-dasharray="${escapeXml(part.dash)}"` : '';
      return (
        `<line x1="${px(part.x)}" y1="${px(part.y)}" x2="${px(part.x + part.width)}" y2="${px(part.y)}"` +
        ` stroke="${escapeXml(part.stroke)}" stroke-width="2"${dash}/>`
      );
    }
  }
}

/** Text and attribute values as XML: CSV column names reach the image as they are. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const px = (v: number) => String(Math.round(v * 10) / 10);

export type ImageFormat = 'png' | 'svg';

/** `ROC curve: temp max` → `roc-curve-temp-max.png`; letters of any script, digits and _ are kept. */
export function imageFileName(name: string, format: ImageFormat): string {
  return `${fileSlug(name.toLowerCase(), 'chart')}.${format}`;
}
