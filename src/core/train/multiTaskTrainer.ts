/**
 * Owns one training run: the model, its optimisers, the task weights and the device-resident
 * training data. One {@link MultiTaskTrainer.trainStep} is one optimiser step on the weighted
 * task losses, with the weighting strategy, weights and learning rate as they are at that moment.
 */
import * as tf from '@tensorflow/tfjs';
import type { PreparedDataset } from '../data/prepareDataset.ts';
import type { TaskMetrics } from '../metrics/taskMetrics.ts';
import { buildMultiTaskModel, headPrefix } from '../model/buildMultiTaskModel.ts';
import { createRng, shuffleInPlace } from '../rng.ts';
import type { DenseLayerSpec, ModelSpec, TaskSpec } from '../types.ts';
import { dwaWeights } from '../weighting/dwa.ts';
import { gradNormWeightGradient, renormalizeWeights } from '../weighting/gradNorm.ts';
import { DEFAULT_WEIGHTING, setsOwnWeights, type WeightingConfig } from '../weighting/strategies.ts';
import { uncertaintyFactors, uncertaintyTotal, uncertaintyWeights } from '../weighting/uncertainty.ts';
import { disposeDeviceSplit, uploadSplit, type DeviceSplit } from './deviceSplit.ts';
import { DropoutMasks } from './dropoutMasks.ts';
import { ExpertGates, lastSharedKernels } from './expertGates.ts';
import { measureGradientConflict } from './gradientConflict.ts';
import { clipByGlobalNorm, globalNorm, gradientsOf, pcgradCombine } from './gradientMath.ts';
import type { OptimizerKind } from './optimizers.ts';
import { PartitionedOptimizers } from './partitionedOptimizers.ts';
import { DEFAULT_SCHEDULE, learningRateAt, type LearningRateSchedule } from './schedules.ts';
import { SplitEvaluator, type SplitEvaluation, type SplitName } from './splitEvaluator.ts';
import { lossForTask } from './taskLosses.ts';

export interface TrainerOptions {
  trunk: DenseLayerSpec[];
  /** 1 = one shared trunk; n ≥ 2 = n experts (copies of the trunk) mixed per task by a gate (MMoE). */
  experts?: number;
  /** Per task: units of a hidden layer in its head (0 = none). */
  headHidden: number[];
  batchSize: number;
  learningRate: number;
  seed: number;
  /** Manual loss weight per task, in task order. */
  weights: number[];
  /** Per task: off tasks do not count and their heads do not train (default: all on). */
  enabled?: boolean[];
  optimizer?: OptimizerKind;
  schedule?: LearningRateSchedule;
  /** L1 and L2 penalties on every kernel (trunk and heads; not biases or embeddings). */
  l1?: number;
  l2?: number;
  /** Clip the gradient's global norm to this (0 = no clipping). */
  clipNorm?: number;
  weighting?: WeightingConfig;
}

