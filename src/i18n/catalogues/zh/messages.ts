/** 简体中文：内核、Worker 与状态层给出的提示句（警告、问题、原因）。 */
import type { Translation } from '../../translation.ts';
import type { enMessages } from '../en/messages.ts';

export const zhMessages: Translation<typeof enMessages> = {
  sentenceSeparator: '',
  commaSeparator: '、',
  semicolonSeparator: '；',
  dotSeparator: ' · ',
  marks: {
    weighting: '加权策略：{{strategy}}',
    learningRate: '学习率 {{rate}}',
    weightTo: '{{task}} → {{weight}}',
    taskOn: '{{task}} 开启',
    taskOff: '{{task}} 关闭',
    strategies: {
      manual: '手动',
      equal: '等权',
      uncertainty: '不确定性加权',
      dwa: 'DWA',
      gradnorm: 'GradNorm',
      pcgrad: 'PCGrad',
    },
  },

  csv: {
    emptyFile: '文件是空的。请选择一个有表头行、且至少有一行数据的 CSV 文件。',
    noDataRows: '文件只有表头，没有数据行。请在表头下面至少加一行数据。',
    oneColumn:
      '文件只有一列。模型至少需要两列：一个输入列和一个目标列。如果文件用的是别的分隔符，请改用逗号、分号、制表符或 | 分隔各值后再保存。',
    oneColumnUndetectable:
      '文件只有一列（前几行的单元格数不一致，因此无法识别分隔符）。模型至少需要两列：一个输入列和一个目标列。如果文件用的是别的分隔符，请改用逗号、分号、制表符或 | 分隔各值后再保存。',
    binary:
      '这不是文本文件：其中含有二进制数据（NUL 字节），所以不是 CSV 文件。请把表格导出为 CSV（逗号分隔值）格式后再上传。',
    encoding: {
      utf16le: '按 UTF-16（小端序）读取',
      utf16be: '按 UTF-16（大端序）读取',
      windows1252: '不是有效的 UTF-8，因此按 Windows-1252（Latin-1）读取；请在预览中检查带重音的字母',
    },
    rows: {
      header: '表头',
      dataRow: '第 {{row}} 个数据行',
      count_other: '{{count, number}} 行',
      at_other: '{{count, number}} 行（数据行 {{list}}）',
      atRows_other: '{{count, number}} 行（数据行 {{list}}）',
      firstAt_other: '{{count, number}} 行（最先出现在数据行 {{list}}）',
      firstAtRows_other: '{{count, number}} 行（最先出现在数据行 {{list}}）',
      theHeader: '表头',
    },
    lines: {
      next: '下一行',
      afterIt: '其后的 {{lines, number}} 行',
      afterFirst: '第一处之后的 {{lines, number}} 行',
    },
    cellAt: '第 {{row}} 行：{{cell}}',
    action: {
      missingQuotes: '该引号按普通字符读取',
      invalidQuotes: '该引号保留为文本',
      undetectableDelimiter: '按逗号分隔读取',
      tooFewFields: '用缺失值补齐',
      tooManyFields: '多出的单元格已丢弃',
      blankRows: '已丢弃',
      renamedHeaders: '已重命名',
      readAsNumbers: '按数值读取',
      readAsMissing: '按缺失值读取',
      readAsCategories: '按类别读取',
    },
    unterminatedQuote_other:
      '{{rows}}有一个始终没有闭合的引号（"），本会把{{lines}}并进同一个单元格：引号已按普通字符读取',
    invalidQuote_other: '{{rows}}在带引号的单元格内有未双写转义的引号：已保留为文本',
    invalidQuoteMerged_other: '{{rows}}在带引号的单元格内有未双写转义的引号：已保留为文本，且{{lines}}并进了该单元格',
    undetectableDelimiter: '前几行的单元格数不一致，因此无法识别分隔符：文件已按逗号分隔读取',
    tooFewFields_other: '{{rows}}的单元格比表头少：已用缺失值补齐',
    tooManyFields_other: '{{rows}}的单元格比表头多：多出的单元格已丢弃',
    blankRows_other: '已丢弃 {{count, number}} 个空行',
    blankRowsAfterHeader_other: '已丢弃 {{count, number}} 个空行（第一个紧跟在表头之后）',
    blankRowsAfterRow_other: '已丢弃 {{count, number}} 个空行（第一个在第 {{row}} 个数据行之后）',
    renamedHeaders_other: '已重命名 {{count, number}} 个表头：{{renames}}',
    renamed: '{{from}} → {{to}}',
    decimalComma_other:
      '{{column}}：{{count, number}} 个单元格使用小数逗号（{{cells}}），已按数值读取（{{example}} = {{value}}）',
    nonFinite_other: '{{column}}：{{count, number}} 个单元格为无穷大或超出数值范围（{{cells}}）：已按缺失值读取',
    nearNumeric_other:
      '{{column}} 除 {{count, number}} 个单元格外都是数值（{{cells}}）：这些单元格已按缺失值读取；如果它们本应有值，请在文件中改正',
    mostlyNumeric_other:
      '{{column}} 中 {{percent}}% 是数值，但有 {{count, number}} 个单元格是文本（{{cells}}），因此整列按类别读取；若要把它当作数值使用，请在文件中改正这些单元格',
    alertRow: '{{problems}}。请在文件中检查这一行；数据集概览列出了全部问题。',
    alertRows: '{{problems}}。请在文件中检查这些行；数据集概览列出了全部问题。',
  },

  load: {
    tooLarge: '“{{name}}”大小为 {{size}} MB，上限是 {{limit}} MB。请改用文件的一部分（例如它的前若干行）。',
    outOfMemory: '文件太大，本标签页的内存装不下。请改用文件的一部分。',
    fetchFailed: '无法加载 {{url}}（HTTP {{status}}）。',
  },

  data: {
    noTarget: '没有任何列是目标列。请至少把一列的角色设为二分类目标、多分类目标或回归目标。',
    noInput: '没有剩下可作输入的列。请至少把一个非目标列的角色设为输入。',
    tooFewRows: '数据表的行数太少，无法划分出训练集和验证集。请使用至少有 10 行的文件。',
    noInputValues: '没有任何输入列含有可供学习的值。请至少把一个有值的列设为输入。',
    split:
      '验证集 {{validation}} % 加测试集 {{test}} % 留给训练的太少：验证集至少要 1 %，验证集与测试集合计不超过 {{max}} %。',
    targetEmpty: '目标列“{{name}}”没有任何值。请换一个目标列。',
    regressionNotNumeric: '目标列“{{name}}”不是数值列，不能作回归目标。请把它设为二分类目标或多分类目标。',
    oneClass: '目标列“{{name}}”只有一个类别（“{{label}}”）。分类目标至少需要两个类别。',
    notBinary: '目标列“{{name}}”有 {{classes}} 个不同的值，不能作二分类目标。请把它设为多分类目标。',
    tooManyClasses:
      '目标列“{{name}}”有 {{classes}} 个类别，上限是 {{limit}} 个。请选择类别更少的列；如果它是数值列，也可以设为回归目标。',
    chainNotBinary:
      '“{{name}}”只能串联到另一个二分类目标上，而“{{condition}}”不是。请把两者都设为二分类目标，或取消“{{name}}”的串联。',
    chainOfChain: '“{{name}}”串联到了“{{condition}}”，而后者本身也是串联的。请把两者都串联到同一个首个任务上。',
  },

  settings: {
    labels: {
      epochs: '轮数',
      standardizeTargets: '标准化回归目标',
      runUntilPaused: '一直训练到暂停',
      maxStepsPerSecond: '速度上限',
      batchSize: '批大小',
      learningRate: '学习率',
      seed: '随机种子',
      splitSeed: '划分种子',
      validationPercent: '验证集 %',
      testPercent: '测试集 %',
      trunk: '共享底层',
      experts: '专家数',
      headHidden: '任务塔的隐藏单元数',
      embeddingDim: '嵌入维度',
      optimizer: '优化器',
      schedule: '学习率调度',
      l1: 'L1',
      l2: 'L2',
      clipNorm: '梯度裁剪范数',
      weighting: '加权策略',
      earlyStopping: '早停',
    },
    field: '{{label}}：{{field}}',
    item: '{{label}} 第 {{index}} 项',
    ofColumn: '列 {{column}} 的{{label}}',
    notNumber: '{{label}}必须是数字。',
    notWhole: '{{label}}必须是整数。',
    outOfRange: '{{label}}必须在 {{min}} 到 {{max}} 之间。',
    notOneOf: '{{label}}必须是 {{choices}} 之一。',
    notOnOff: '{{label}}只能是开或关。',
    notRecord: '{{label}}必须是一组取值。',
    notList: '{{label}}必须是一个列表。',
    listLength: '{{label}}必须有 {{min}} 到 {{max}} 项。',
    notMap: '{{label}}必须是按列给出的一组取值。',
    tooManyEntries: '{{label}}的条目太多。',
    invalidColumn: '{{label}}中有无效的列名。',
    speedLimit: '{{label}}必须为 0（不限速）或至少每秒 0.1 步。',
    monitor: '{{label}}必须是“total”或某个任务的名称。',
    unreadable: '无法读取这些设置；已改用默认值。',
    defaultUsed: '{{problem}}已改用默认值。',
    split: '验证集 % 与测试集 % 合计必须至少留出 {{min}} % 的行用于训练。',
    defaultSplitUsed: '{{problem}}已改用默认的划分。',
    linkVersion: '此链接由另一版本的应用生成（格式 {{version}}）；其中的设置已逐项检查。',
    linkTooLong: '链接中的{{label}}过长，不是有效的设置值。已改用默认值。',
    linkUnreadable: '链接中的{{label}}无法读取。已改用默认值。',
  },

  worker: {
    noModel: '还没有训练好的模型。请先点击“训练”。',
    noDataset: '尚未加载数据集。请选择一个样本数据集，或上传 CSV 文件。',
    noRunToChange: '还没有可修改的训练。请先点击“训练”。',
    noBestEpoch: '没有更早的最佳轮次可恢复：模型已经是最佳轮次的权重，或早停未开启。',
    divergedTask:
      '训练发散：“{{task}}”的损失在第 {{step}} 步变成了 NaN 或无穷大，训练已停止。已恢复最后一组正常的权重（第 {{restoredStep}} 步）。请调低学习率（或开启梯度裁剪），然后点击“训练”。',
    divergedTotal:
      '训练发散：加权总损失在第 {{step}} 步变成了 NaN 或无穷大，训练已停止。已恢复最后一组正常的权重（第 {{restoredStep}} 步）。请调低学习率（或开启梯度裁剪），然后点击“训练”。',
    baselinesNeedRun: '请先训练多任务模型：单任务基线要沿用它的数据、划分、轮数和共享底层。',
    baselineDiverged: '{{task}}的单任务网络发散了；请调低学习率后重试。',
    aTask: '某个任务',
    exportFailed: '无法保存模型。',
    unexpected: '出错了：{{detail}}',
    crashed: '训练 Worker 出错：{{detail}}。请重新加载页面以重新开始。',
    unknownError: '未知错误',
    restarted:
      '训练引擎停止响应（崩溃或 GPU 丢失），已重新启动。数据表已重新加载；保存在这个浏览器中的训练会在最后保存的轮次重新打开：点击“训练”即可继续。',
  },

  bundle: {
    notJson: '这个文件不是模型包：它不是 JSON。请选择“导出模型”保存的文件。',
    notBundle: '这个文件不是 MTL Playground 的模型包。请选择“导出模型”保存的文件。',
    newer: '这个模型包由更新版本的应用生成（格式 {{version}}）。请重新加载页面以使用最新版本，然后再导入。',
    noNetwork: '模型包中没有可读取的网络。请重新导出模型。',
    noWeights: '模型包中没有可读取的权重。请重新导出模型。',
    weightsSize:
      '模型包的权重有 {{actual}} 字节，而它的网络需要 {{expected}} 字节：文件已损坏或不完整。请重新导出模型。',
    dtype: '模型包中的权重类型为 {{dtype}}；只能读取 float32 权重。',
    noPreprocessing: '模型包的预处理信息（列、类别、缩放或任务）无法读取。请重新导出模型。',
    inconsistent: '模型包的网络与它的预处理信息不一致（输入或任务不同）。请重新导出模型。',
    tooLarge: '这个模型包有 {{size}} MB；上限是 {{limit}} MB。',
    modelRefused: 'TensorFlow.js 无法构建模型包中的网络：{{detail}}',
    noModel: '还没有可用的模型。请先训练一个模型，或导入模型包。',
    noRun: '还没有可导出为 PyTorch 项目的训练（导入的模型没有训练过程）。请先点击“训练”。',
  },

  runs: {
    quota:
      '浏览器已没有空间保存这次训练（存储配额已满）。之前保存的训练完好无损；请在“训练记录”中删除一些，以便保存新的训练。训练会继续进行。',
    saveFailed: '无法在浏览器中保存这次训练：{{detail}}。之前保存的训练完好无损。',
    missing: '这次保存的训练已不在浏览器中（也许在另一个标签页中被删除了）。',
    settingsProblems: '保存的训练：{{problems}}',
    otherTable_other:
      '这次训练使用的是 {{name}}（{{count, number}} 行）。请先加载该文件（上传 CSV），再重新打开这次训练。',
    weightsMismatch: '保存的权重与这些设置构建的网络不匹配，因此无法继续这次训练。',
  },

  predict: {
    missingColumns_other: '文件缺少模型需要的 {{count}} 个输入列：{{columns}}。',
  },

  patch: {
    unreadable: '无法读取这项修改。',
    redefines: '{{label}}会定义一个新网络，因此在当前训练存在期间不能修改。请先重置（或确认这项修改），再重新训练。',
    notLive: '“{{key}}”不是训练期间可以修改的设置。',
    weights: '需要 {{tasks}} 个有限且非负的任务权重。',
    switches: '需要 {{tasks}} 个任务开关（开或关）。',
    monitor: '早停只能监控总损失或某一个任务。',
  },

  backend: {
    chosen: '手动选择：{{backend}}。',
    autoWebGpu: '自动：{{probe}}；使用 webgpu。',
    using: '{{why}}；使用 {{backend}}。',
    usingAfterFailures: '{{why}}；使用 {{backend}}（{{failed}} 未能启动）。',
    autoFailed: '自动：{{probe}}，但未能启动',
    autoCpuFaster: '自动：{{probe}}，因此 CPU 上的后端更快',
    fellBack: '{{choice}} 在这里未能启动，因此改用了其他后端',
    noneStarted: '此浏览器中没有任何 TensorFlow.js 计算后端能够启动。',
    probe: {
      noWebGpu: '此浏览器不支持 WebGPU（没有 navigator.gpu）',
      noAdapter: 'WebGPU 在这里没有可用的适配器',
      software: 'WebGPU 适配器（{{adapter}}）是软件模拟的后备实现',
      hardware: 'WebGPU 适配器 {{adapter}}',
      failed: 'WebGPU 未能提供适配器（{{error}}）',
      unknownAdapter: '未知适配器',
    },
  },

  engine: {
    names: { wasm: '融合 WASM SIMD 引擎', webgpu: '融合 WebGPU 引擎' },
    strategyNames: { gradnorm: 'GradNorm', pcgrad: 'PCGrad' },
    chosenTfjs: '训练引擎：TensorFlow.js（手动选择）。',
    chosenFused: '训练引擎：{{engine}}（手动选择）。',
    autoFused: '训练引擎：{{engine}}，在此模型上是 TensorFlow.js 速度的 {{ratio}} 倍（自动模式各计时 {{steps}} 步）。',
    autoTfjs: '训练引擎：TensorFlow.js，在此模型上是{{engine}}速度的 {{ratio}} 倍（自动模式各计时 {{steps}} 步）。',
    notCovered: '训练引擎：TensorFlow.js：{{why}}。',
    failed: '训练引擎：TensorFlow.js：{{engine}}未能启动（{{error}}）。',
    strategyOnTfjs:
      '使用 {{strategy}} 加权任务时，由 TensorFlow.js 执行训练步（它需要对每个任务分别反向传播）；切换回手动、等权、不确定性或 DWA 后，{{engine}}会重新接管。',
    lost: '{{engine}}已停止（{{reason}}）；训练改由 TensorFlow.js 从第 {{step}} 步的权重继续。',
    unsupported: {
      experts: '融合引擎不支持专家混合（MMoE）',
      embeddings: '融合引擎不支持嵌入列',
      chained: '融合引擎不支持链式任务',
      noInputs: '网络没有稠密输入',
      strategy: '融合引擎不支持 {{strategy}}',
    },
  },
};
