/** 简体中文：引导课程的标题、目标、观察要点、步骤与检查。 */
import type { Translation } from '../../translation.ts';
import type { enLessons } from '../en/lessons.ts';

export const zhLessons: Translation<typeof enLessons> = {
  listHeading: '课程',
  listIntro: '结论已知的引导实验：点开任一课程，即把它的数据和设置载入实验场。',
  open: '打开课程：{{title}}',
  panel: '课程',
  close: '关闭课程',
  lookAt: '观察：',
  tryThis: '动手试试',
  check: '检查',
  seen: '已观察到',
  notYet: '尚未观察到',
  allDone: '所有检查均已通过。可以换一门课程，或改动某个设置，看看结论是否依然成立。',
  replaces: '打开课程会替换页面上当前的数据和训练。',
  replaceConfirm: '打开',
  cancel: '取消',
  relatedTasks: {
    title: '相关任务：共享带来收益',
    goal: '两个回归任务几乎由同一个隐藏方向生成（相关系数 0.9）：一个共享底层同时学习两者，比两个各自独立的网络学得更好。',
    lookAt: '两条损失曲线一同下降；随后看“共享”面板中的 Δm。',
    steps: {
      baselines: {
        try: '点击“训练”。训练结束后，在“共享”面板中点击“训练单任务基线”，读出 Δm。',
        seen: '相关系数为 {{correlation}} 时 Δm = +{{deltaM}} %：借助共享底层，每个任务都比单独训练时表现更好。',
        notSeen: '相关系数为 {{correlation}} 时 Δm = {{deltaM}} %：这次没有收益。请多训练几轮后再比较。',
      },
      unrelated: {
        try: '把样本数据的任务相关系数设为 0（页头的数据控件），再次训练，并重新训练单任务基线。',
        seen: 'Δm 从 {{high}} %（相关系数 {{highCorrelation}}）降到 {{low}} %（相关系数 {{lowCorrelation}}）：互不相关的任务从共享中获益更少。',
        notSeen: '相关系数 {{highCorrelation}} 时 Δm 为 {{high}} %，{{lowCorrelation}} 时为 {{low}} %：这次没有降低。',
      },
    },
  },
  conflict: {
    title: '冲突的任务会把共享底层往两边拉',
    goal: '两个任务的隐藏方向几乎相反（相关系数 −0.9），它们把共享权重往相反方向推：两者的梯度发生冲突。',
    lookAt: '“共享”面板中的梯度冲突表：余弦为负，说明两个任务在把共享底层往两边拉。',
    steps: {
      seeConflict: {
        try: '点击“训练”，观察“梯度冲突”中 y1 与 y2 的余弦相似度。',
        seen: '第 {{epoch}} 轮时 y1 与 y2 梯度的余弦为 {{cosine}}：它们在共享底层上发生了冲突。',
        notSeen: '目前最低的余弦为 {{cosine}}（第 {{epoch}} 轮）：尚未出现冲突。',
      },
      tryFix: {
        try: '点击“重置”，把“专家数”设为 4（MMoE），或把加权策略设为 PCGrad，然后重新训练。',
        seen: '使用 {{method}} 时验证损失最终为 {{fixed}}，而单一共享底层为 {{plain}}：让每个任务拥有自己的专家组合（或去掉梯度中相互冲突的分量）确实有帮助。',
        notSeen: '使用 {{method}} 时验证损失最终为 {{fixed}}，单一共享底层为 {{plain}}：这次没有改善，请训练更久一些。',
      },
    },
  },
  lossScales: {
    title: '损失尺度：大单位的任务会喧宾夺主',
    goal: '回归目标保留原始单位时（°C，平方后为 °C²），它的损失是其他任务的数百倍：在等权重下，共享底层几乎只在学这一个任务。',
    lookAt: '勾选“显示加权贡献”后的损失曲线，以及图下方的权重。',
    steps: {
      seeDomination: {
        try: '点击“训练”，在损失图中比较各任务的损失。',
        seen: '第一轮中 temp_max 占加权训练损失的 {{share}} %：其他任务几乎不起作用。',
        notSeen: '第一轮中 temp_max 占加权训练损失的 {{share}} %。',
      },
      uncertainty: {
        try: '在训练过程中（或训练前）把加权策略设为“不确定性加权”，观察权重的变化。',
        seen: '不确定性加权给 temp_max 的权重为 {{weight}}，低于其他任务的 {{others}}：它学到了各任务的损失尺度，使各任务重新均衡。',
        notSeen: 'temp_max 的权重为 {{weight}}，其他任务中最低为 {{others}}：还没有低于它们，请再训练一会儿。',
      },
    },
  },
  imbalance: {
    title: '正样本稀少：决策阈值与类别权重',
    goal: '只有约 4.5 % 的曝光被点击。模型的准确率可以很高，但在常用的 0.5 阈值下却找不到几次点击。',
    lookAt: '指标表中 clicked 的召回率与精确率，以及“诊断”面板（ROC 曲线与阈值）。',
    steps: {
      threshold: {
        try: '点击“训练”。训练结束后，在“诊断”面板把 clicked 的决策阈值调低到 0.2。',
        seen: '阈值为 {{threshold}} 时召回率从 {{recall05}} 升到 {{recall}}（精确率 {{precision05}} → {{precision}}）：降低阈值能找到更多点击，代价是更多误报。',
        notSeen: '阈值为 {{threshold}} 时召回率为 {{recall}}（0.5 时为 {{recall05}}）。',
      },
      classWeights: {
        try: '点击“重置”，在“数据”面板为 clicked 勾选“平衡类别”，然后重新训练。',
        seen: '使用平衡的类别权重后，clicked 在 0.5 阈值下的召回率从 {{plain}} 升到 {{balanced}}：稀有类别在损失中与常见类别同等重要了。',
        notSeen: '使用平衡的类别权重后，clicked 在 0.5 阈值下的召回率为 {{balanced}}（之前为 {{plain}}）。',
      },
    },
  },
  overfitting: {
    title: '过拟合与早停',
    goal: '在很少的数据上（这里是 2,000 行、100 个输入）长时间训练一个大网络，它会把训练样本死记硬背下来：训练损失持续下降，验证损失却远高于它，而且不再改善。',
    lookAt: '“结果”面板（“每轮损失”）中的训练损失与验证损失，以及进度行里的最佳轮次。',
    steps: {
      seeOverfit: {
        try: '点击“训练”，让 40 轮跑完。',
        seen: '第 {{epoch}} 轮时验证损失为 {{validation}}，是训练损失（{{training}}）的 {{ratio}} 倍；它在第 {{best}} 轮最低：网络已经过拟合。',
        notSeen: '第 {{epoch}} 轮时验证损失为 {{validation}}，训练损失为 {{training}}：还看不出明显的过拟合。',
      },
      earlyStop: {
        try: '点击“重置”，在“模型”面板的“优化器与正则化”中开启早停（耐心轮数 3），然后重新训练。',
        seen: '训练在第 {{epoch}} 轮提前停止，并恢复了最佳一轮（第 {{best}} 轮）的权重。',
      },
    },
  },
  singleVsMulti: {
    title: '单任务还是多任务？衡量 Δm',
    goal: 'Δm 把多任务模型与“每个任务一个网络、训练方式相同”的单任务基线相比：为正表示共享平均而言有帮助。',
    lookAt: '“共享”面板中的“单任务基线”表：每个任务的增益和 Δm。',
    steps: {
      baselines: {
        try: '点击“训练”；训练结束后点击“训练单任务基线”。',
        helped:
          'Δm = +{{deltaM}} %：共享平均而言有帮助。{{best}} 收益最大（{{bestGain}} %），{{worst}} 最小（{{worstGain}} %）。',
        hurt: 'Δm = {{deltaM}} %：共享平均而言有害。{{best}} 表现最好（{{bestGain}} %），{{worst}} 最差（{{worstGain}} %）。',
      },
      another: {
        try: '点击“重置”，修改模型（例如把专家数设为 4，或换一种加权策略），再训练一次并重新训练单任务基线。',
        seen: 'Δm 从 {{before}} % 变为 {{after}} %：这就是该改动对共享效果的影响。',
      },
    },
  },
};
