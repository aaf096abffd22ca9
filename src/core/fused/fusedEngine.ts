/**
 * The contract between the trainer and a fused engine: a whole training step (forward, losses,
 * backward, penalties, clipping, optimiser update) in one call into WebAssembly or one WebGPU
 * command buffer, with the parameters, optimiser state and training split resident in the engine.
 * The trainer keeps its TF.js model as the run's record (evaluation, exports, checkpoints) and
 * moves weights and optimiser state between the two (fusedSync.ts). Plain TypeScript: no TF.js.
 */
import type { FusedPlan } from './fusedPlan.ts';

/** The training split as the engine keeps it: dense features, and per task the target and each row's loss weight. */
export interface FusedTrainingData {
  rows: number;
  /** [rows, plan.inputSize], row-major. */
  x: Float32Array;
  /** Per task [rows]: class index or standardised value, missing ones replaced by 0. */
  targets: Float32Array[];
  /** Per task [rows]: 0 where the target is missing, else 1 or the class's weight. */
  rowWeights: Float32Array[];
}

/** What one step needs beyond the engine's own state. */
export interface FusedStepRequest {
  /** This step's rows: indices into the training split, in batch order. */
  batch: Int32Array;
  /** 0-based global step (the dropout masks: see dropoutMask.ts). */
  step: number;
  /** The network's learning rate for this step (the schedule applied). */
  learningRate: number;
  /**
   * 'assigned': `taskWeights` are the weights (Manual, Equal, DWA; 0 = off).
   * 'uncertainty': `taskWeights` are the on/off mask (1 / 0) and the engine's log-variances set the weights.
   */
  weighting: 'assigned' | 'uncertainty';
  taskWeights: Float32Array;
  /** Per task, 1 when its head's parameters and optimiser state move this step (off tasks' heads stay). */
  headTrains: Uint8Array;
  /** Uncertainty: the learning rate of the strategy's own Adam (the base rate when the strategy started). */
  strategyLearningRate: number;
}

/** One step's loss vector [L₁…L_T, total, w₁…w_T], read back when asked (never every step on a GPU). */
export interface PendingLosses {
  read(): Promise<Float32Array>;
}

/**
 * Optimiser state in the plan's flat layout. Partitions: 0 = trunk, 1 + k = task k's head.
 * Slots per parameter: Adam [m, v]; RMSProp [mean square, moment]; momentum [accumulation]; SGD none.
 */
export interface FusedOptimizerState {
  /** Per partition: steps its optimiser has taken (TF.js's `iter`). */
  iterations: number[];
  /** Each slot over all parameters, flat [plan.parameterCount]. */
  slots: Float32Array[];
  /** Uncertainty's log-variances s [T] and their Adam state (always Adam). */
  strategy: { values: Float32Array; m: Float32Array; v: Float32Array; iterations: number };
}

export interface FusedEngine {
  readonly kind: 'wasm' | 'webgpu';
  /** Takes one step; the returned losses are those of this step's forward pass (before the update). */
  step(request: FusedStepRequest): PendingLosses;
  /** The parameters, flat in the plan's layout (after every step so far). */
  readParameters(): Promise<Float32Array>;
  writeParameters(values: Float32Array): void;
  readOptimizerState(): Promise<FusedOptimizerState>;
  writeOptimizerState(state: FusedOptimizerState): void;
  /** Every moment and iteration count of the network's optimisers back to zero (not the strategy's). */
  resetOptimizer(): void;
  /** Uncertainty's log-variances back to 0 and their Adam state fresh (a strategy starts afresh). */
  resetStrategy(): void;
  /** Bytes the engine holds (WASM linear memory, or GPU buffers): tests check it does not grow. */
  memoryBytes(): number;
  /** Settles with a reason if the engine can no longer run (a WebGPU device lost); never for WASM. */
  readonly lost: Promise<string>;
  dispose(): void;
}

/** Builds an engine for a plan; rejects with a reason when it cannot (no adapter, out of memory, too wide). */
export type FusedEngineFactory = (plan: FusedPlan, data: FusedTrainingData) => Promise<FusedEngine>;
