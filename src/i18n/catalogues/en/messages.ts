/**
 * English sentences the core, the worker and the store say (alerts, problems, reasons), keyed by
 * where they come from: `messages.<source>.<what>`. They are built in src/core and src/worker as
 * `Message`s (src/core/messages/message.ts) and rendered by src/i18n/renderMessage.ts.
 */
export const enMessages = {
  /** Between messages said together. */
  sentenceSeparator: ' ',
  /** Between the items of a list ("data rows 2, 4, 9"). */
  commaSeparator: ', ',
  /** Between clauses said in one sentence (the parse alert's problems). */
  semicolonSeparator: '; ',
  /** Between short items side by side (the markers on the loss chart). */
  dotSeparator: ' · ',
  marks: {
    weighting: 'Weighting: {{strategy}}',
    learningRate: 'Learning rate {{rate}}',
    weightTo: '{{task}} → {{weight}}',
    taskOn: '{{task}} on',
    taskOff: '{{task}} off',
    strategies: {
      manual: 'Manual',
      equal: 'Equal',
      uncertainty: 'Uncertainty',
      dwa: 'DWA',
      gradnorm: 'GradNorm',
      pcgrad: 'PCGrad',
    },
  },

  /** Reading a file: src/core/csv. */
  csv: {
    emptyFile: 'The file is empty. Choose a CSV file with a header row and at least one data row.',
    noDataRows: 'The file has a header but no data rows. Add at least one row of values below the header.',
    oneColumn:
      'The file has only one column. A model needs at least two: an input and a target. If your file uses another separator, save it with commas, semicolons, tabs or | between values.',
    oneColumnUndetectable:
      'The file has only one column (its first rows differ in their numbers of cells, so the separator could not be detected). A model needs at least two: an input and a target. If your file uses another separator, save it with commas, semicolons, tabs or | between values.',
    binary:
      'This file is not text: it contains binary data (NUL bytes), so it is not a CSV file. Export your table as CSV (comma-separated values) and upload that.',
    /** The file's encoding, when it was not plain UTF-8 (a note of the dataset summary). */
    encoding: {
      utf16le: 'read as UTF-16 (little-endian)',
      utf16be: 'read as UTF-16 (big-endian)',
      windows1252: 'not valid UTF-8, so it was read as Windows-1252 (Latin-1); check accented letters in the preview',
    },
    /** Where a problem is: "Data row 4", "The header", "12 rows (first at data rows 4, 9, 17, 20, 31)". */
    rows: {
      header: 'The header',
      dataRow: 'Data row {{row}}',
      count_one: '{{count, number}} row',
      count_other: '{{count, number}} rows',
      at_one: '{{count, number}} row (data row {{list}})',
      at_other: '{{count, number}} rows (data row {{list}})',
      atRows_one: '{{count, number}} row (data rows {{list}})',
      atRows_other: '{{count, number}} rows (data rows {{list}})',
      firstAt_one: '{{count, number}} row (first at data row {{list}})',
      firstAt_other: '{{count, number}} rows (first at data row {{list}})',
      firstAtRows_one: '{{count, number}} row (first at data rows {{list}})',
      firstAtRows_other: '{{count, number}} rows (first at data rows {{list}})',
      /** In a list of row numbers, the header (row 0). */
      theHeader: 'the header',
    },
    /** How many lines a quote problem ran into one cell. */
    lines: {
      next: 'the next line',
      afterIt: 'the {{lines, number}} lines after it',
      afterFirst: 'the {{lines, number}} lines after the first',
    },
    /** One offending cell of a column: `row 8: "12,5"`. */
    cellAt: 'row {{row}}: {{cell}}',
    /** What was done about each kind of problem, as a short phrase. */
    action: {
      missingQuotes: 'the quote was read as a plain character',
      invalidQuotes: 'the quote was kept as text',
      undetectableDelimiter: 'read with commas',
      tooFewFields: 'padded with missing cells',
      tooManyFields: 'extra cells dropped',
      blankRows: 'dropped',
      renamedHeaders: 'renamed',
      readAsNumbers: 'read as numbers',
      readAsMissing: 'read as missing',
      readAsCategories: 'read as categories',
    },
    unterminatedQuote_one:
      '{{rows}} opens a quote (") that never closes, which would have merged {{lines}} into one cell: the quote was read as a plain character',
    unterminatedQuote_other:
      '{{rows}} open a quote (") that never closes, which would have merged {{lines}} into one cell: each was read as a plain character',
    invalidQuote_one: '{{rows}} has a quote inside a quoted cell that is not doubled: kept as text',
    invalidQuote_other: '{{rows}} have a quote inside a quoted cell that is not doubled: kept as text',
    invalidQuoteMerged_one:
      '{{rows}} has a quote inside a quoted cell that is not doubled: kept as text, and {{lines}} ran into that cell',
    invalidQuoteMerged_other:
      '{{rows}} have a quote inside a quoted cell that is not doubled: kept as text, and {{lines}} ran into that cell',
    undetectableDelimiter:
      'The first rows differ in their numbers of cells, so the separator could not be detected: the file was read with commas',
    tooFewFields_one: '{{rows}} has fewer cells than the header: padded with missing cells',
    tooFewFields_other: '{{rows}} have fewer cells than the header: padded with missing cells',
    tooManyFields_one: '{{rows}} has more cells than the header: the extra cells were dropped',
    tooManyFields_other: '{{rows}} have more cells than the header: the extra cells were dropped',
    blankRows_one: '{{count, number}} blank row dropped',
    blankRows_other: '{{count, number}} blank rows dropped',
    blankRowsAfterHeader_one: '{{count, number}} blank row dropped (the first right after the header)',
    blankRowsAfterHeader_other: '{{count, number}} blank rows dropped (the first right after the header)',
    blankRowsAfterRow_one: '{{count, number}} blank row dropped (the first after data row {{row}})',
    blankRowsAfterRow_other: '{{count, number}} blank rows dropped (the first after data row {{row}})',
    renamedHeaders_one: '{{count, number}} header renamed: {{renames}}',
    renamedHeaders_other: '{{count, number}} headers renamed: {{renames}}',
    /** One renamed header: `"" → "column_2"`. */
    renamed: '{{from}} → {{to}}',
    decimalComma_one:
      '{{column}}: {{count, number}} cell with a decimal comma ({{cells}}) read as numbers ({{example}} = {{value}})',
    decimalComma_other:
      '{{column}}: {{count, number}} cells with a decimal comma ({{cells}}) read as numbers ({{example}} = {{value}})',
    nonFinite_one:
      '{{column}}: {{count, number}} cell is infinite or too large for a number ({{cells}}): read as missing',
    nonFinite_other:
      '{{column}}: {{count, number}} cells are infinite or too large for a number ({{cells}}): read as missing',
    nearNumeric_one:
      '{{column}} is numeric except {{count, number}} cell ({{cells}}): read as missing; fix them in the file if they hold values',
    nearNumeric_other:
      '{{column}} is numeric except {{count, number}} cells ({{cells}}): read as missing; fix them in the file if they hold values',
    mostlyNumeric_one:
      '{{column}} is {{percent}}% numbers, but {{count, number}} cell is text ({{cells}}), so it was read as categories; fix those cells in the file to use it as a number',
    mostlyNumeric_other:
      '{{column}} is {{percent}}% numbers, but {{count, number}} cells are text ({{cells}}), so it was read as categories; fix those cells in the file to use it as a number',
    /** The page's alert when rows were merged or cut beyond a few: the problems, then where to look. */
    alertRow: '{{problems}}. Check that row in the file; the dataset summary lists every problem.',
    alertRows: '{{problems}}. Check those rows in the file; the dataset summary lists every problem.',
  },

  /** Loading a table in the worker: src/worker/loadTable.ts. */
  load: {
    tooLarge:
      '"{{name}}" is {{size}} MB; the limit is {{limit}} MB. Use a sample of the file (for example its first rows).',
    outOfMemory: "The file is too large for this tab's memory. Use a sample of the file.",
    fetchFailed: 'Could not load {{url}} (HTTP {{status}}).',
  },

  /** Roles that make no trainable problem: src/core/data. */
  data: {
    noTarget: "No column is a target. Set at least one column's role to a Binary, Multi-class or Regression target.",
    noInput: "No column is left as an input. Set at least one non-target column's role to Input.",
    tooFewRows:
      'The table has too few rows to split into training and validation sets. Use a file with at least 10 rows.',
    noInputValues: 'No input column has any values to learn from. Set at least one column with values as Input.',
    split:
      'Validation {{validation}} % and test {{test}} % leave too little for training: keep validation at least 1 % and validation + test at most {{max}} %.',
    targetEmpty: 'The target "{{name}}" has no values. Choose another target column.',
    regressionNotNumeric:
      'The target "{{name}}" is not numeric, so it cannot be a regression target. Make it a Binary or Multi-class target.',
    oneClass: 'The target "{{name}}" has only one class ("{{label}}"). A classification target needs at least two.',
    notBinary:
      'The target "{{name}}" has {{classes}} distinct values, so it cannot be binary. Make it a Multi-class target.',
    tooManyClasses:
      'The target "{{name}}" has {{classes}} classes; the limit is {{limit}}. Choose a column with fewer classes, or make it a Regression target if it is numeric.',
    chainNotBinary:
      '"{{name}}" can only be chained to another binary target; "{{condition}}" is not one. Make both Binary targets, or unchain "{{name}}".',
    chainOfChain:
      '"{{name}}" is chained to "{{condition}}", which is chained itself. Chain both to the same first task.',
  },

  /** Checking settings from outside (a saved run, a share link, the page): src/core/settings. */
  settings: {
    /** The settings' names as sentences use them. */
    labels: {
      epochs: 'Epochs',
      standardizeTargets: 'Standardise regression targets',
      runUntilPaused: 'Run until paused',
      maxStepsPerSecond: 'Speed limit',
      batchSize: 'Batch size',
      learningRate: 'Learning rate',
      seed: 'Seed',
      splitSeed: 'Split seed',
      validationPercent: 'Validation %',
      testPercent: 'Test %',
      trunk: 'Trunk',
      experts: 'Experts',
      headHidden: 'Hidden units of the heads',
      embeddingDim: 'Embedding size',
      optimizer: 'Optimizer',
      schedule: 'Learning-rate schedule',
      l1: 'L1',
      l2: 'L2',
      clipNorm: 'Clip gradient norm',
      weighting: 'Weighting',
      earlyStopping: 'Early stopping',
    },
    /** A field of a structured setting ("Weighting: strategy"), an item of a list ("Trunk 2"), a column's value. */
    field: '{{label}}: {{field}}',
    item: '{{label}} {{index}}',
    ofColumn: '{{label}} of {{column}}',
    notNumber: '{{label}} must be a number.',
    notWhole: '{{label}} must be a whole number.',
    outOfRange: '{{label}} must be between {{min}} and {{max}}.',
    notOneOf: '{{label}} must be one of {{choices}}.',
    notOnOff: '{{label}} must be on or off.',
    notRecord: '{{label}} must be a set of values.',
    notList: '{{label}} must be a list.',
    listLength: '{{label}} must have {{min}} to {{max}} entries.',
    notMap: '{{label}} must be a set of values by column.',
    tooManyEntries: '{{label}} has too many entries.',
    invalidColumn: '{{label}} has an invalid column name.',
    speedLimit: '{{label}} must be 0 (none) or at least 0.1 steps per second.',
    monitor: '{{label}} must be "total" or a task\'s name.',
    unreadable: 'The settings were not readable; the defaults are used.',
    defaultUsed: '{{problem}} The default is used.',
    split: 'Validation % and Test % together must leave at least {{min}} % of the rows for training.',
    defaultSplitUsed: '{{problem}} The default split is used.',
    /** Settings read from a share link: src/core/settings/settingsUrl.ts. */
    linkVersion:
      'This link was made by another version of the app (format {{version}}); the settings it holds were checked one by one.',
    linkTooLong: '{{label}} in the link is too long to be a setting. The default is used.',
    linkUnreadable: '{{label}} in the link is not readable. The default is used.',
  },

  /** The worker's answers about runs: src/worker. */
  worker: {
    noModel: 'There is no trained model yet. Press Train first.',
    noDataset: 'No dataset is loaded yet. Pick a sample dataset or upload a CSV file.',
    noRunToChange: 'There is no run to change yet. Press Train first.',
    noBestEpoch: 'There is no earlier best epoch to restore: the model holds it already, or early stopping is off.',
    divergedTask:
      'Training diverged: the loss of "{{task}}" became NaN or infinite at step {{step}}, so training stopped. The last good weights (step {{restoredStep}}) were restored. Lower the learning rate (or turn on gradient clipping), then press Train.',
    divergedTotal:
      'Training diverged: the weighted total loss became NaN or infinite at step {{step}}, so training stopped. The last good weights (step {{restoredStep}}) were restored. Lower the learning rate (or turn on gradient clipping), then press Train.',
    baselinesNeedRun: 'Train the multi-task model first: the baselines use its data, split, epochs and trunk.',
    baselineDiverged: 'The single-task network for {{task}} diverged; lower the learning rate and try again.',
    aTask: 'a task',
    exportFailed: 'The model could not be saved.',
    /** An error nobody foresaw; its detail is the program's own (English) text. */
    unexpected: 'Something went wrong: {{detail}}',
    crashed: 'The training worker failed: {{detail}}. Reload the page to start again.',
    unknownError: 'unknown error',
    restarted:
      'The training engine stopped answering (it crashed, or the GPU was lost) and was restarted. The table is loaded again, and a run kept in this browser reopens at its last saved epoch: press Train to go on.',
  },

  /** Reading a model bundle (Import model): src/core/bundle/modelBundle.ts, src/worker/modelTools.ts. */
  bundle: {
    notJson: 'This file is not a model bundle: it is not JSON. Choose the file Export model saved.',
    notBundle: 'This file is not a model bundle of MTL Playground. Choose the file Export model saved.',
    newer:
      'This bundle was made by a newer version of the app (format {{version}}). Reload the page to get the newest version, then import it again.',
    noNetwork: 'The bundle holds no readable network. Export the model again.',
    noWeights: 'The bundle holds no readable weights. Export the model again.',
    weightsSize:
      "The bundle's weights are {{actual}} bytes where its network needs {{expected}}: the file is damaged or cut short. Export the model again.",
    dtype: 'The bundle holds weights of type {{dtype}}; only float32 weights can be read.',
    noPreprocessing:
      "The bundle's preprocessing (columns, categories, scales or tasks) is not readable. Export the model again.",
    inconsistent:
      "The bundle's network does not match its preprocessing (inputs or tasks differ). Export the model again.",
    tooLarge: 'This bundle is {{size}} MB; the limit is {{limit}} MB.',
    modelRefused: "TensorFlow.js could not build the bundle's network: {{detail}}",
    noModel: 'There is no model to use yet. Train one, or import a model bundle.',
    noRun: 'There is no run to export as a PyTorch project yet (an imported model has none). Press Train first.',
  },

  /** Saved runs: src/state/runKeeper.ts, src/state/runStorage.ts, src/worker/weightsData.ts. */
  runs: {
    quota:
      'The browser has no room left to keep this run (storage quota exceeded). The runs kept before are intact; delete some in Runs to keep new ones. Training goes on.',
    saveFailed: 'This run could not be kept in the browser: {{detail}}. The runs kept before are intact.',
    missing: 'This saved run is no longer in the browser (deleted in another tab?).',
    settingsProblems: 'The saved run: {{problems}}',
    otherTable_one:
      'This run was trained on {{name}} ({{count, number}} row). Load that file first (Upload CSV), then reopen the run.',
    otherTable_other:
      'This run was trained on {{name}} ({{count, number}} rows). Load that file first (Upload CSV), then reopen the run.',
    weightsMismatch: 'The saved weights do not fit the network these settings build, so the run cannot continue.',
  },

  /** Predictions on a new file: src/core/data/encodeNewRows.ts. */
  predict: {
    missingColumns_one: 'The file lacks {{count}} input column the model needs: {{columns}}.',
    missingColumns_other: 'The file lacks {{count}} input columns the model needs: {{columns}}.',
  },

  /** A live change the worker refused: src/worker/checkRunPatch.ts. */
  patch: {
    unreadable: 'The change was not readable.',
    redefines:
      '{{label}} defines a new network, so it cannot change while this run exists. Reset first (or confirm the change), then train again.',
    notLive: '"{{key}}" is not a setting that can change during a run.',
    weights: 'Expected {{tasks}} finite, non-negative task weights.',
    switches: 'Expected {{tasks}} task switches (on or off).',
    monitor: 'Early stopping must monitor the total or one of the tasks.',
  },

  /** Which compute backend runs and why (the Backend status): src/worker/selectBackend.ts. */
  backend: {
    chosen: 'Chosen: {{backend}}.',
    autoWebGpu: 'Auto: {{probe}}; using webgpu.',
    using: '{{why}}; using {{backend}}.',
    usingAfterFailures: '{{why}}; using {{backend}} ({{failed}} failed to start).',
    autoFailed: 'Auto: {{probe}} failed to start',
    autoCpuFaster: 'Auto: {{probe}}, so the CPU backends are faster',
    fellBack: '{{choice}} failed to start here, so it fell back',
    noneStarted: 'No TensorFlow.js backend could start in this browser.',
    /** What the WebGPU probe found. */
    probe: {
      noWebGpu: 'this browser has no WebGPU (navigator.gpu is missing)',
      noAdapter: 'WebGPU offers no adapter here',
      software: 'the WebGPU adapter ({{adapter}}) is a software fallback',
      hardware: 'WebGPU adapter {{adapter}}',
      failed: 'WebGPU failed to give an adapter ({{error}})',
      unknownAdapter: 'unknown adapter',
    },
  },

  /** Which engine takes the training steps and why (the Backend status): src/worker/selectEngine.ts. */
  engine: {
    names: { wasm: 'the fused WASM SIMD engine', webgpu: 'the fused WebGPU engine' },
    strategyNames: { gradnorm: 'GradNorm', pcgrad: 'PCGrad' },
    chosenTfjs: 'Training engine: TensorFlow.js (chosen).',
    chosenFused: 'Training engine: {{engine}} (chosen).',
    autoFused:
      'Training engine: {{engine}}, {{ratio}}× the speed of TensorFlow.js on this model (Auto timed {{steps}} steps of each).',
    autoTfjs:
      'Training engine: TensorFlow.js, {{ratio}}× the speed of {{engine}} on this model (Auto timed {{steps}} steps of each).',
    notCovered: 'Training engine: TensorFlow.js: {{why}}.',
    failed: 'Training engine: TensorFlow.js: {{engine}} could not start ({{error}}).',
    strategyOnTfjs:
      'While {{strategy}} weights the tasks, TensorFlow.js takes the steps (it needs a backward pass per task); {{engine}} takes them again under Manual, Equal, Uncertainty or DWA.',
    lost: '{{engine}} stopped ({{reason}}); training goes on with TensorFlow.js from the weights of step {{step}}.',
    unsupported: {
      experts: 'the fused engines do not cover experts (MMoE)',
      embeddings: 'the fused engines do not cover embedded columns',
      chained: 'the fused engines do not cover chained tasks',
      noInputs: 'the network has no dense inputs',
      strategy: 'the fused engines do not cover {{strategy}}',
    },
  },
} as const;
