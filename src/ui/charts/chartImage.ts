/**
 * A chart's figure, as the page shows it now, saved as a standalone SVG or PNG: its plots (cloned,
 * with the computed styles that matter written onto every element, so the theme's CSS variables
 * are resolved), its HTML legend and panel titles redrawn as SVG text where they stand, its name
 * above and, where given, a legend of line styles below, on the background the chart sits on.
 */
import { saveFile } from '../../state/saveFile.ts';
import {
  arrangeImage,
  imageFileName,
  imageSvg,
  type ImageFormat,
  type ImagePart,
  type LegendEntry,
  type TextStyle,
} from './chartImageSvg.ts';
import { svgToPng } from './rasterise.ts';

/** Painting properties copied from the live element (as presentation attributes: no inline CSS). */
const PAINT = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'fill-opacity',
  'stroke-opacity',
  'visibility',
] as const;
const TEXT = ['font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline'] as const;
/** HTML text that carries meaning in the image: legend labels and the titles of small multiples. */
const HTML_TEXT = '.legend li, .small-multiple > span, .small-multiple > label';
/** Not painted themselves, only referenced (clip paths, gradients): kept whatever their display. */
const REFERENCED = 'defs, clipPath, mask, pattern, marker, symbol, linearGradient, radialGradient';

export interface ChartImageOptions {
  /** Drawn above the chart (its name, or its caption where that is short and says what is shown). */
  title: string;
  /** The file's name before its extension, e.g. "Loss curves" → loss-curves.png. */
  file: string;
  legend?: readonly LegendEntry[] | undefined;
}

/** The figure as a standalone SVG document and its size in CSS px. */
export function chartToSvg(figure: HTMLElement, options: ChartImageOptions) {
  const found: { rect: DOMRect; part: (x: number, y: number) => ImagePart }[] = [];
  for (const svg of plotsIn(figure)) {
    const rect = svg.getBoundingClientRect();
    const markup = standaloneSvg(svg, rect);
    found.push({ rect, part: (x, y) => ({ kind: 'svg', x, y, markup }) });
  }
  for (const el of figure.querySelectorAll(HTML_TEXT)) collectText(el, found);
  const left = Math.min(...found.map((f) => f.rect.left));
  const top = Math.min(...found.map((f) => f.rect.top));
  const right = Math.max(...found.map((f) => f.rect.right));
  const bottom = Math.max(...found.map((f) => f.rect.bottom));
  const parts = found.map((f) => f.part(f.rect.left - left, f.rect.top - top));

  const page = getComputedStyle(figure);
  const colour = page.color;
  const caption = figure.querySelector('figcaption');
  const family = caption ? getComputedStyle(caption).fontFamily : page.fontFamily;
  const titleStyle: TextStyle = { fontFamily: family, fontSize: 14, fontWeight: '600', fill: colour };
  const legendStyle: TextStyle = { fontFamily: family, fontSize: 12, fontWeight: '400', fill: colour };
  const image = arrangeImage({
    background: backgroundOf(figure),
    title: { text: options.title, width: textWidth(options.title, titleStyle), style: titleStyle },
    body: found.length ? { width: right - left, height: bottom - top, parts } : { width: 0, height: 0, parts: [] },
    legend: {
      style: legendStyle,
      entries: (options.legend ?? []).map((e) => ({
        label: e.label,
        labelWidth: textWidth(e.label, legendStyle),
        stroke: e.colour ?? colour,
        dash: e.dash ?? '',
      })),
    },
  });
  return { svg: imageSvg(image), width: image.width, height: image.height };
}

/** Makes the figure's image and hands it to the browser's downloads. */
export async function saveChartImage(figure: HTMLElement, format: ImageFormat, options: ChartImageOptions) {
  const { svg, width, height } = chartToSvg(figure, options);
  const blob = format === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await svgToPng(svg, width, height);
  saveFile(imageFileName(options.file, format), blob);
}

/** The outermost, visible `<svg>` elements: plots and legend swatches, not the icons in buttons. */
function plotsIn(figure: HTMLElement): SVGSVGElement[] {
  return [...figure.querySelectorAll('svg')].filter((svg) => {
    if (svg.parentElement?.closest('svg, button')) return false;
    const rect = svg.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  });
}

/** A copy of a live `<svg>` that looks the same with no stylesheet, sized as it is drawn. */
function standaloneSvg(live: SVGSVGElement, rect: DOMRect): string {
  const copy = live.cloneNode(true) as SVGSVGElement;
  const lives = [live, ...live.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  const hidden: Element[] = [];
  lives.forEach((el, i) => {
    const out = copies[i] as Element;
    const style = getComputedStyle(el);
    if (style.display === 'none' && !el.closest(REFERENCED)) {
      hidden.push(out);
      return;
    }
    // The computed values below already include it, and a page's CSP may forbid inline style.
    out.removeAttribute('style');
    const props = el instanceof SVGTextContentElement ? [...PAINT, ...TEXT] : PAINT;
    for (const p of props) {
      const value = style.getPropertyValue(p);
      // "2.2px" → "2.2": unitless lengths are what other SVG readers (editors, converters) expect.
      out.setAttribute(p, p === 'font-family' ? value : value.replace(/(\d)px\b/g, '$1'));
    }
  });
  for (const el of hidden) el.remove();
  copy.setAttribute('width', String(rect.width));
  copy.setAttribute('height', String(rect.height));
  if (!copy.hasAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${rect.width} ${rect.height}`);
  return new XMLSerializer().serializeToString(copy);
}

/** Text nodes and the shown option of selects, each where the page draws it (svgs are drawn whole). */
function collectText(el: Element, found: { rect: DOMRect; part: (x: number, y: number) => ImagePart }[]) {
  for (const node of el.childNodes) {
    if (node instanceof Text) {
      const text = node.data.trim();
      if (!text) continue;
      const range = document.createRange();
      const lead = node.data.length - node.data.trimStart().length;
      range.setStart(node, lead);
      range.setEnd(node, lead + text.length);
      const rect = range.getBoundingClientRect();
      const style = textStyle(el);
      found.push({ rect, part: (x, y) => ({ kind: 'text', x, y: y + rect.height / 2, text, style }) });
    } else if (node instanceof HTMLSelectElement) {
      const text = node.selectedOptions[0]?.text ?? '';
      const rect = node.getBoundingClientRect();
      const css = getComputedStyle(node);
      const inset = parseFloat(css.paddingLeft) + parseFloat(css.borderLeftWidth);
      const style = textStyle(node);
      found.push({ rect, part: (x, y) => ({ kind: 'text', x: x + inset, y: y + rect.height / 2, text, style }) });
    } else if (node instanceof HTMLElement && !(node instanceof HTMLButtonElement)) {
      collectText(node, found);
    }
  }
}

function textStyle(el: Element): TextStyle {
  const css = getComputedStyle(el);
  return {
    fontFamily: css.fontFamily,
    fontSize: parseFloat(css.fontSize),
    fontWeight: css.fontWeight,
    fill: css.color,
  };
}

/** The colour the chart is drawn on: the first ancestor with an opaque background, else white. */
function backgroundOf(el: Element): string {
  for (let at: Element | null = el; at; at = at.parentElement) {
    const colour = getComputedStyle(at).backgroundColor;
    if (colour && colour !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return '#ffffff';
}

let measure: CanvasRenderingContext2D | null = null;
function textWidth(text: string, style: TextStyle): number {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return text.length * style.fontSize * 0.6;
  measure.font = `${style.fontWeight} ${style.fontSize}px ${style.fontFamily}`;
  return measure.measureText(text).width;
}
