/** English strings of the chart image buttons (Save PNG, Save SVG). */
export const enCharts = {
  /** Accessible name (and tooltip) of the PNG button; `chart` is the figure's name, e.g. "Loss curves". */
  savePng: 'Save {{chart}} as PNG',
  /** Accessible name (and tooltip) of the SVG button. */
  saveSvg: 'Save {{chart}} as SVG',
  /** Shown by the buttons when the browser could not make the image. */
  failed: 'The image of {{chart}} could not be made in this browser.',
} as const;
