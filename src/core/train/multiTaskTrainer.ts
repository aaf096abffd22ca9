/**
 * Owns one training run: the model, its optimiser, the task-weight vector and the device-resident
 * training data. One call of {@link MultiTaskTrainer.trainStep} is one optimiser step on
 * Σ wᵢ·Lᵢ, with the weights as they are at that moment.
 */
import * as tf from '@tensorflow/tfjs';
import type { PreparedDataset } from '../data/prepareDataset.ts';
import { computeTaskMetrics, type TaskMetrics } from '../metrics/taskMetrics.ts';
import { buildMultiTaskModel, headPrefix } from '../model/buildMultiTaskModel.ts';
import { createRng, shuffleInPlace } from '../rng.ts';
import type { Activation, ModelSpec, TaskSpec } from '../types.ts';
import { disposeDeviceSplit, uploadInputs, uploadSplit, type DeviceSplit } from './deviceSplit.ts';
import { combineTaskLosses, lossForTask } from './taskLosses.ts';

export interface TrainerOptions {
  trunkUnits: number[];
  activation: Activation;
  headHiddenUnits: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  /** Initial loss weight per task, in task order. */
  weights: number[];
}

export type SplitName = 'train' | 'val' | 'test';

export class MultiTaskTrainer {
  readonly model: tf.LayersModel;
  readonly spec: ModelSpec;
  readonly tasks: TaskSpec[];
  readonly stepsPerEpoch: number;
  /** Completed epochs. */
  epochsCompleted = 0;
  /** Steps taken in the current epoch (0 = at an epoch boundary). */
  stepInEpoch = 0;
  /** Steps taken in total. */
  globalStep = 0;

  // One Adam per trunk and per head: TF.js optimisers key their state by position in the variable
  // list, so a head that is switched off must not change the list another optimiser sees.
  private readonly trunkOptimizer: tf.Optimizer;
  private readonly headOptimizers: tf.Optimizer[];
  private readonly taskWeights: tf.Variable; // [numTasks], not trainable
  private readonly train: DeviceSplit;
  private readonly rng: () => number;
  private readonly trunkVariables: tf.Variable[];
  private readonly headVariables: tf.Variable[][];
  private readonly allVariables: tf.Variable[];
  private weightValues: number[];
  private permutation: tf.Tensor1D | null = null; // [trainRows] int32, this epoch's row order
  private readonly evalInputs = new Map<SplitName, tf.Tensor2D[]>(); // uploaded once, on first use

  constructor(
    readonly data: PreparedDataset,
    readonly options: TrainerOptions,
  ) {
    this.tasks = data.tasks;
    this.spec = {
      inputSize: data.inputSize,
      embeddings: data.embeddings,
      trunkUnits: options.trunkUnits,
      activation: options.activation,
      headHiddenUnits: options.headHiddenUnits,
      tasks: data.tasks,
    };
    this.model = buildMultiTaskModel(this.spec, options.seed);
    this.weightValues = [...options.weights];
    this.taskWeights = tf.tidy(() => tf.variable(tf.tensor1d(this.weightValues), false));
    this.train = uploadSplit(data.train, data.inputSize, data.classWeights);
    this.rng = createRng(options.seed + 7919);
    this.stepsPerEpoch = Math.ceil(data.train.rows / options.batchSize);
    const variablesOf = (prefix: string) =>
      this.model.layers.filter((l) => l.name.startsWith(prefix)).flatMap((l) => l.trainableWeights.map((w) => w.read() as tf.Variable));
    this.trunkVariables = variablesOf('trunk_');
    this.headVariables = this.tasks.map((_, k) => variablesOf(headPrefix(k)));
    this.allVariables = [...this.trunkVariables, ...this.headVariables.flat()];
    this.trunkOptimizer = tf.train.adam(options.learningRate);
    this.headOptimizers = this.tasks.map(() => tf.train.adam(options.learningRate));
  }

  /** Number of trainable parameters. */
  get parameterCount(): number {
    return this.model.countParams();
  }

  /** Current loss weights, in task order. */
  get weights(): readonly number[] {
    return this.weightValues;
  }

  /** Sets the loss weights used from the next step on. A task at weight 0 is off: its head is not updated. */
  setTaskWeights(weights: number[]): void {
    if (weights.length !== this.tasks.length || weights.some((w) => !Number.isFinite(w) || w < 0)) {
      throw new Error(`Expected ${this.tasks.length} finite, non-negative weights.`);
    }
    this.weightValues = [...weights];
    tf.tidy(() => this.taskWeights.assign(tf.tensor1d(weights)));
  }

