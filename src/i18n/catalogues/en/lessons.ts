/** English texts of the guided lessons: each lesson's title, goal, what to look at, steps and checks. */
export const enLessons = {
  listHeading: 'Lessons',
  listIntro: 'Guided experiments with a known answer: each opens its data and settings in the playground.',
  open: 'Open lesson: {{title}}',
  panel: 'Lesson',
  close: 'Close lesson',
  lookAt: 'Look at:',
  tryThis: 'Try this',
  check: 'Check',
  seen: 'Seen',
  notYet: 'Not seen yet',
  allDone: 'All checks passed. Try another lesson, or change a setting and see whether the result still holds.',
  replaces: 'Opening a lesson replaces the data and the run on the page.',
  replaceConfirm: 'Open it',
  cancel: 'Cancel',
  relatedTasks: {
    title: 'Sharing helps related tasks',
    goal: 'Two regression tasks built from almost the same hidden direction (correlation 0.9): one shared trunk learns both better than two separate networks.',
    lookAt: 'the two loss curves falling together, then Δm in the Sharing panel.',
    steps: {
      baselines: {
        try: 'Press Train. When it is done, press "Train single-task baselines" in the Sharing panel and read Δm.',
        seen: 'Δm = +{{deltaM}} % at correlation {{correlation}}: each task did better with the shared trunk than on its own.',
        notSeen:
          'Δm = {{deltaM}} % at correlation {{correlation}}: no gain this time. Train for more epochs and compare again.',
      },
      unrelated: {
        try: 'Set the task correlation of the sample to 0 (the Data controls in the header), Train again and train the baselines again.',
        seen: 'Δm fell from {{high}} % (correlation {{highCorrelation}}) to {{low}} % (correlation {{lowCorrelation}}): unrelated tasks gain less from sharing.',
        notSeen:
          'Δm was {{high}} % at correlation {{highCorrelation}} and {{low}} % at {{lowCorrelation}}: not lower this time.',
      },
    },
  },
  conflict: {
    title: 'Conflicting tasks pull the trunk apart',
    goal: 'Two tasks whose hidden directions point almost opposite ways (correlation −0.9) push the shared weights in opposite directions: their gradients conflict.',
    lookAt:
      'the gradient-conflict table in the Sharing panel: a negative cosine means the two tasks pull the trunk apart.',
    steps: {
      seeConflict: {
        try: 'Press Train and watch the cosine of y1 and y2 in "Gradient conflict".',
        seen: 'The gradients of y1 and y2 had a cosine of {{cosine}} at epoch {{epoch}}: they conflict on the shared trunk.',
        notSeen: 'The lowest cosine so far is {{cosine}} (epoch {{epoch}}): no conflict yet.',
      },
      tryFix: {
        try: 'Press Reset, set Experts to 4 (MMoE) or Weighting to PCGrad, and Train again.',
        seen: 'With {{method}} the validation loss ends at {{fixed}}, against {{plain}} with one shared trunk: giving each task its own mix of experts (or removing the conflicting part of the gradients) helps.',
        notSeen:
          'With {{method}} the validation loss ends at {{fixed}}, against {{plain}} with one shared trunk: no better this time; train longer.',
      },
    },
  },
  lossScales: {
    title: 'Loss scales: a task in large units takes over',
    goal: 'With the regression target left in its own units (°C, squared), its loss is hundreds of times the others: with equal weights the trunk learns almost only that task.',
    lookAt: 'the loss curves with "Weighted" contributions, and the weights under the chart.',
    steps: {
      seeDomination: {
        try: 'Press Train and compare the tasks’ losses in the loss chart.',
        seen: 'temp_max made {{share}} % of the weighted training loss in the first epoch: the other tasks barely count.',
        notSeen: 'temp_max made {{share}} % of the weighted training loss in the first epoch.',
      },
      uncertainty: {
        try: 'Set Weighting to Uncertainty while it trains (or before Train) and watch the weights move.',
        seen: 'Uncertainty weighting gave temp_max a weight of {{weight}}, below the others’ {{others}}: it learned the scales and evened out the tasks.',
        notSeen:
          'temp_max’s weight is {{weight}}, the others’ lowest {{others}}: not below them yet; let it train longer.',
      },
    },
  },
  imbalance: {
    title: 'Rare positives: threshold and class weights',
    goal: 'Only about 4.5 % of impressions are clicked. A model can be accurate and still find few clicks at the usual 0.5 threshold.',
    lookAt:
      'recall and precision of clicked in the metrics table and in the Diagnostics panel (ROC curve and threshold).',
    steps: {
      threshold: {
        try: 'Press Train. When it is done, lower the decision threshold of clicked (Diagnostics panel) to 0.2.',
        seen: 'At threshold {{threshold}} recall rose from {{recall05}} to {{recall}} (precision {{precision05}} → {{precision}}): a lower threshold finds more clicks at the price of more false alarms.',
        notSeen: 'At threshold {{threshold}} recall is {{recall}} (it was {{recall05}} at 0.5).',
      },
      classWeights: {
        try: 'Press Reset, tick "Balance classes" for clicked (Data panel), and Train again.',
        seen: 'With balanced class weights, recall of clicked at 0.5 went from {{plain}} to {{balanced}}: the rare class now counts as much as the common one in the loss.',
        notSeen: 'With balanced class weights, recall of clicked at 0.5 is {{balanced}} (it was {{plain}}).',
      },
    },
  },
  overfitting: {
    title: 'Over-fitting and early stopping',
    goal: 'A large network trained long on few rows (here 2,000 rows with 100 inputs) learns the training rows by heart: the training loss keeps falling while the validation loss stays far above it and stops improving.',
    lookAt: 'the training and validation losses in Results ("Loss per epoch") and the best epoch in the progress line.',
    steps: {
      seeOverfit: {
        try: 'Press Train and let the 40 epochs run.',
        seen: 'At epoch {{epoch}} the validation loss is {{validation}}, {{ratio}}× the training loss ({{training}}); it was lowest at epoch {{best}}: the network has over-fitted.',
        notSeen:
          'At epoch {{epoch}} the validation loss is {{validation}} and the training loss {{training}}: not clearly over-fitted yet.',
      },
      earlyStop: {
        try: 'Press Reset, turn on Early stopping with patience 3 (Model panel, “Optimiser and regularisation”) and Train again.',
        seen: 'Training stopped early at epoch {{epoch}} and the weights of the best epoch ({{best}}) were restored.',
      },
    },
  },
  singleVsMulti: {
    title: 'Single-task or multi-task? Measuring Δm',
    goal: 'Δm compares the multi-task model with one network per task, trained the same way: positive means sharing helped on average.',
    lookAt: 'the table "Single-task baselines" in the Sharing panel: each task’s gain and Δm.',
    steps: {
      baselines: {
        try: 'Press Train; when it is done, press "Train single-task baselines".',
        helped:
          'Δm = +{{deltaM}} %: sharing helped on average. {{best}} gained most ({{bestGain}} %), {{worst}} least ({{worstGain}} %).',
        hurt: 'Δm = {{deltaM}} %: sharing hurt on average. {{best}} fared best ({{bestGain}} %), {{worst}} worst ({{worstGain}} %).',
      },
      another: {
        try: 'Press Reset, change the model (e.g. Experts to 4, or another Weighting), Train and train the baselines again.',
        seen: 'Δm went from {{before}} % to {{after}} %: that is how much the change mattered for sharing.',
      },
    },
  },
} as const;
