/**
 * Owns one training run: the model, its optimisers, the task weights and the device-resident
 * training data. One {@link MultiTaskTrainer.trainStep} is one optimiser step on the weighted
 * task losses, with the weighting strategy, weights and learning rate as they are at that moment.
 * Batching (batcher.ts), the step (optimizationStep.ts), the strategies (../weighting/) and the
 * probes (probes.ts) live in their own modules; this class holds the run's state and settings.
 */
import * as tf from '@tensorflow/tfjs';
import type { PreparedDataset } from '../data/prepareDataset.ts';
import type { TaskMetrics } from '../metrics/taskMetrics.ts';
import { buildMultiTaskNetwork } from '../model/buildMultiTaskModel.ts';
import type { FusedEngine } from '../fused/fusedEngine.ts';
import type { FusedPlan } from '../fused/fusedPlan.ts';
import { createRng, type SeededRng } from '../rng.ts';
import type { PackedTensors } from './packedTensors.ts';
import type { DenseLayerSpec, ModelSpec, TaskSpec } from '../types.ts';
import { createWeighting } from '../weighting/createWeighting.ts';
import { DEFAULT_WEIGHTING, type WeightingConfig } from '../weighting/strategies.ts';
import type { TaskSettings, TaskWeighting, WeightingContext } from '../weighting/taskWeighting.ts';
import { EpochBatcher } from './batcher.ts';
import { disposeDeviceSplit, uploadSplit, type DeviceSplit } from './deviceSplit.ts';
import { DropoutMasks } from './dropoutMasks.ts';
import { FusedStepper, type LossVector } from './fusedStepper.ts';
import { optimizationStep, type StepTarget } from './optimizationStep.ts';
import type { OptimizerKind } from './optimizers.ts';
import { PartitionedOptimizers } from './partitionedOptimizers.ts';
import { TrainingProbes } from './probes.ts';
import { DEFAULT_SCHEDULE, learningRateAt, type LearningRateSchedule } from './schedules.ts';
import { SplitEvaluator, type SplitEvaluation, type SplitName } from './splitEvaluator.ts';

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

/**
 * What a run needs, beyond its weights, to take the very step it would have taken next: the
 * random sequence's position (batch order, PCGrad), DWA's recent losses and the optimisers' state.
 * A strategy's own learned weights (Uncertainty, GradNorm) start afresh.
 */
export interface TrainingState {
  rng: number;
  epochLosses: number[][];
  optimizers: PackedTensors[];
}

