/** 简体中文：离线使用区域的字符串。 */
import type { Translation } from '../../translation.ts';
import type { enOffline } from '../en/offline.ts';

export const zhOffline: Translation<typeof enOffline> = {
  label: '离线使用',
  installing: '正在保存应用，以便离线使用…',
  ready: '可离线使用：应用、WASM 计算引擎和样本数据集已保存在此浏览器中。',
  updateReady: '应用的新版本已就绪。',
  reload: '重新加载以使用新版本',
  error: '此浏览器未能保存应用，暂时无法离线使用。',
  offline: '当前已离线：你的数据和训练都只留在此页面中。',
};
