/**
 * The words the JavaScript side writes into WebAssembly memory to describe a network, and the
 * codes in them. Valid TypeScript and valid AssemblyScript: both sides import this one file, so the
 * layout cannot drift apart. Every field is one 32-bit word (an i32, a pointer, or an f32's bits).
 */

/** The network header at the address passed to `step`. */
export enum Header {
  InputSize,
  TrunkCount,
  TaskCount,
  Optimizer,
  Seed,
  ParamCount,
  /** Pointers to f32 arrays: the flat parameters (plan layout), their gradients and the optimiser's slots. */
  Params,
  Grads,
  Slot0,
  Slot1,
  /** The resident training split's features [rows, inputSize]. */
  X,
  /** This step's row indices (i32 [batch]) and the rows gathered from X ([batch, inputSize]). */
  BatchIndices,
  Input,
  /** The loss vector [L₁…L_T, total, w₁…w_T]. */
  Losses,
  /** LayerField records (trunk layers, then each task's), and TaskField records. */
  Layers,
  Tasks,
  /** Room for one transposed kernel (the widest layer's inputs·units floats). */
  Scratch,
  /** Step inputs: per task its weight (or on/off mask) f32 [T] and whether its head trains i32 [T]. */
  TaskWeights,
  HeadTrains,
  /** Per partition and then the strategy: [1 − β₁^(t+1), 1 − β₂^(t+1)] (f32 pairs), Adam only. */
  BiasCorrections,
  /** Per partition [start, end) into the flat parameters (i32 pairs). */
  Partitions,
  /** Uncertainty's log-variances s, their Adam moments m, v, and their gradient: f32 [T] each. */
  StrategyValues,
  StrategyM,
  StrategyV,
  StrategyGrads,
  /** f32: the L1 factor, 2·l2, the clip norm (0 = none), the backend's ε. */
  L1,
  L2Twice,
  ClipNorm,
  Epsilon,
  Words,
}

/** One dense layer's record. */
export enum LayerField {
  Inputs,
  Units,
  Activation,
  /** Dropout: a unit is kept when its 24 hash bits are ≥ this (0 = no dropout), and kept units are scaled (f32). */
  KeepThreshold,
  KeepScale,
  /** Offsets (in floats) of the kernel [inputs, units] and bias [units] in the flat parameters. */
  Kernel,
  Bias,
  /** Pointers to [batch, ·] f32 buffers: the layer's input, pre-activation, activation, output after dropout, dropout factors. */
  In,
  Z,
  A,
  Out,
  Mask,
  /** The loss's gradient with respect to Out (overwritten in place by the gradient with respect to Z). */
  DOut,
  /** Where the gradient with respect to In goes (0 = not needed), and whether it is added to what is there. */
  DIn,
  DInAccumulate,
  /** Trunk layer index (the dropout hash's layer), −1 for a head layer. */
  TrunkIndex,
  Words,
}

/** One task's record. */
export enum TaskField {
  Kind,
  Width,
  /** Index of its first layer record (hidden, then output). */
  FirstLayer,
  LayerCount,
  /** Pointers into the resident split: target f32 [rows] and loss weight per row f32 [rows]. */
  Target,
  RowWeight,
  Words,
}

export enum ActivationCode {
  Relu,
  LeakyRelu,
  Elu,
  Selu,
  Tanh,
  Sigmoid,
  Linear,
  Softmax,
}

export enum OptimizerCode {
  Sgd,
  Momentum,
  Rmsprop,
  Adam,
}

export enum TaskCode {
  Binary,
  Multiclass,
  Regression,
}

export enum WeightingCode {
  Assigned,
  Uncertainty,
}
