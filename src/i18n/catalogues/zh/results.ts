/** 简体中文：results 区域的字符串。 */
import type { Translation } from '../../translation.ts';
import type { enResults } from '../en/results.ts';

export const zhResults: Translation<typeof enResults> = {
  metrics: {
    loss: '损失',
    accuracy: '准确率',
    precision: '精确率',
    recall: '召回率',
    f1: 'F1',
    auc: 'AUC',
    macroF1: '宏平均 F1',
    mse: 'MSE',
    rmse: 'RMSE',
    mae: 'MAE',
    r2: 'R²',
  },
  taskKinds: {
    binary: '二分类',
    multiclass: '多分类',
    regression: '回归',
  },
  notAvailable: '无法计算',
  scrolls: '{{label}}（可滚动）',
  task: '任务',
  epochTooltip: '第 {{epoch}} 轮',
  metricsTable: {
    heading: '第 {{epoch}} 轮后的验证集指标',
    headingBest: '第 {{epoch}} 轮后的验证集指标（最佳一轮，已恢复其权重）',
    headingPending: '验证集指标（第一轮结束后显示）',
    label: '任务指标',
    type: '类型',
    chained: '（× {{condition}}：在所有行上给出 p）',
    note: '“损失”是各任务训练所用的损失函数在验证集上的值：二分类和多分类任务用对数损失（交叉熵），回归任务用标准化后目标的 MSE。回归指标使用目标列本身的单位；二分类指标把得分 ≥ 0.5 的行判为正例（其他阈值见“诊断图”）。',
    terms: '各列含义：',
    exportMetrics: '导出指标',
    exportMetricsNote:
      'CSV 文件，每轮、每个数据划分、每个任务、每个指标各占一行（列为 epoch、step、split、task、metric、value）；超过 1000 轮时，保留最近 500 轮和较早轮次的抽样。导出文件是给其他工具读取的数据，列名和指标名保持英文。',
    exportModel: '导出模型',
    exportModelNote:
      '一个 JSON 文件：网络（TensorFlow.js 的 model.json 及其权重），以及预测所需的预处理和任务信息（“导入模型”可以读回）。',
    exportProject: '导出 PyTorch 项目',
    exportProjectNote:
      '一个 zip 文件，用于在 PyTorch 中重现这次训练：train.py 及其模块、设置、预处理、数据划分、初始权重和训练中的实时改动，以及用于对比的这些指标（运行 python3 train.py DATA.csv；详见其中的 README.md）。',
    testHeading: '第 {{epoch}} 轮后的测试集指标（留出的数据）',
    testHeadingPending: '测试集指标（留出的数据：训练结束时评估，也可以现在评估）',
    testLabel: '测试集指标',
    evaluateTest: '评估测试集',
    noTestRows: '没有留出测试数据（测试集比例为 0）。',
  },
  lossPerEpoch: {
    latestOnly:
      '仅显示 {{total}} 轮中的最近 {{shown}} 轮；“导出指标”包含更多（超过 1000 轮时，较早的轮次按间隔抽样保留）。',
    summary: '以表格查看每轮损失',
    label: '每轮损失',
    epoch: '轮次',
    taskTrain: '{{task}}（训练集）',
    weightedTotal: '加权总损失（训练集）',
    seconds: '用时（秒）',
    samplesPerSecond: '样本/秒',
  },
  metricCurves: {
    label: '指标曲线',
    caption:
      '指标曲线：每个任务所选指标在每轮结束后的取值，实线为验证集；损失还用虚线画出训练集上的值，两条线拉开差距就是过拟合的迹象。',
    metricOf: '{{task}} 的指标',
    lossTrainVsValidation: '损失（训练集与验证集）',
    validation: '验证集',
    training: '训练集',
  },
  weights: {
    label: '权重',
    caption: '权重：每个任务的损失权重随训练步数的变化。',
    stepTooltip: '第 {{step}} 步',
  },
  baselines: {
    sectionLabel: '单任务基线',
    heading: '单任务与多任务对比',
    intro:
      '为每个任务单独训练一个网络，数据、划分、轮数、共享底层、优化器和早停设置都与多任务模型相同。二分类比较 AUC，多分类比较准确率，回归比较 RMSE；Δ 已按指标方向校正符号，+ 始终表示多任务模型更好，Δm 是它在各任务上的平均值。',
    train: '训练单任务基线',
    cancel: '取消基线训练',
    progressLabel: '基线训练进度',
    progress: '正在训练 {{task}} 的单任务基线：第 {{epoch}} / {{epochs}} 轮（第 {{index}} 个任务，共 {{tasks}} 个）。',
    testTableLabel: '测试集：单任务与多任务对比',
    splits: {
      validation: '验证集',
      test: '测试集',
    },
    metricOn: '指标（{{split}}）',
    single: '单任务',
    multi: '多任务',
    delta: 'Δ（+ 表示多任务更好）',
    averageGain: '平均相对增益',
    averageGainOn: '{{split}}上的平均相对增益',
    deltaM: 'Δm（{{split}}）= {{gain}}：{{verdict}}（每个模型最多训练 {{epochs}} 轮）。',
    verdicts: {
      notDefined: '这些指标下无法计算',
      draw: '没有明显差别（不到 1 %，换一个随机种子或数据划分就可能带来这么大的变化）',
      helps: '平均而言，共享底层对这些任务有帮助',
      hurts: '平均而言，共享底层损害了这些任务',
    },
    curvesLabel: '基线曲线',
    curvesCaption:
      '各任务验证集指标随轮次的变化：多任务模型为实线（任务本身的颜色），对应的单任务网络为黑色虚线；AUC 和准确率越高越好，RMSE 越低越好。',
    lastEpoch: '{{task}}（{{metric}}）最后一轮：多任务 {{multi}}，单任务 {{single}}',
    listSeparator: '；',
    end: '。',
    curveTitle: '{{task}}：{{metric}}',
    multiLine: '多任务',
    singleLine: '单任务',
  },
};
