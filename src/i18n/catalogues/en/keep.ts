/** English strings of keeping work: saved runs, comparison, the model bundle, predictions. */
export const enKeep = {
  model: {
    heading: 'Predict with the model',
    inUseLabel: 'Model in use',
    none: 'No model yet: train one, or import a model bundle (the file Export model saves).',
    run: 'Model in use: the run trained here (epoch {{epoch}}; tasks {{tasks}}).',
    imported:
      'Model in use: {{file}}, imported (trained on {{dataset}} for {{epochs}} epochs; tasks {{tasks}}). Training a run here makes that run the model in use.',
    import: 'Import model',
    predict: 'Predict CSV',
    needs:
      'A file to predict needs the input columns {{columns}}; target columns may be absent, other columns are ignored.',
    importing: 'Reading the model bundle…',
    predicting: 'Predicting…',
  },
  predictions: {
    summaryLabel: 'Prediction summary',
    summary_one: 'Predicted {{count, number}} row of {{file}}.',
    summary_other: 'Predicted {{count, number}} rows of {{file}}.',
    ignored: 'Columns the model does not use, ignored: {{columns}}.',
    unseen_one: '{{column}}: {{count, number}} row has a category training never saw; it counts as "other".',
    unseen_other: '{{column}}: {{count, number}} rows have a category training never saw; they count as "other".',
    region: 'Predictions, scrollable',
    table: 'Predictions',
    caption: 'The first {{shown, number}} of {{rows, number}} rows; Download predictions writes them all.',
    download: 'Download predictions',
  },
} as const;
