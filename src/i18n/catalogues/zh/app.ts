/** 简体中文：页头工具（语言、分享链接、提示、对话框、面板导航）的字符串。 */
import type { Translation } from '../../translation.ts';
import type { enApp } from '../en/app.ts';

export const zhApp: Translation<typeof enApp> = {
  title: 'MTL Playground · 多任务学习实验场',
  language: '语言',
  panels: {
    label: '面板',
    data: '数据与列角色',
    model: '模型、优化器与数据划分',
    results: '结果',
    diagnostics: '诊断',
    sharing: '梯度冲突、专家与基线',
    keep: '训练记录、模型与预测',
    glossary: '术语表',
  },
  alert: {
    dismiss: '关闭',
  },
  confirm: {
    title: '要丢弃已训练的权重吗？',
    discard: '丢弃并应用',
    keep: '保留当前训练',
  },
  share: {
    copy: '复制分享链接',
    status: '分享链接',
    copied: '链接已复制。',
    copyThis: '请复制此链接：',
    link: '当前设置的链接',
    settingsOnly: '链接只包含设置，你的文件不会离开你的电脑。',
  },
};