  /**
   * One optimiser step on the next batch. Returns [L₁ … L_T, Σ wᵢ·Lᵢ] for that batch, still on
   * the device: read it back asynchronously, batched with others. Caller owns the returned tensor.
   */
  trainStep(): tf.Tensor1D {
    if (this.stepInEpoch === 0) this.shufflePermutation();
    const batchSize = this.options.batchSize;
    const start = this.stepInEpoch * batchSize;
    const size = Math.min(batchSize, this.train.rows - start);
    const permutation = this.permutation as tf.Tensor1D;
    const lossVector = tf.tidy(() => {
      const rows = permutation.slice(start, size);
      const x = this.train.inputs.map((input) => tf.gather(input, rows));
      const targets = this.train.targets.map((t) => tf.gather(t, rows));
      const masks = this.train.masks.map((m) => tf.gather(m, rows));
      let kept: tf.Tensor1D | null = null;
      const { grads } = tf.variableGrads(() => {
        const outputs = this.applyModel(x);
        const perTask = tf.stack(this.tasks.map((task, k) => lossForTask(task.kind)(outputs[k] as tf.Tensor, targets[k] as tf.Tensor1D, masks[k] as tf.Tensor1D))) as tf.Tensor1D;
        const total = combineTaskLosses(perTask, this.taskWeights as tf.Tensor1D);
        kept = tf.keep(tf.concat([perTask, tf.reshape(total, [1])]) as tf.Tensor1D);
        return total;
      }, this.allVariables);
      this.trunkOptimizer.applyGradients(pick(grads, this.trunkVariables));
      this.headOptimizers.forEach((optimizer, k) => {
        // A head at weight 0 is off: its parameters and its optimiser state stay as they are.
        if ((this.weightValues[k] as number) > 0) optimizer.applyGradients(pick(grads, this.headVariables[k] as tf.Variable[]));
      });
      return kept as unknown as tf.Tensor1D;
    });
    this.globalStep++;
    this.stepInEpoch++;
    if (this.stepInEpoch >= this.stepsPerEpoch) {
      this.stepInEpoch = 0;
      this.epochsCompleted++;
    }
    return lossVector;
  }

  /** Rows in a training batch at the given step in an epoch (the last batch may be short). */
  batchRows(stepInEpoch: number): number {
    return Math.min(this.options.batchSize, this.data.train.rows - stepInEpoch * this.options.batchSize);
  }

  /** Each head's outputs on a split, read back asynchronously: per task, row-major [rows, width]. */
  async predict(split: SplitName): Promise<Float32Array[]> {
    let x = this.evalInputs.get(split);
    if (!x) {
      x = uploadInputs(this.data[split], this.data.inputSize);
      this.evalInputs.set(split, x);
    }
    const input = x;
    const outputs = tf.tidy(() => {
      const out = this.model.predict(input, { batchSize: 4096 });
      return Array.isArray(out) ? out : [out];
    });
    try {
      return (await Promise.all(outputs.map((o) => o.data()))) as Float32Array[];
    } finally {
      tf.dispose(outputs);
    }
  }

  /** Every task's metrics on a split (regression in the target's own units). */
  async evaluate(split: SplitName): Promise<TaskMetrics[]> {
    const outputs = await this.predict(split);
    return this.tasks.map((task, k) =>
      computeTaskMetrics(task, outputs[k] as Float32Array, this.data[split].targets[k] as Float32Array, this.data.targetScales[k] as { mean: number; std: number }),
    );
  }

  /** Frees the model, the optimiser's state (Adam's moments: model.dispose() does not), the weights and the data. */
  dispose(): void {
    this.model.dispose();
    this.trunkOptimizer.dispose();
    this.headOptimizers.forEach((o) => o.dispose());
    this.taskWeights.dispose();
    disposeDeviceSplit(this.train);
    this.permutation?.dispose();
    this.permutation = null;
    tf.dispose([...this.evalInputs.values()].flat());
    this.evalInputs.clear();
  }

  private applyModel(x: tf.Tensor[]): tf.Tensor[] {
    const out = this.model.apply(x, { training: true }) as tf.Tensor | tf.Tensor[];
    return Array.isArray(out) ? out : [out];
  }

  private shufflePermutation(): void {
    const order = shuffleInPlace(Int32Array.from({ length: this.train.rows }, (_, i) => i), this.rng);
    this.permutation?.dispose();
    this.permutation = tf.tensor1d(order, 'int32');
  }
}

/** The gradients of some variables, in their order (so an optimiser's state lines up). */
function pick(grads: tf.NamedTensorMap, variables: tf.Variable[]): tf.NamedTensorMap {
  return Object.fromEntries(variables.map((v) => [v.name, grads[v.name] as tf.Tensor]));
}