/** How many epochs of mean losses the run keeps (DWA looks at the last two). */
const EPOCH_HISTORY = 3;

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
  private readonly batcher: EpochBatcher;
  private readonly stepTarget: StepTarget;
  private readonly context: WeightingContext;
  private readonly epochLosses: number[][] = []; // the last EPOCH_HISTORY epochs' mean losses, oldest first
  private weighting: TaskWeighting;
  private config: WeightingConfig;
  private settings: TaskSettings;
  private baseLearningRate: number;
  private currentLearningRate = NaN;
  private readonly evaluator: SplitEvaluator;
  private readonly probes: TrainingProbes;
  private readonly dropoutMasks: DropoutMasks;
  private readonly rng: SeededRng;
  /** The learning rate the strategy's own Adam was created with (the base rate when it started). */
  private strategyLearningRate: number;
  /** A fused engine taking the steps it can; null = every step on TF.js. */
  private fused: FusedStepper | null = null;

  constructor(
    readonly data: PreparedDataset,
    readonly options: TrainerOptions,
  ) {
    this.tasks = data.tasks;
    this.spec = {
      inputSize: data.inputSize,
      embeddings: data.embeddings,
      trunk: options.trunk,
      experts: options.experts ?? 1,
      headHidden: options.headHidden,
      tasks: data.tasks,
    };
    const network = buildMultiTaskNetwork(this.spec, options.seed);
    this.model = network.model;
    this.settings = this.taskSettings(options.weights, options.enabled ?? []);
    this.config = options.weighting ?? DEFAULT_WEIGHTING;
    this.baseLearningRate = options.learningRate;
    this.strategyLearningRate = options.learningRate;
    this.train = uploadSplit(data.train, data.inputSize, data.classWeights);
    this.evaluator = new SplitEvaluator(data);
    // One seeded sequence for the batch order and PCGrad's projection order, as runs have always drawn it.
    const rng = createRng(options.seed + 7919);
    this.rng = rng;
    this.batcher = new EpochBatcher(this.train, options.batchSize, rng);
    this.stepsPerEpoch = this.batcher.stepsPerEpoch;
    this.optimizers = new PartitionedOptimizers(options.optimizer ?? 'adam', this.tasks.length, this.baseLearningRate);
    const { l1 = 0, l2 = 0, clipNorm = 0 } = options;
    this.stepTarget = {
      model: this.model,
      tasks: this.tasks,
      variables: network.variables,
      optimizers: this.optimizers,
      l1,
      l2,
      clipNorm,
    };
    this.context = {
      kinds: this.tasks.map((t) => t.kind),
      trunk: network.variables.trunk,
      lastSharedKernels: network.variables.lastSharedKernels,
      rng,
      epochLosses: this.epochLosses,
      stepOwn: (grads, variables) => this.optimizers.stepStrategy(grads, variables),
    };
    this.weighting = createWeighting(this.config, this.context, this.settings);
    this.dropoutMasks = new DropoutMasks(this.model);
    this.probes = new TrainingProbes(this.model, this.tasks, this.train, network.variables.trunk, network.gates);
  }

  /** Number of trainable parameters of the network. */
  get parameterCount(): number {
    return this.model.countParams();
  }

  get weightingConfig(): WeightingConfig {
    return this.config;
  }

  /** The learning rate of the last step. */
  get learningRate(): number {
    return this.currentLearningRate;
  }

  /** Manual weights and on/off switches, used from the next step on. A task that is off, or at weight 0 under Manual, does not train its head. */
  setTaskWeights(weights: number[], enabled: readonly boolean[] = this.settings.enabled): void {
    if (weights.length !== this.tasks.length || weights.some((w) => !Number.isFinite(w) || w < 0)) {
      throw new Error(`Expected ${this.tasks.length} finite, non-negative weights.`);
    }
    this.settings = this.taskSettings(weights, enabled);
    this.weighting.setTaskSettings(this.settings);
  }

  /** Switches weighting strategy (mid-run too): the new strategy starts from its own initial state. */
  setWeighting(config: WeightingConfig): void {
    const changed = config.strategy !== this.config.strategy;
    this.config = config;
    if (!changed) {
      this.weighting.configure(config);
      return;
    }
    this.weighting.dispose();
    this.weighting = createWeighting(config, this.context, this.settings);
    this.optimizers.resetStrategy(this.baseLearningRate);
    this.strategyLearningRate = this.baseLearningRate;
    this.fused?.strategyRestarted();
  }

  /** Changes the base learning rate (the schedule scales it) from the next step on. */
  setLearningRate(learningRate: number): void {
    this.baseLearningRate = learningRate;
    this.currentLearningRate = NaN;
  }

  /** Records an epoch's mean training losses (DWA's input) and lets the strategy update itself. */
  recordEpochLosses(meanLosses: number[]): void {
    this.epochLosses.push([...meanLosses]);
    if (this.epochLosses.length > EPOCH_HISTORY) this.epochLosses.shift();
    this.weighting.onEpochEnd?.();
  }

  /**
   * Per task, the weight of its validation loss in early stopping's "total": 1 each under a
   * strategy that sets its own weights (they drift as the losses fall, Uncertainty's grow, so
   * their weighted total is no yardstick: the plain sum is), else the manual weight (0 when off).
   */
  monitorWeights(): number[] {
    if (this.weighting.setsOwnWeights) return this.tasks.map(() => 1);
    return this.tasks.map((_, k) => (this.settings.enabled[k] ? (this.settings.weights[k] as number) : 0));
  }

  /**
   * One optimiser step on the next batch. Returns [L₁…L_T, total, w₁…w_T] for that batch (total =
   * Σ wᵢ·Lᵢ with the weights wᵢ in effect), still on the device: read it back asynchronously, with
   * others. Caller owns the returned tensor.
   */
  trainStep(): tf.Tensor1D {
    if (this.fused && !this.fused.ready(false))
      throw new Error('The fused engine holds the run: call prepareStep() first.');
    this.fused?.tookTfjsStep();
    this.dropoutMasks.forStep(this.globalStep);
    this.updateLearningRate();
    const vector = tf.tidy(() =>
      optimizationStep(this.stepTarget, this.weighting, this.batcher.batch(this.stepInEpoch), (k) =>
        this.headTrains(k),
      ),
    );
    this.advance();
    return vector;
  }

  /**
   * The next step on the attached fused engine when it runs the current strategy, else on TF.js
   * ({@link trainStep}). Call {@link prepareStep} first when {@link needsPreparation}. Caller owns
   * the returned vector (a tensor, or the engine's pending read-back).
   */
  step(): LossVector {
    const fused = this.fused;
    if (!fused || !fused.runsStrategy()) return this.trainStep();
    if (!fused.ready(true)) throw new Error('The fused engine is behind the model: call prepareStep() first.');
    this.updateLearningRate();
    const losses = fused.step({
      batch: this.batcher.batchIndices(this.stepInEpoch),
      step: this.globalStep,
      learningRate: this.currentLearningRate,
      headTrains: Uint8Array.from(this.tasks, (_, k) => (this.headTrains(k) ? 1 : 0)),
      strategyLearningRate: this.strategyLearningRate,
    });
    this.advance();
    return losses;
  }

  /** Whether the next {@link step} must first move weights or optimiser state between TF.js and the engine. */
  get needsPreparation(): boolean {
    return this.fused !== null && !this.fused.ready(this.fused.runsStrategy());
  }

  /** Moves what the next {@link step} needs to the side it runs on. */
  async prepareStep(): Promise<void> {
    if (this.fused) await this.fused.handOver(this.fused.runsStrategy());
  }

  /**
   * Lets a fused engine take the steps it can from now on (the model's weights and the optimisers'
   * state move to it before its first step). The trainer owns the engine from here.
   */
  attachEngine(engine: FusedEngine, plan: FusedPlan): void {
    this.fused?.dispose();
    this.fused = new FusedStepper(engine, plan, {
      model: this.model,
      optimizers: this.optimizers,
      weighting: () => this.weighting,
    });
  }

  /** Back to TF.js for every step, with the engine's weights and optimiser state; frees the engine. */
  async detachEngine(): Promise<void> {
    const fused = this.fused;
    if (!fused) return;
    await fused.handOver(false);
    this.fused = null;
    fused.dispose();
  }

  /** Drops an engine that can no longer run (a lost GPU device): the model's weights as last read stand. */
  abandonEngine(): void {
    const fused = this.fused;
    this.fused = null;
    try {
      fused?.dispose();
    } catch {
      // a lost device may refuse to free its buffers; nothing is left to keep
    }
  }

  /** The attached engine's kind while it runs the current strategy; null when TF.js takes the steps. */
  get engineInUse(): FusedEngine['kind'] | null {
    return this.fused?.runsStrategy() ? this.fused.engine.kind : null;
  }

  /** The attached engine (running the current strategy or not), or null. */
  get engine(): FusedEngine | null {
    return this.fused?.engine ?? null;
  }

  /** Brings the model's weights up to the engine's, before anything reads the model. */
  async syncModel(): Promise<void> {
    await this.fused?.syncModel();
  }

  /** The model's weights were written from outside (a reopened run's): the engine takes them before its next step. */
  modelWeightsWritten(): void {
    this.fused?.modelWritten();
  }

  private advance(): void {
    this.globalStep++;
    this.stepInEpoch++;
    if (this.stepInEpoch >= this.stepsPerEpoch) {
      this.stepInEpoch = 0;
      this.epochsCompleted++;
    }
  }

  /** Rows in a training batch at the given step in an epoch (the last batch may be short). */
  batchRows(stepInEpoch: number): number {
    return this.batcher.rows(stepInEpoch);
  }

  /** Each head's outputs on a split, read back asynchronously: per task, row-major [rows, width]. */
  async predict(split: SplitName): Promise<Float32Array[]> {
    await this.syncModel();
    return this.evaluator.predict(this.model, split);
  }

  /** Every task's metrics on a split (regression in the target's own units). */
  async evaluate(split: SplitName): Promise<TaskMetrics[]> {
    await this.syncModel();
    return this.evaluator.evaluate(this.model, split);
  }

  /** Metrics and diagnostic-plot data of every task on a split, from one prediction pass. */
  async evaluateWithDiagnostics(split: SplitName): Promise<SplitEvaluation> {
    await this.syncModel();
    return this.evaluator.evaluateWithDiagnostics(this.model, split);
  }

  /** Cosine similarity of each pair of tasks' trunk gradients on the first `rows` training rows (see probes.ts). */
  async gradientConflict(rows = 512): Promise<number[][]> {
    await this.syncModel();
    return this.probes.gradientConflict(rows);
  }

  /** Under MMoE, each task's mean gate weight per expert, [task][expert]; null for one shared trunk. */
  async expertUsage(rows = 512): Promise<number[][] | null> {
    await this.syncModel();
    return this.probes.expertUsage(rows);
  }

  /** A copy of every weight of the network (for early stopping and divergence recovery). Caller owns it. */
  snapshotWeights(): tf.Tensor[] {
    if (this.fused && !this.fused.modelCurrent())
      throw new Error('The fused engine holds newer weights: call syncModel() first.');
    return tf.tidy(() => this.model.getWeights().map((w) => tf.clone(w)));
  }

  /** Puts a snapshot's values back (the snapshot stays the caller's). */
  restoreWeights(snapshot: tf.Tensor[]): void {
    this.model.setWeights(snapshot);
    this.fused?.modelWritten();
  }

  /**
   * Continues from a saved position: `epochs` complete, `step` steps taken (the learning-rate
   * schedule and dropout masks go on from there). The optimiser's moments start afresh.
   */
  resumeAt(epochs: number, step: number): void {
    this.epochsCompleted = epochs;
    this.globalStep = step;
    this.stepInEpoch = 0;
  }

  /** The state to continue from at an epoch's end (read with the weights, before the next step). */
  async trainingState(): Promise<TrainingState> {
    const fromEngine = await this.fused?.packedOptimizerState();
    return {
      rng: this.rng.state(),
      epochLosses: this.epochLosses.map((l) => [...l]),
      optimizers: fromEngine ?? (await this.optimizers.state()),
    };
  }

  /** Puts a saved {@link TrainingState} back (with {@link resumeAt} and the weights). */
  async restoreTrainingState(state: TrainingState): Promise<void> {
    this.rng.restore(state.rng);
    this.epochLosses.splice(0, this.epochLosses.length, ...state.epochLosses.map((l) => [...l]));
    await this.optimizers.restore(state.optimizers);
    this.fused?.optimizersWritten();
  }

  /** Forgets optimiser state (moments), e.g. after a divergence filled it with NaN. */
  resetOptimizers(): void {
    this.optimizers.reset(this.baseLearningRate);
    this.strategyLearningRate = this.baseLearningRate;
    this.currentLearningRate = NaN;
    this.fused?.optimizersWritten();
  }

  /** Frees the model, every optimiser's state (model.dispose() does not), the strategy's tensors and the data. */
  dispose(): void {
    this.abandonEngine();
    this.model.dispose();
    this.optimizers.dispose();
    this.weighting.dispose();
    disposeDeviceSplit(this.train);
    this.batcher.dispose();
    this.evaluator.dispose();
  }

  /** An off task never trains its head; under a fixed weighting neither does a task at weight 0. */
  private headTrains(k: number): boolean {
    if (!this.settings.enabled[k]) return false;
    return this.weighting.setsOwnWeights || (this.settings.weights[k] as number) > 0;
  }

  private taskSettings(weights: readonly number[], enabled: readonly boolean[]): TaskSettings {
    return { weights: [...weights], enabled: this.tasks.map((_, k) => enabled[k] ?? true) };
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
}
