/** English strings of the model area (see ../../README.md for how keys are named). */
export const enModel = {
  editor: {
    summary: 'Model',
    unitsOf: 'Units of layer {{layer}}',
    activationOf: 'Activation of layer {{layer}}',
    dropoutOf: 'Dropout of layer {{layer}}',
    removeLayer: 'Remove layer {{layer}}',
    addLayer: 'Add layer',
    experts: 'Experts',
    expertsHelp:
      '1 = one shared trunk; 2 or more = that many copies of the trunk (experts), mixed for each task by its own learned gate (MMoE)',
    headHidden: 'Hidden units of {{task}} head',
    embeddingSize: 'Embedding size',
    embeddingHelp: '0 = automatic (for categories with over 50 values)',
    diagramNote: 'The network diagram at the top of the page redraws as you edit.',
    activations: {
      relu: 'ReLU',
      leakyRelu: 'Leaky ReLU',
      elu: 'ELU',
      selu: 'SELU',
      tanh: 'tanh',
      sigmoid: 'sigmoid',
      linear: 'linear',
    },
  },
  trunk: {
    label: 'Trunk layers',
    help: 'units per shared dense layer, e.g. 128, 128',
  },
  optimiser: {
    summary: 'Optimiser and regularisation',
    optimizer: 'Optimizer',
    /** By optimiser kind (the English ones are the core's OPTIMIZER_LABELS). */
    kinds: {
      sgd: 'SGD',
      momentum: 'SGD with momentum',
      rmsprop: 'RMSProp',
      adam: 'Adam',
    },
    schedule: 'Learning-rate schedule',
    schedules: {
      constant: 'Constant',
      step: 'Step decay',
      exponential: 'Exponential decay',
      cosine: 'Cosine with warm-up',
    },
    decayEvery: 'Decay every (epochs)',
    decayFactor: 'Decay factor',
    decayPerEpoch: 'Decay per epoch',
    warmupEpochs: 'Warm-up epochs',
    cosineLength: 'Cosine length (epochs)',
    l1: 'L1',
    l2: 'L2',
    clipNorm: 'Clip gradient norm',
    regularisationHelp: '0 = off. L1/L2 apply to the dense kernels of trunk and heads.',
    earlyStopping: 'Early stopping',
    monitor: 'Monitor',
    monitorTotal: 'weighted total validation loss',
    monitorTask: 'validation loss of {{task}}',
    patience: 'Patience',
    earlyStoppingHelp:
      "Stops after this many epochs without improvement and restores the best epoch's weights. The total is weighted by your weights; under a strategy that sets the weights itself it is the plain sum of the task losses (its weights change every epoch).",
  },
  weighting: {
    label: 'Weighting',
    /** By strategy. */
    strategies: {
      manual: 'Manual',
      equal: 'Equal',
      uncertainty: 'Uncertainty (Kendall et al. 2018)',
      dwa: 'DWA (Liu et al. 2019)',
      gradnorm: 'GradNorm (Chen et al. 2018)',
      pcgrad: 'PCGrad (Yu et al. 2020)',
    },
    dwaTemperature: 'DWA temperature',
    gradNormAlpha: 'GradNorm alpha',
    pcgradNote: 'Uses the weights below; projects conflicting task gradients on the shared trunk.',
  },
  training: {
    batchSize: 'Batch size',
    seed: 'Seed',
    splitSeed: 'Split seed',
    validationPercent: 'Validation %',
    testPercent: 'Test %',
    split:
      'Rows: {{train}} % train · {{validation}} % validation (live metrics, early stopping) · {{test}} % test (held out until the run ends), split with seed {{seed}}; Seed sets the initial weights, dropout and batch order.',
    splitStratified:
      'Rows: {{train}} % train · {{validation}} % validation (live metrics, early stopping) · {{test}} % test (held out until the run ends), split with seed {{seed}}, stratified on the first classification target; Seed sets the initial weights, dropout and batch order.',
    epochTimingLabel: 'Epoch timing',
    epochTiming:
      'Epoch {{epoch}}: training {{train}} s; validation metrics, plot data and gradient check {{evaluation}} s = {{share}} % of the epoch.',
    memoryLabel: 'Worker memory',
    memory: 'TensorFlow.js holds {{tensors}} tensors ({{megabytes}} MB).',
    run: '{{parameters}} parameters · {{inputs}} input features · split {{train}}/{{validation}}/{{test}} rows (train/validation/test) · {{steps}} steps per epoch',
    runWithEmbeddings:
      '{{parameters}} parameters · {{inputs}} input features · embeddings: {{embeddings}} · split {{train}}/{{validation}}/{{test}} rows (train/validation/test) · {{steps}} steps per epoch',
    embedding: '{{name}} ({{vocab}} ids → {{dim}} dims)',
    listSeparator: ', ',
  },
} as const;
