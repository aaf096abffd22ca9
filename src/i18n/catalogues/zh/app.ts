/** 简体中文：页头工具（语言、分享链接、提示、对话框、面板导航）的字符串。 */
import type { Translation } from '../../translation.ts';
import type { enApp } from '../en/app.ts';

export const zhApp: Translation<typeof enApp> = {
  title: 'MTL Playground · 多任务学习实验场',
  language: '语言',
};