export type { SplitName } from './splitEvaluator.ts';

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

  private readonly optimizers: PartitionedOptimizers;
  private readonly train: DeviceSplit;
  private readonly rng: () => number;
  private readonly trunkVariables: tf.Variable[];
  private readonly headVariables: tf.Variable[][];
  private readonly kernels: tf.Variable[];
  /** The last shared layer's kernel (one per expert under MMoE): where GradNorm measures gradient norms. */
  private readonly lastSharedKernels: tf.Variable[];
  private readonly factors: tf.Tensor1D; // [T] uncertainty factors
  private readonly taskWeights: tf.Variable; // [T] weights for manual / equal / DWA, masked
  private readonly mask: tf.Variable; // [T] 1 = on
  private readonly gradNormWeights: tf.Variable; // [T]
  private readonly logVariances: tf.Variable; // [T] uncertainty's s_i
  private initialLosses: tf.Tensor1D | null = null; // GradNorm's L(0)
  private manualWeights: number[];
  private enabled: boolean[];
  private weighting: WeightingConfig;
  private baseLearningRate: number;
  private currentLearningRate = NaN;
  private readonly epochLossHistory: number[][] = [];
  private permutation: tf.Tensor1D | null = null; // [trainRows] int32, this epoch's row order
  private readonly evaluator: SplitEvaluator;
  private readonly expertGates: ExpertGates | null; // MMoE only
  private readonly dropoutMasks: DropoutMasks;

  constructor(
    readonly data: PreparedDataset,
    readonly options: TrainerOptions,
  ) {
    this.tasks = data.tasks;
    const T = this.tasks.length;
    this.spec = {
      inputSize: data.inputSize,
      embeddings: data.embeddings,
      trunk: options.trunk,
      experts: options.experts ?? 1,
      headHidden: options.headHidden,
      tasks: data.tasks,
    };
    this.model = buildMultiTaskModel(this.spec, options.seed);
    this.manualWeights = [...options.weights];
    this.enabled = this.tasks.map((_, k) => options.enabled?.[k] ?? true);
    this.weighting = options.weighting ?? DEFAULT_WEIGHTING;
    this.baseLearningRate = options.learningRate;
    this.train = uploadSplit(data.train, data.inputSize, data.classWeights);
    this.evaluator = new SplitEvaluator(data);
    this.rng = createRng(options.seed + 7919);
    this.stepsPerEpoch = Math.ceil(data.train.rows / options.batchSize);
    const layerVariables = (prefix: string) =>
      this.model.layers
        .filter((l) => l.name.startsWith(prefix))
        .flatMap((l) => l.trainableWeights.map((w) => w.read() as tf.Variable));
    this.trunkVariables = layerVariables('trunk_');
    this.headVariables = this.tasks.map((_, k) => layerVariables(headPrefix(k)));
    this.kernels = this.model.layers
      .filter((l) => l.getClassName() === 'Dense')
      .map((l) => l.trainableWeights[0]?.read() as tf.Variable);
    const experts = options.experts ?? 1;
    const lastShared = lastSharedKernels(this.model, options.trunk.length, experts);
    this.lastSharedKernels = lastShared.length > 0 ? lastShared : this.trunkVariables.slice(0, 1);
    [this.factors, this.taskWeights, this.mask, this.gradNormWeights, this.logVariances] = tf.tidy(() => [
      tf.tensor1d(uncertaintyFactors(this.tasks.map((t) => t.kind))),
      tf.variable(tf.ones([T]), false),
      tf.variable(tf.ones([T]), false),
      tf.variable(tf.ones([T]), false),
      tf.variable(tf.zeros([T]), true),
    ]);
    this.dropoutMasks = new DropoutMasks(this.model);
    this.expertGates = experts > 1 ? new ExpertGates(this.model, T) : null;
    this.optimizers = new PartitionedOptimizers(options.optimizer ?? 'adam', T, this.baseLearningRate);
    this.applyWeightSettings();
  }

  /** Number of trainable parameters of the network. */
  get parameterCount(): number {
    return this.model.countParams();
  }

  get weightingConfig(): WeightingConfig {
    return this.weighting;
  }

  /** Manual weights and on/off switches, used from the next step on. A task that is off, or at weight 0 under Manual, does not train its head. */
  setTaskWeights(weights: number[], enabled: boolean[] = this.enabled): void {
    if (weights.length !== this.tasks.length || weights.some((w) => !Number.isFinite(w) || w < 0)) {
      throw new Error(`Expected ${this.tasks.length} finite, non-negative weights.`);
    }
    this.manualWeights = [...weights];
    this.enabled = this.tasks.map((_, k) => enabled[k] ?? true);
    this.applyWeightSettings();
  }

  /** Switches weighting strategy (mid-run too): the new strategy starts from its own initial state. */
  setWeighting(config: WeightingConfig): void {
    const changed = config.strategy !== this.weighting.strategy;
    this.weighting = config;
    if (changed) {
      tf.tidy(() => {
        this.logVariances.assign(tf.zerosLike(this.logVariances));
        this.gradNormWeights.assign(tf.tensor1d(this.enabled.map((on) => (on ? 1 : 0))));
      });
      this.initialLosses?.dispose();
      this.initialLosses = null;
      this.optimizers.resetStrategy(this.baseLearningRate);
    }
    this.applyWeightSettings();
  }

  /** Changes the base learning rate (the schedule scales it) from the next step on. */
  setLearningRate(learningRate: number): void {
    this.baseLearningRate = learningRate;
    this.currentLearningRate = NaN;
  }

  /** Records an epoch's mean training losses (DWA's input) and recomputes DWA's weights. */
  recordEpochLosses(meanLosses: number[]): void {
    this.epochLossHistory.push([...meanLosses]);
    if (this.epochLossHistory.length > 3) this.epochLossHistory.shift();
    this.applyWeightSettings();
  }

  /**
   * One optimiser step on the next batch. Returns [L₁…L_T, total, w₁…w_T] for that batch (total =
   * Σ wᵢ·Lᵢ with the weights wᵢ in effect), still on the device: read it back asynchronously, with
   * others. Caller owns the returned tensor.
   */
  trainStep(): tf.Tensor1D {
    if (this.stepInEpoch === 0) this.shufflePermutation();
    this.dropoutMasks.forStep(this.globalStep);
    this.updateLearningRate();
    const start = this.stepInEpoch * this.options.batchSize;
    const size = Math.min(this.options.batchSize, this.train.rows - start);
    const permutation = this.permutation as tf.Tensor1D;
    const vector = tf.tidy(() => {
      const rows = permutation.slice(start, size);
      const x = this.train.inputs.map((input) => tf.gather(input, rows));
      const targets = this.train.targets.map((t) => tf.gather(t, rows));
      const masks = this.train.masks.map((m) => (m ? tf.gather(m, rows) : null));
      const taskLosses = (): tf.Tensor1D => {
        const outputs = this.applyModel(x);
        return tf.stack(
          this.tasks.map((task, k) =>
            lossForTask(task.kind)(outputs[k] as tf.Tensor, targets[k] as tf.Tensor1D, masks[k] ?? null),
          ),
        ) as tf.Tensor1D;
      };
      const { grads, vector } = this.computeGradients(taskLosses);
      this.applyGradients(grads);
      return vector;
    });
    this.globalStep++;
    this.stepInEpoch++;
    if (this.stepInEpoch >= this.stepsPerEpoch) {
      this.stepInEpoch = 0;
      this.epochsCompleted++;
    }
    return vector;
  }

  /** Rows in a training batch at the given step in an epoch (the last batch may be short). */
  batchRows(stepInEpoch: number): number {
    return Math.min(this.options.batchSize, this.data.train.rows - stepInEpoch * this.options.batchSize);
  }

  /** Each head's outputs on a split, read back asynchronously: per task, row-major [rows, width]. */
  predict(split: SplitName): Promise<Float32Array[]> {
    return this.evaluator.predict(this.model, split);
  }

  /** Every task's metrics on a split (regression in the target's own units). */
  evaluate(split: SplitName): Promise<TaskMetrics[]> {
    return this.evaluator.evaluate(this.model, split);
  }

  /** Metrics and diagnostic-plot data of every task on a split, from one prediction pass. */
  evaluateWithDiagnostics(split: SplitName): Promise<SplitEvaluation> {
    return this.evaluator.evaluateWithDiagnostics(this.model, split);
  }

  /**
   * Cosine similarity between each pair of tasks' gradients on the shared trunk, on the first
   * `rows` training rows (without dropout's randomness mattering much). Read back asynchronously.
   */
  async gradientConflict(rows = 512): Promise<number[][]> {
    const n = Math.min(rows, this.train.rows);
    return measureGradientConflict(
      () =>
        this.tasks.map((task, k) => {
          const x = this.train.inputs.map((input) => input.slice([0, 0], [n, -1]));
          const mask = this.train.masks[k];
          return () =>
            lossForTask(task.kind)(
              this.applyModel(x)[k] as tf.Tensor,
              (this.train.targets[k] as tf.Tensor1D).slice(0, n),
              mask ? mask.slice(0, n) : null,
            );
        }),
      this.trunkVariables,
    );
  }

  /**
   * Under MMoE: each task's mean gate weight per expert on the first `rows` training rows,
   * [task][expert], each row summing to 1. Null for one shared trunk.
   */
  async expertUsage(rows = 512): Promise<number[][] | null> {
    return this.expertGates ? this.expertGates.meanUsage(this.train.inputs, Math.min(rows, this.train.rows)) : null;
  }

  /** A copy of every weight of the network (for early stopping and divergence recovery). Caller owns it. */
  snapshotWeights(): tf.Tensor[] {
    return tf.tidy(() => this.model.getWeights().map((w) => tf.clone(w)));
  }

  /** Puts a snapshot's values back (the snapshot stays the caller's). */
  restoreWeights(snapshot: tf.Tensor[]): void {
    this.model.setWeights(snapshot);
  }

  /** Forgets optimiser state (moments), e.g. after a divergence filled it with NaN. */
  resetOptimizers(): void {
    this.optimizers.reset(this.baseLearningRate);
    this.currentLearningRate = NaN;
  }

  /** Frees the model, every optimiser's state (model.dispose() does not), the weights and the data. */
  dispose(): void {
    this.model.dispose();
    this.optimizers.dispose();
    tf.dispose([this.factors, this.taskWeights, this.mask, this.gradNormWeights, this.logVariances]);
    this.initialLosses?.dispose();
    disposeDeviceSplit(this.train);
    this.permutation?.dispose();
    this.permutation = null;
    this.evaluator.dispose();
  }

  /** The gradients for this step under the current strategy, and the [L, total, w] vector (kept). */
  private computeGradients(taskLosses: () => tf.Tensor1D): { grads: tf.NamedTensorMap; vector: tf.Tensor1D } {
    const all = [...this.trunkVariables, ...this.headVariables.flat()];
    let vector: tf.Tensor1D | null = null;
    const keepVector = (losses: tf.Tensor1D, weights: tf.Tensor1D, total: tf.Scalar) => {
      vector = tf.keep(tf.concat([losses, tf.reshape(total, [1]), weights]) as tf.Tensor1D);
    };
    const strategy = this.weighting.strategy;
    if (strategy === 'uncertainty') {
      const { grads } = tf.variableGrads(() => {
        const losses = taskLosses();
        const weights = uncertaintyWeights(this.logVariances as tf.Tensor1D, this.factors, this.mask as tf.Tensor1D);
        keepVector(losses, weights, tf.sum(tf.mul(weights, losses)));
        return uncertaintyTotal(losses, this.logVariances as tf.Tensor1D, this.factors, this.mask as tf.Tensor1D);
      }, [...all, this.logVariances]);
      return { grads, vector: vector as unknown as tf.Tensor1D };
    }
    const weightsVar = (strategy === 'gradnorm' ? this.gradNormWeights : this.taskWeights) as tf.Tensor1D;
    const { grads } = tf.variableGrads(() => {
      const losses = taskLosses();
      const total = tf.sum(tf.mul(weightsVar, losses)) as tf.Scalar;
      keepVector(losses, weightsVar, total);
      return total;
    }, all);
    if (strategy === 'pcgrad') {
      // Each task's own gradient on the shared trunk (one more pass per task), projected off the others'.
      const active = this.tasks
        .map((_, k) => k)
        .filter((k) => this.enabled[k] && (this.manualWeights[k] as number) > 0);
      const perTask = active.map((k) =>
        gradientsOf(
          () => tf.mul(taskLosses().gather([k]).reshape([]), weightsVar.gather([k]).reshape([])) as tf.Scalar,
          this.trunkVariables,
        ),
      );
      if (perTask.length > 1) {
        const orders = active.map((_, i) =>
          shuffleInPlace(
            active.map((__, j) => j).filter((j) => j !== i),
            this.rng,
          ),
        );
        const combined = pcgradCombine(perTask, orders);
        this.trunkVariables.forEach((v, n) => (grads[v.name] = combined[n] as tf.Tensor));
      }
    } else if (strategy === 'gradnorm') {
      const norms = tf.stack(
        this.tasks.map((_, k) =>
          globalNorm(gradientsOf(() => taskLosses().gather([k]).reshape([]) as tf.Scalar, this.lastSharedKernels)),
        ),
      ) as tf.Tensor1D;
      // The step's losses are the first T entries of the kept vector (no second copy kept).
      const losses = (vector as unknown as tf.Tensor1D).slice(0, this.tasks.length);
      if (!this.initialLosses) this.initialLosses = tf.keep(tf.clone(losses));
      const wGrad = gradNormWeightGradient(
        this.gradNormWeights as tf.Tensor1D,
        norms,
        losses,
        this.initialLosses,
        this.mask as tf.Tensor1D,
        this.weighting.gradNormAlpha,
      );
      this.optimizers.stepStrategy({ [this.gradNormWeights.name]: wGrad }, [this.gradNormWeights]);
      this.gradNormWeights.assign(renormalizeWeights(this.gradNormWeights as tf.Tensor1D, this.mask as tf.Tensor1D));
    }
    return { grads, vector: vector as unknown as tf.Tensor1D };
  }

  /** Adds the L1/L2 penalty gradients, clips, and lets each optimiser update its variables. */
  private applyGradients(grads: tf.NamedTensorMap): void {
    const { l1 = 0, l2 = 0, clipNorm = 0 } = this.options;
    if (l1 > 0 || l2 > 0) {
      for (const k of this.kernels) {
        const g = grads[k.name];
        if (g) grads[k.name] = tf.add(g, tf.add(tf.mul(tf.sign(k), l1), tf.mul(k, 2 * l2)));
      }
    }
    const names = Object.keys(grads);
    if (clipNorm > 0) {
      const clipped = clipByGlobalNorm(
        names.map((n) => grads[n] as tf.Tensor),
        clipNorm,
      );
      names.forEach((n, i) => (grads[n] = clipped[i] as tf.Tensor));
    }
    this.optimizers.step(grads, this.trunkVariables, this.headVariables, (k) => this.headTrains(k));
    if (this.weighting.strategy === 'uncertainty') this.optimizers.stepStrategy(grads, [this.logVariances]);
  }

  /** An off task never trains its head; under a fixed weighting neither does a task at weight 0. */
  private headTrains(k: number): boolean {
    if (!this.enabled[k]) return false;
    if (setsOwnWeights(this.weighting.strategy)) return true;
    return (this.manualWeights[k] as number) > 0;
  }

  /** Pushes the weights for manual / equal / DWA and the on/off mask to the device. */
  private applyWeightSettings(): void {
    const on = this.enabled.map((e) => (e ? 1 : 0));
    let weights: number[];
    if (this.weighting.strategy === 'equal') weights = on;
    else if (this.weighting.strategy === 'dwa')
      weights = dwaWeights(this.epochLossHistory, this.tasks.length, this.weighting.dwaTemperature, this.enabled);
    else weights = this.manualWeights.map((w, k) => w * (on[k] as number));
    tf.tidy(() => {
      this.taskWeights.assign(tf.tensor1d(weights));
      this.mask.assign(tf.tensor1d(on));
    });
  }

  private updateLearningRate(): void {
    const lr = learningRateAt(
      this.baseLearningRate,
      this.options.schedule ?? DEFAULT_SCHEDULE,
      this.globalStep,
      this.stepsPerEpoch,
    );
    if (lr === this.currentLearningRate) return;
    this.currentLearningRate = lr;
    this.optimizers.setLearningRate(lr);
  }

  /** The learning rate of the last step. */
  get learningRate(): number {
    return this.currentLearningRate;
  }

  private applyModel(x: tf.Tensor[]): tf.Tensor[] {
    const out = this.model.apply(x, { training: true }) as tf.Tensor | tf.Tensor[];
    return Array.isArray(out) ? out : [out];
  }

  private shufflePermutation(): void {
    const order = shuffleInPlace(
      Int32Array.from({ length: this.train.rows }, (_, i) => i),
      this.rng,
    );
    this.permutation?.dispose();
    this.permutation = tf.tensor1d(order, 'int32');
  }
}
