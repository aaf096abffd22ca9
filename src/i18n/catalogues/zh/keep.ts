/** 保存与复用的中文字符串：保存的训练、对比、模型包与预测。 */
import type { Translation } from '../../translation.ts';
import type { enKeep } from '../en/keep.ts';

export const zhKeep: Translation<typeof enKeep> = {
  model: {
    heading: '用模型预测',
    inUseLabel: '当前使用的模型',
    none: '还没有模型：请训练一个，或导入模型包（“导出模型”保存的文件）。',
    run: '当前模型：在此训练的模型（第 {{epoch}} 轮；任务 {{tasks}}）。',
    imported:
      '当前模型：导入的 {{file}}（在 {{dataset}} 上训练了 {{epochs}} 轮；任务 {{tasks}}）。在此训练新模型后，将改用新训练的模型。',
    import: '导入模型',
    predict: '预测 CSV',
    needs: '要预测的文件需要这些输入列：{{columns}}；目标列可以没有，其他列会被忽略。',
    importing: '正在读取模型包…',
    predicting: '正在预测…',
  },
  predictions: {
    summaryLabel: '预测摘要',
    summary_other: '已预测 {{file}} 的 {{count, number}} 行。',
    ignored: '模型不使用的列已忽略：{{columns}}。',
    unseen_other: '{{column}}：有 {{count, number}} 行出现了训练时没见过的类别，按“其他”处理。',
    region: '预测结果（可滚动）',
    table: '预测结果',
    caption: '显示 {{rows, number}} 行中的前 {{shown, number}} 行；“下载预测结果”会写出全部行。',
    download: '下载预测结果',
  },
};
