/** English strings of the chart image buttons (Save PNG, Save SVG). */
export const enCharts = {} as const;
