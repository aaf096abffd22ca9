/** English strings of the diagnostics area (see ../../README.md for how keys are named). */
export const enDiagnostics = {
  plots: {
    heading: 'Diagnostic plots',
    split: 'Diagnostics split',
    optionValidation: 'Validation (epoch {{epoch}})',
    optionTest: 'Test (epoch {{epoch}})',
    optionTestPending: 'Test (not evaluated yet)',
    onValidation: 'the validation split (epoch {{epoch}})',
    onTest: 'the test split (epoch {{epoch}})',
  },
  roc: {
    label: 'ROC curve of {{task}}',
    caption:
      'ROC curve of {{task}} on {{split}}: AUC {{auc}} ({{positives}} positive, {{negatives}} negative rows{{leftOut}}). The dashed diagonal is a random guess; the ringed point is threshold {{threshold}}: true-positive rate {{tpr}} at false-positive rate {{fpr}}.',
    leftOut: '; {{rows}} rows with a non-finite score left out',
    falsePositiveRate: 'false-positive rate',
    truePositiveRate: 'true-positive rate',
    fprTooltip: 'FPR {{value}}',
    threshold: 'Decision threshold',
    thresholdOf: 'Decision threshold of {{task}}',
    thresholdMetrics: 'Threshold metrics of {{task}}',
    thresholdColumn: 'Threshold',
    tp: 'TP',
    fp: 'FP',
    tn: 'TN',
    fn: 'FN',
  },
  confusion: {
    label: 'Confusion matrix of {{task}}',
    caption:
      'Confusion matrix of {{task}} on {{split}}: rows are the actual class, columns the predicted class; each cell shows its count, shaded by its share of the row. {{correct}} of {{total}} rows on the diagonal (correct).',
    counts: 'Confusion counts of {{task}}',
    corner: 'Actual ↓ / predicted →',
    perClass: 'Per-class metrics of {{task}}',
    class: 'Class',
    support: 'Support',
  },
  regression: {
    scatterLabel: 'Predicted vs actual of {{task}}',
    scatterCaption:
      'Predicted vs actual {{task}} on {{split}} ({{shown}} of {{total}} rows shown): R² {{r2}}, RMSE {{rmse}}. Points on the dashed line are exact; above it the model over-predicts.',
    actual: 'actual',
    predicted: 'predicted',
    residualsLabel: 'Residuals of {{task}}',
    residualsCaption:
      'Residuals (actual − predicted) of {{task}} on {{split}}, {{total}} rows in {{bins}} bins from {{first}} to {{last}}; the tallest bin ({{peak}} rows) is centred at {{centre}}. A hump centred on 0 means no systematic bias.',
    residual: 'residual',
    rows: 'rows',
    residualTooltip: 'residual ≈ {{value}}',
  },
  conflict: {
    label: 'Gradient conflict',
    caption:
      "Gradient conflict after epoch {{epoch}}: cosine similarity of the tasks' gradients on the shared trunk. Negative = the tasks pull the shared layers in opposite directions.",
    captionExperts:
      "Gradient conflict after epoch {{epoch}}: cosine similarity of the tasks' gradients on the shared trunk (here: all the experts, which each task reaches through its gate). Negative = the tasks pull the shared layers in opposite directions.",
    tableLabel: 'Gradient cosine similarity',
    worstConflicts: 'Most in conflict: {{first}} and {{second}} ({{cosine}}): sharing the trunk costs them something.',
    worstAgrees: 'Most in conflict: {{first}} and {{second}} ({{cosine}}): no pair conflicts now.',
  },
  experts: {
    label: 'Expert usage',
    caption:
      "Expert usage after epoch {{epoch}}: each task's mean gate weight per expert, on the first 512 training rows (all of them if fewer). Tasks that lean on different experts share less of the network.",
    tableLabel: 'Gate weights by task',
    expert: 'Expert {{expert}}',
    sameExpert: 'Every task leans most on expert {{expert}}.',
    differentExperts: 'The tasks lean most on {{experts}} different experts.',
  },
} as const;
