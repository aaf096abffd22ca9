import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { saveChartImage } from './chartImage.ts';
import type { ImageFormat, LegendEntry } from './chartImageSvg.ts';

interface Props {
  /** The chart's `<figure>`; its plots, legend and panel titles go into the image. */
  figure: RefObject<HTMLElement | null>;
  /** The figure's accessible name, e.g. "Loss curves": in the buttons' names and atop the image. */
  name: string;
  /** Drawn atop the image instead of the name (a short caption that says what is plotted). */
  title?: string;
  /** The file's name before `.png` / `.svg`; English, so files keep their names in every language. */
  file: string;
  /** Line styles the image should explain, for charts whose caption does that on the page. */
  legend?: readonly LegendEntry[];
  disabled?: boolean;
}

/** Two small buttons that save the chart as it is shown, as a PNG or an SVG file. */
export function ChartImageButtons({ figure, name, title, file, legend, disabled = false }: Props) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const save = (format: ImageFormat) => {
    const el = figure.current;
    if (!el) return;
    setFailed(false);
    saveChartImage(el, format, { title: title ?? name, file, legend }).catch(() => setFailed(true));
  };
  const button = (format: ImageFormat, label: string) => (
    <button type="button" aria-label={label} title={label} disabled={disabled} onClick={() => save(format)}>
      {/* The format's name, the same in every language (as in the file's extension). */}
      {format.toUpperCase()}
    </button>
  );
  return (
    <span className="chart-image-buttons">
      {button('png', t('charts.savePng', { chart: name }))}
      {button('svg', t('charts.saveSvg', { chart: name }))}
      {failed && <span role="alert">{t('charts.failed', { chart: name })}</span>}
    </span>
  );
}
