/** charts 的中文字符串。 */
import type { Translation } from '../../translation.ts';
import type { enCharts } from '../en/charts.ts';

export const zhCharts: Translation<typeof enCharts> = {};
