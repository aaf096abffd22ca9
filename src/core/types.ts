/** Shared, serialisable types of the ML core. Plain data only: they cross the worker boundary. */

/** The kind of prediction a task asks for; it fixes the head's activation and loss. */
export type TaskKind = 'binary' | 'multiclass' | 'regression';

/** What a column is used for. */
export type ColumnRole = 'ignore' | 'input' | 'binary' | 'multiclass' | 'regression';

/** How an input column becomes features: a standardised number, or categories (one-hot or embedding). */
export type InputEncoding = 'numeric' | 'categorical';

/** The compute backends TensorFlow.js can run on here. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** The person's backend choice: a backend, or 'auto' to let the app decide. */
export type BackendChoice = BackendName | 'auto';

/**
 * Which engine takes the training steps: TensorFlow.js, a fused engine (WASM SIMD or WebGPU, for the
 * networks it covers), or 'auto': the faster of the two on the model at hand, timed.
 */
export type EngineChoice = 'auto' | 'fused' | 'tfjs';

/** Hidden activations offered by the model builder. */
export type Activation = 'relu' | 'leakyRelu' | 'elu' | 'selu' | 'tanh' | 'sigmoid' | 'linear';

/** One dense layer of the shared trunk. */
export interface DenseLayerSpec {
  units: number;
  activation: Activation;
  /** Dropout rate after the layer while training (0 = none). */
  dropout: number;
}

/** One prediction task, after preprocessing has fixed its classes. */
export interface TaskSpec {
  /** The target column's name; unique among tasks. */
  name: string;
  kind: TaskKind;
  /** Number of classes: 2 for binary, k for multi-class, 1 for regression. */
  numClasses: number;
  /** Class labels in index order (empty for regression). For binary, index 1 is the positive class. */
  classLabels: string[];
  /**
   * Binary tasks only: the index of another binary task (the condition) that this one is observed
   * after, e.g. purchase after click (ESMM, Ma et al., SIGIR 2018). The target is then 0 wherever the
   * condition is negative (no click, no purchase), so it is known on every row, and the head outputs
   * p(condition) · p(task | condition): the condition head's probability times its own sigmoid.
   */
  chainedTo?: number;
}

/** A learned embedding for one high-cardinality categorical input. */
export interface EmbeddingSpec {
  /** The input column's name. */
  name: string;
  /** Rows of the table: 0 = missing, 1 = rare or unseen, then one per known category. */
  vocabSize: number;
  dim: number;
}

/** Architecture of the shared-trunk, multi-head network. */
export interface ModelSpec {
  /** Width of the dense feature vector (standardised numbers, one-hot slots, indicators). */
  inputSize: number;
  /** Embedded categorical inputs, each a separate integer-id input of the model. */
  embeddings: EmbeddingSpec[];
  /** The shared trunk's dense layers, in order. */
  trunk: DenseLayerSpec[];
  /**
   * 1 (or absent) = one shared trunk ("shared bottom"). n ≥ 2 = multi-gate mixture of experts
   * (MMoE, Ma et al. 2018): n experts, each a copy of the trunk's layers, and per task a softmax
   * gate on the inputs that mixes the experts' outputs into that task's head.
   */
  experts?: number;
  /** Per task: units of an optional hidden dense layer in its head (0 = none), with the trunk's last activation. */
  headHidden: number[];
  tasks: TaskSpec[];
}
