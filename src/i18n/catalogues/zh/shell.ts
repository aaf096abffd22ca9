/** 简体中文：页面框架（各面板标题、页脚、链接与课堂视图）的字符串。 */
import type { Translation } from '../../translation.ts';
import type { enShell } from '../en/shell.ts';

export const zhShell: Translation<typeof enShell> = {
  playground: '实验场',
  panels: {
    data: '数据与列角色',
    model: '模型、优化器与数据划分',
    results: '结果',
    diagnostics: '诊断',
    sharing: '共享：梯度冲突、专家与单任务基线',
    keep: '保存的训练、模型与预测',
  },
  loadingCharts: '正在加载图表…',
  credits:
    '样本数据：NOAA 每日天气（公有领域），来自 vega-datasets；鸢尾花数据集——Fisher, R. A. Iris，UCI 机器学习数据库（CC BY 4.0）。',
  confirmRedefine: '这项修改会定义一个新网络，已训练的权重和曲线将被丢弃。确定应用吗？',
  link: {
    problems: '链接问题：{{problems}}',
    tooLong: '链接过长，不是有效的设置；已改用默认设置。',
    unreadable: '无法读取该链接；已改用默认值。',
    unknownSample: '链接中的样本数据集在本应用中不存在；已载入 {{sample}}。',
    ownFile: '该链接基于使用者自己的文件生成，而链接从不包含数据：请上传该文件，再点击“训练”；相应设置已应用。',
    ownFileNamed_other:
      '该链接基于文件“{{name}}”（{{count, number}} 行）生成，而链接从不包含数据：请上传该文件，再点击“训练”；相应设置已应用。',
    otherFile_other:
      '这不是生成该链接时使用的文件（“{{name}}”，{{count, number}} 行）：内容不同，结果也可能不同。链接中的设置仍然保留。',
    sameFile: '这正是生成该链接时使用的文件；相应设置已应用。',
    correlation: '链接中的任务相关系数必须介于 −1 与 1 之间；已使用该样本自身的值。',
    unknownLesson: '链接中的课程在本应用中不存在；未打开任何课程。',
    unknownHidden_other: '链接要求隐藏 {{count}} 个本应用没有的部分；已忽略。',
    lessonNeeds_other: '链接要求隐藏 {{count}} 个课程需要的部分；它们仍然显示。',
    unknownLanguage: '链接要求的语言本应用不支持；已使用英语或浏览器的语言。',
  },
  classroom: {
    open: '课堂链接…',
    form: '课堂链接',
    lesson: '同时打开课程',
    noLesson: '不打开课程（使用当前设置）',
    hide: '对学生隐藏',
    lessonNeeds: '（课程需要）',
    parts: {
      upload: '上传 CSV',
      samples: '样本数据集选择',
      backend: '计算后端',
      weighting: '加权策略',
      share: '分享链接与课堂链接',
      panelData: '“数据”面板',
      panelModel: '“模型”面板',
      panelResults: '“结果”面板',
      panelDiagnostics: '“诊断”面板',
      panelSharing: '“共享”面板',
      panelKeep: '“训练记录与模型”面板',
      glossary: '术语表',
    },
    noData: '链接只包含设置和样本数据集（或课程），从不包含数据。',
    ownFile: '你自己的文件不会放进链接：学生拿到的是设置，需要自行载入该文件。',
    copy: '复制课堂链接',
    status: '课堂链接已生成',
    copied: '课堂链接已复制。',
    copyThis: '请复制这个链接：',
    linkField: '待复制的课堂链接',
    hiddenNote_other: '此课堂链接隐藏了页面的 {{count}} 个部分。',
    showAll: '全部显示',
  },
};
