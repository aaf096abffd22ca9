/** 简体中文：model 区域的字符串。 */
import type { Translation } from '../../translation.ts';
import type { enModel } from '../en/model.ts';

export const zhModel: Translation<typeof enModel> = {
  editor: {
    summary: '模型',
    unitsOf: '第 {{layer}} 层的单元数',
    activationOf: '第 {{layer}} 层的激活函数',
    dropoutOf: '第 {{layer}} 层的丢弃率',
    removeLayer: '删除第 {{layer}} 层',
    addLayer: '添加一层',
    experts: '专家数',
    expertsHelp:
      '1 = 一个共享底层；2 或更多 = 把共享底层复制成相应数量的副本（专家），每个任务用自己学到的门控把它们混合起来（MMoE）',
    headHidden: '{{task}} 任务塔的隐藏单元数',
    embeddingSize: '嵌入维度',
    embeddingHelp: '0 = 自动（用于取值超过 50 个的类别列）',
    diagramNote: '页面顶部的网络结构图会随着你的修改即时重绘。',
    activations: {
      relu: 'ReLU',
      leakyRelu: 'Leaky ReLU（带泄漏的 ReLU）',
      elu: 'ELU（指数线性单元）',
      selu: 'SELU（缩放指数线性单元）',
      tanh: 'tanh（双曲正切）',
      sigmoid: 'sigmoid（S 型函数）',
      linear: '线性',
    },
  },
  trunk: {
    label: '共享底层各层',
    help: '每个共享全连接层的单元数，例如 128, 128',
  },
  optimiser: {
    summary: '优化器与正则化',
    optimizer: '优化器',
    kinds: {
      sgd: 'SGD',
      momentum: '带动量的 SGD',
      rmsprop: 'RMSProp',
      adam: 'Adam',
    },
    schedule: '学习率调度',
    schedules: {
      constant: '恒定',
      step: '阶梯衰减',
      exponential: '指数衰减',
      cosine: '余弦退火（带预热）',
    },
    decayEvery: '衰减间隔（轮）',
    decayFactor: '衰减系数',
    decayPerEpoch: '每轮衰减率',
    warmupEpochs: '预热轮数',
    cosineLength: '余弦周期长度（轮）',
    l1: 'L1 正则化',
    l2: 'L2 正则化',
    clipNorm: '梯度裁剪范数',
    regularisationHelp: '0 = 关闭。L1/L2 作用于共享底层和任务塔中全连接层的权重矩阵。',
    earlyStopping: '早停',
    monitor: '监控指标',
    monitorTotal: '验证集加权总损失',
    monitorTask: '{{task}} 的验证集损失',
    patience: '耐心轮数',
    earlyStoppingHelp:
      '连续这么多轮没有改善就停止训练，并恢复最佳一轮的权重。总损失按你设置的损失权重加权；若加权策略自行设定权重，则取各任务损失的简单求和（因为它的权重每轮都在变）。',
  },
  weighting: {
    label: '加权策略',
    strategies: {
      manual: '手动',
      equal: '等权',
      uncertainty: '不确定性加权（Kendall 等，2018）',
      dwa: 'DWA（Liu 等，2019）',
      gradnorm: 'GradNorm（Chen 等，2018）',
      pcgrad: 'PCGrad（Yu 等，2020）',
    },
    dwaTemperature: 'DWA 温度',
    gradNormAlpha: 'GradNorm 的 α',
    pcgradNote: '使用下方的损失权重；在共享底层上对相互冲突的任务梯度做投影。',
  },
  training: {
    batchSize: '批大小',
    seed: '随机种子',
    splitSeed: '划分种子',
    validationPercent: '验证集 %',
    testPercent: '测试集 %',
    split:
      '数据行：{{train}} % 训练集 · {{validation}} % 验证集（实时指标、早停）· {{test}} % 测试集（训练结束前不使用），以划分种子 {{seed}} 划分；“随机种子”决定初始权重、Dropout 和批次顺序。',
    splitStratified:
      '数据行：{{train}} % 训练集 · {{validation}} % 验证集（实时指标、早停）· {{test}} % 测试集（训练结束前不使用），以划分种子 {{seed}} 划分，并按第一个分类目标分层；“随机种子”决定初始权重、Dropout 和批次顺序。',
    epochTimingLabel: '每轮耗时',
    epochTiming:
      '第 {{epoch}} 轮：训练 {{train}} s；验证指标、绘图数据与梯度检查 {{evaluation}} s，占本轮的 {{share}} %。',
    memoryLabel: '训练线程内存',
    memory: 'TensorFlow.js 当前持有 {{tensors}} 个张量（{{megabytes}} MB）。',
    run: '{{parameters}} 个参数 · {{inputs}} 个输入特征 · 划分为 {{train}}/{{validation}}/{{test}} 行（训练/验证/测试）· 每轮 {{steps}} 步',
    runWithEmbeddings:
      '{{parameters}} 个参数 · {{inputs}} 个输入特征 · 嵌入：{{embeddings}} · 划分为 {{train}}/{{validation}}/{{test}} 行（训练/验证/测试）· 每轮 {{steps}} 步',
    embedding: '{{name}}（{{vocab}} 个 ID → {{dim}} 维）',
    listSeparator: '、',
  },
};
