/** 简体中文：图表图片按钮（保存为 PNG、SVG）的字符串。 */
import type { Translation } from '../../translation.ts';
import type { enCharts } from '../en/charts.ts';

export const zhCharts: Translation<typeof enCharts> = {
  savePng: '将{{chart}}保存为 PNG',
  saveSvg: '将{{chart}}保存为 SVG',
  failed: '此浏览器无法生成{{chart}}的图片。',
};
