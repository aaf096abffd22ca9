/** 简体中文：diagnostics 区域的字符串。 */
import type { Translation } from '../../translation.ts';
import type { enDiagnostics } from '../en/diagnostics.ts';

export const zhDiagnostics: Translation<typeof enDiagnostics> = {
  plots: {
    heading: '诊断图',
    split: '诊断所用数据集',
    optionValidation: '验证集（第 {{epoch}} 轮）',
    optionTest: '测试集（第 {{epoch}} 轮）',
    optionTestPending: '测试集（尚未评估）',
    onValidation: '验证集（第 {{epoch}} 轮）',
    onTest: '测试集（第 {{epoch}} 轮）',
  },
  roc: {
    label: '{{task}} 的 ROC 曲线',
    caption:
      '{{task}} 在{{split}}上的 ROC 曲线：AUC {{auc}}（正例 {{positives}} 行，负例 {{negatives}} 行{{leftOut}}）。虚线对角线相当于随机猜测；带圈的点对应阈值 {{threshold}}：此时真正例率为 {{tpr}}，假正例率为 {{fpr}}。',
    leftOut: '；另有 {{rows}} 行的得分不是有限数值，未计入',
    falsePositiveRate: '假正例率',
    truePositiveRate: '真正例率',
    fprTooltip: '假正例率 {{value}}',
    threshold: '决策阈值',
    thresholdOf: '{{task}} 的决策阈值',
    thresholdMetrics: '{{task}} 在各阈值下的指标',
    thresholdColumn: '阈值',
    tp: 'TP',
    fp: 'FP',
    tn: 'TN',
    fn: 'FN',
  },
  confusion: {
    label: '{{task}} 的混淆矩阵',
    caption:
      '{{task}} 在{{split}}上的混淆矩阵：行是真实类别，列是预测类别；每格显示行数，底色深浅表示它占该行的比例。对角线上（预测正确）共 {{correct}} 行，总计 {{total}} 行。',
    counts: '{{task}} 的混淆计数',
    corner: '真实 ↓ / 预测 →',
    perClass: '{{task}} 的各类别指标',
    class: '类别',
    support: '样本数',
  },
  regression: {
    scatterLabel: '{{task}} 的预测值与真实值',
    scatterCaption:
      '{{task}} 在{{split}}上的预测值与真实值（共 {{total}} 行，显示其中 {{shown}} 行）：R² {{r2}}，RMSE {{rmse}}。落在虚线上的点预测完全准确；虚线上方的点表示模型预测偏高。',
    actual: '真实值',
    predicted: '预测值',
    residualsLabel: '{{task}} 的残差',
    residualsCaption:
      '{{task}} 在{{split}}上的残差（真实值 − 预测值）：{{total}} 行，分成 {{bins}} 个区间，范围从 {{first}} 到 {{last}}；最高的区间（{{peak}} 行）中心位于 {{centre}}。若峰位于 0 附近，说明没有系统性偏差。',
    residual: '残差',
    rows: '行数',
    residualTooltip: '残差 ≈ {{value}}',
  },
  conflict: {
    label: '梯度冲突',
    caption:
      '第 {{epoch}} 轮后的梯度冲突：各任务在共享底层上的梯度两两之间的余弦相似度。负值表示两个任务把共享层往相反的方向拉。',
    captionExperts:
      '第 {{epoch}} 轮后的梯度冲突：各任务在共享底层（这里指全部专家，每个任务经由自己的门控使用它们）上的梯度两两之间的余弦相似度。负值表示两个任务把共享层往相反的方向拉。',
    tableLabel: '梯度余弦相似度',
    worstConflicts: '冲突最大的是 {{first}} 与 {{second}}（{{cosine}}），共享底层让它们付出了一定代价。',
    worstAgrees: '冲突最大的是 {{first}} 与 {{second}}（{{cosine}}），但目前没有任何一对任务相互冲突。',
  },
  experts: {
    label: '专家使用情况',
    caption:
      '第 {{epoch}} 轮后的专家使用情况：每个任务的门控分给各个专家的平均权重，在训练集前 512 行上计算（不足 512 行则用全部行）。倚重不同专家的任务，彼此共享的网络部分更少。',
    tableLabel: '各任务的门控权重',
    expert: '专家 {{expert}}',
    sameExpert: '每个任务都最倚重专家 {{expert}}。',
    differentExperts: '各任务最倚重的专家不尽相同，共涉及 {{experts}} 个专家。',
  },
};
