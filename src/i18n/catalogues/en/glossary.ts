/** English strings of the glossary area (see ../../README.md for how keys are named). */
export const enGlossary = {
  about: 'About {{term}}',
  heading: 'Glossary',
  intro: 'The terms this page uses. Press the “?” beside a label to read one of them where it is, or filter the list.',
  filter: 'Filter terms',
  noMatch: 'No term matches “{{query}}”.',
  allTerms: 'All terms',
  terms: {
    multiTask: {
      name: 'multi-task learning',
      definition:
        'Training one network to predict several targets at once, so the tasks share what they learn. It helps when the tasks are related and hurts when they compete for the same shared weights.',
    },
    task: {
      name: 'task',
      definition:
        'One target column the network learns to predict: a binary, multi-class or regression target. Each task has its own head, loss and metrics.',
    },
    trunk: {
      name: 'trunk',
      definition:
        'The shared layers every task’s head reads from. Every task’s gradient updates the trunk, which is where tasks help or hinder one another.',
    },
    head: {
      name: 'head',
      definition:
        'A task’s own layers and output on top of the trunk: a sigmoid for a binary target, a softmax for a multi-class target, a linear unit for regression. Only its task’s loss trains it.',
    },
    lossWeight: {
      name: 'loss weight',
      definition:
        'How much a task’s loss counts in the weighted sum the trunk is trained on. Raising it makes the shared layers serve that task more, usually at some cost to the others.',
    },
    weighting: {
      name: 'weighting strategy',
      definition:
        'The rule that sets the loss weights: Manual (your sliders), Equal, or a method that adapts them while training (Uncertainty, GradNorm, DWA). PCGrad instead changes how the tasks’ gradients are combined.',
    },
    uncertainty: {
      name: 'uncertainty weighting',
      definition:
        'Kendall et al. (2018): each task learns a log-variance that scales its loss down when the task is noisy, plus a penalty that stops the variance from growing without end. Noisy or hard tasks end up with smaller weights.',
    },
    gradNorm: {
      name: 'GradNorm',
      definition:
        'Chen et al. (2018): adjusts the loss weights so that each task’s gradient norm on the shared layers stays balanced, giving more weight to tasks that train more slowly. Its α sets how strongly it pulls the rates together.',
    },
    dwa: {
      name: 'DWA (dynamic weight average)',
      definition:
        'Liu et al. (2019): weights each task by how fast its loss fell between the last two epochs, so a task whose loss falls more slowly gets more weight. A temperature T smooths the weights.',
    },
    pcgrad: {
      name: 'PCGrad',
      definition:
        'Yu et al. (2020), “projecting conflicting gradients”: when two tasks’ gradients on the shared layers conflict, each is projected onto the normal plane of the other, removing the conflicting component before they are added.',
    },
    gradientConflict: {
      name: 'gradient conflict',
      definition:
        'The cosine between two tasks’ gradients on the shared trunk. Near 1 they agree; a negative value means they pull the shared weights in opposite directions, so improving one task hurts the other.',
    },
    mmoe: {
      name: 'MMoE (multi-gate mixture of experts)',
      definition:
        'Ma et al. (2018): instead of one shared trunk, several expert sub-networks, and a gate per task that mixes their outputs for that task’s head. Tasks can then share some experts and keep others to themselves.',
    },
    expert: {
      name: 'expert',
      definition:
        'In MMoE, one of several sub-networks with the trunk’s layers, all reading the same inputs. Each task’s gate decides how much of each expert’s output it uses.',
    },
    gate: {
      name: 'gate',
      definition:
        'In MMoE, a small layer per task that looks at the input and outputs a softmax: one weight per expert, summing to 1. The task’s head receives the experts’ outputs mixed by these weights.',
    },
    chainedHead: {
      name: 'chained head',
      definition:
        'ESMM (Ma et al. 2018): a task observed only after another one (purchase after click) predicts its probability multiplied by that task’s: P(purchase) = P(click) · P(purchase | click). It is then learned on every row, not only the clicked ones.',
    },
    embedding: {
      name: 'embedding',
      definition:
        'A learned vector for each category of a categorical input column with many values. Similar categories can end up close together, and it needs far fewer numbers than one-hot encoding.',
    },
    oneHot: {
      name: 'one-hot encoding',
      definition:
        'Turning a category into a vector of zeros with a single 1 in that category’s slot. Simple and exact, but the vector grows with the number of categories.',
    },
    epoch: {
      name: 'epoch',
      definition:
        'One full pass over the training set. Training usually runs many epochs, with the rows shuffled each time.',
    },
    batch: {
      name: 'batch size',
      definition:
        'How many rows are used for each update of the weights. Small batches give noisier but more frequent steps; large ones give smoother steps and fewer of them per epoch.',
    },
    step: {
      name: 'step',
      definition:
        'One update of the weights from one batch: compute the losses, their gradients, and let the optimiser move the weights.',
    },
    learningRate: {
      name: 'learning rate',
      definition:
        'How far the optimiser moves the weights at each step. Too high and the loss jumps about or diverges; too low and training crawls.',
    },
    optimiser: {
      name: 'optimiser',
      definition:
        'The algorithm that turns gradients into weight updates: SGD, SGD with momentum (which keeps a running direction), RMSProp or Adam (which adapt the step per weight).',
    },
    dropout: {
      name: 'dropout',
      definition:
        'While training, randomly setting a fraction of a layer’s outputs to zero at each step. It keeps the network from relying on any single unit and so reduces overfitting.',
    },
    regularisation: {
      name: 'regularisation (L1 / L2)',
      definition:
        'A penalty on large weights added to the loss: L1 (sum of absolute values) pushes weights to exactly zero, L2 (sum of squares) shrinks them all. Both reduce overfitting.',
    },
    clipping: {
      name: 'gradient clipping',
      definition:
        'Scaling the gradient down whenever its norm exceeds a limit, so that one bad batch cannot throw the weights far off.',
    },
    validation: {
      name: 'validation set',
      definition:
        'The rows are split at random (by the split seed): the network learns from the training set, the validation set checks it during training (early stopping, curves), and the test set is kept for the final, unbiased score.',
    },
    overfitting: {
      name: 'overfitting',
      definition:
        'When the network learns the training rows’ noise rather than the pattern: the training loss keeps falling while the validation loss rises. A task can overfit while others still improve.',
    },
    earlyStopping: {
      name: 'early stopping',
      definition:
        'Stopping when the validation loss has not improved for a number of epochs (the patience), and restoring the weights of the best epoch.',
    },
    baseline: {
      name: 'single-task baseline',
      definition:
        'The same network trained on one task alone. Comparing the multi-task model with these baselines shows whether sharing helped each task or hurt it.',
    },
    deltaM: {
      name: 'Δm (multi-task gain)',
      definition:
        'The average relative gain of the multi-task model over the single-task baselines, per task on its headline metric, signed so that higher is better (Maninis et al. 2019). Positive means sharing helped on average.',
    },
    loss: {
      name: 'loss',
      definition:
        'The number training tries to make smaller: cross-entropy for classification, mean squared error for regression. The trunk is trained on the weighted sum of the tasks’ losses.',
    },
    accuracy: {
      name: 'accuracy',
      definition:
        'The share of rows whose predicted class is the true one. Easy to read, but misleading when one class is much more common than the others.',
    },
    precisionRecall: {
      name: 'precision and recall',
      definition:
        'Precision: of the rows predicted positive, the share that are positive. Recall: of the positive rows, the share the model finds. Raising the threshold usually trades recall for precision.',
    },
    f1: {
      name: 'F1',
      definition: 'The harmonic mean of precision and recall: high only when both are high.',
    },
    macroF1: {
      name: 'macro F1',
      definition:
        'The F1 of each class, averaged with every class counting equally, however rare. It shows whether a multi-class task also gets the small classes right.',
    },
    auc: {
      name: 'AUC',
      definition:
        'Area under the ROC curve: the probability that a random positive row scores above a random negative one. 0.5 is guessing, 1 is perfect, and it does not depend on the threshold.',
    },
    threshold: {
      name: 'decision threshold',
      definition:
        'The probability above which a binary task’s prediction counts as positive (0.5 by default). Moving it trades precision against recall without retraining.',
    },
    classWeight: {
      name: 'class weights',
      definition:
        'Extra weight in the loss for the rows of rare classes, so that each class counts about equally and the model cannot score well by ignoring them.',
    },
    imbalance: {
      name: 'class imbalance',
      definition:
        'When one class is far more common than others (few purchases among many visits). Accuracy then looks good for a useless model; AUC, macro F1 and class weights help.',
    },
    mse: {
      name: 'MSE / RMSE',
      definition:
        'Mean squared error: the average squared difference between prediction and truth, the loss of regression tasks. RMSE is its square root, in the target’s own units.',
    },
    mae: {
      name: 'MAE',
      definition:
        'Mean absolute error: the average size of the error, in the target’s units. Large errors count less than in RMSE.',
    },
    r2: {
      name: 'R²',
      definition:
        'The share of the target’s variance the model explains: 1 is perfect, 0 is no better than always predicting the mean, and it can be negative.',
    },
    backend: {
      name: 'backend',
      definition:
        'Where TensorFlow.js does the arithmetic: WebGPU or WebGL on the graphics card, WASM or plain JavaScript on the CPU. It changes the speed, not what the network learns.',
    },
  },
} as const;
