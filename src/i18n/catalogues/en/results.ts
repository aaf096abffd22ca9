/** English strings of the results area (see ../../README.md for how keys are named). */
export const enResults = {
  /** Metric names: the `Task metrics` headers, chart options and comparison rows. */
  metrics: {
    loss: 'Loss',
    accuracy: 'Accuracy',
    precision: 'Precision',
    recall: 'Recall',
    f1: 'F1',
    auc: 'AUC',
    macroF1: 'Macro F1',
    mse: 'MSE',
    rmse: 'RMSE',
    mae: 'MAE',
    r2: 'R2',
  },
  taskKinds: {
    binary: 'binary',
    multiclass: 'multi-class',
    regression: 'regression',
  },
  /** A value that cannot be computed (e.g. precision with no positive prediction). */
  notAvailable: 'n/a',
  /** The accessible name of a scrolling box around a table. */
  scrolls: '{{label}} (scrolls)',
  task: 'Task',
  epochTooltip: 'epoch {{epoch}}',
  metricsTable: {
    heading: 'Validation metrics after epoch {{epoch}}',
    headingBest: 'Validation metrics after epoch {{epoch}} (the best epoch, whose weights were restored)',
    headingPending: 'Validation metrics (after the first epoch)',
    label: 'Task metrics',
    type: 'Type',
    chained: ' (× {{condition}}: p on every row)',
    note: "Loss is each task's training loss on the validation split: log loss (cross-entropy) for binary and multi-class tasks, MSE of the standardised target for regression. Regression metrics are in the target's own units; binary metrics call a row positive at score ≥ 0.5 (other thresholds: see Diagnostic plots).",
    terms: 'What the columns mean:',
    exportMetrics: 'Export metrics',
    exportMetricsNote:
      'CSV, one row per epoch, split, task and metric (columns epoch, step, split, task, metric, value); past 1,000 epochs, the latest 500 and a sample of the earlier ones.',
    exportModel: 'Export model',
    exportModelNote:
      'One JSON file: the network as a TensorFlow.js model.json with its weights, and the preprocessing and tasks needed to predict with it (Import model reads it back).',
    exportProject: 'Export PyTorch project',
    exportProjectNote:
      'A zip to retrace this run in PyTorch: train.py and its modules, the settings, preprocessing, split, initial weights and live changes, and these metrics to compare against (python3 train.py DATA.csv; see its README.md).',
    testHeading: 'Test metrics after epoch {{epoch}} (held-out split)',
    testHeadingPending: 'Test metrics (held-out split: measured when a run finishes, or now)',
    testLabel: 'Test metrics',
    evaluateTest: 'Evaluate test split',
    noTestRows: 'No rows are held out for testing (Test % is 0).',
  },
  lossPerEpoch: {
    latestOnly:
      'The latest {{shown}} of {{total}} epochs; Export metrics holds more (past 1,000 epochs, a sample of the earlier ones).',
    summary: 'Loss per epoch as a table',
    label: 'Loss per epoch',
    epoch: 'Epoch',
    taskTrain: '{{task}} (train)',
    weightedTotal: 'Weighted total (train)',
    seconds: 'Seconds',
    samplesPerSecond: 'Samples/s',
  },
  metricCurves: {
    label: 'Metric curves',
    caption:
      "Metric curves: each task's chosen metric after every epoch, on the validation split (solid); for the loss also on the training split (dashed), so over-fitting shows as a gap.",
    metricOf: 'Metric of {{task}}',
    lossTrainVsValidation: 'Loss (train vs validation)',
    validation: 'validation',
    training: 'training',
  },
  weights: {
    label: 'Weights',
    caption: "Weights: each task's loss weight by step.",
    stepTooltip: 'step {{step}}',
  },
  baselines: {
    sectionLabel: 'Single-task baselines',
    heading: 'Single-task vs multi-task',
    intro:
      'One separate network per task, with the same data, split, epochs, trunk, optimiser and early stopping. Compared on AUC (binary), accuracy (multi-class) and RMSE (regression); Δ is sign-corrected so that + always means the multi-task model is better, and Δm is its mean over the tasks.',
    train: 'Train single-task baselines',
    cancel: 'Cancel baselines',
    progressLabel: 'Baseline progress',
    progress: 'Training the {{task}} baseline: epoch {{epoch}} / {{epochs}} (task {{index}} of {{tasks}}).',
    testTableLabel: 'Test split: single vs multi-task',
    splits: {
      validation: 'validation',
      test: 'test',
    },
    metricOn: 'Metric ({{split}})',
    single: 'Single-task',
    multi: 'Multi-task',
    delta: 'Δ (better if +)',
    averageGain: 'Average relative gain',
    averageGainOn: 'Average relative gain on {{split}}',
    deltaM: 'Δm ({{split}}) = {{gain}}: {{verdict}} (up to {{epochs}} epochs each).',
    verdicts: {
      notDefined: 'not defined for these metrics',
      draw: 'no clear difference (under 1 %, within what another seed or split can change)',
      helps: 'sharing the trunk helps these tasks on average',
      hurts: 'sharing the trunk hurts these tasks on average',
    },
    curvesLabel: 'Baseline curves',
    curvesCaption:
      "Validation metric by epoch, per task: the multi-task model (solid, in the task's colour) and its single-task network (dashed, black); higher is better for AUC and accuracy, lower for RMSE.",
    lastEpoch: '{{task}} {{metric}} at the last epoch: multi-task {{multi}}, single-task {{single}}',
    listSeparator: '; ',
    end: '.',
    curveTitle: '{{task}}: {{metric}}',
    multiLine: 'multi-task',
    singleLine: 'single-task',
  },
} as const;
