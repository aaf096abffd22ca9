/**
 * A fused engine attached to a trainer: takes the steps it can (the strategy has a fused form) and
 * keeps track of where the run's parameters and optimiser state are current — in the TF.js model
 * and optimisers, in the engine, or in both — moving them only when the other side needs them: the
 * model before anything reads it (evaluation, checkpoints, exports), the engine before its step
 * after the model was written (a restore, a reopened run) or TF.js took steps (GradNorm, PCGrad).
 */
import * as tf from '@tensorflow/tfjs';
import type { FusedEngine, FusedStepRequest, PendingLosses } from '../fused/fusedEngine.ts';
import { packFusedState, unpackFusedState } from '../fused/fusedOptimizerState.ts';
import type { FusedPlan } from '../fused/fusedPlan.ts';
import { readModelParameters, writeModelParameters } from '../fused/modelParameters.ts';
import type { FusedWeighting, TaskWeighting } from '../weighting/taskWeighting.ts';
import type { PackedTensors } from './packedTensors.ts';
import type { PartitionedOptimizers } from './partitionedOptimizers.ts';

/** A step's loss vector [L₁…L_T, total, w₁…w_T]: on the TF.js backend, or in a fused engine. */
export type LossVector = tf.Tensor1D | PendingLosses;

type Where = 'tfjs' | 'engine' | 'both';

/** How long a failed engine read waits for the engine's `lost` to say it stopped. */
const LOST_GRACE_MS = 500;

/** What the stepper reaches of its trainer. */
export interface StepperHost {
  readonly model: tf.LayersModel;
  readonly optimizers: PartitionedOptimizers;
  weighting(): TaskWeighting;
}

export class FusedStepper {
  private parameters: Where = 'tfjs';
  private optimizerState: Where = 'tfjs';
  /** Why the engine stopped, once it has. */
  private lostReason: string | null = null;

  constructor(
    readonly engine: FusedEngine,
    readonly plan: FusedPlan,
    private readonly host: StepperHost,
  ) {
    void engine.lost.then((reason) => (this.lostReason = reason));
  }

  /** Whether the current strategy's step runs on the engine. */
  runsStrategy(): boolean {
    return this.host.weighting().fused !== undefined;
  }

  /** Whether the next step (on the engine when `onEngine`) can be taken without moving anything first. */
  ready(onEngine: boolean): boolean {
    const side: Where = onEngine ? 'engine' : 'tfjs';
    return (
      (this.parameters === side || this.parameters === 'both') &&
      (this.optimizerState === side || this.optimizerState === 'both')
    );
  }

  /** Whether the TF.js model holds the run's current weights. */
  modelCurrent(): boolean {
    return this.parameters !== 'engine';
  }

  /** Moves the parameters and optimiser state to the side the next step runs on. */
  async handOver(onEngine: boolean): Promise<void> {
    if (onEngine) {
      if (this.parameters === 'tfjs') {
        this.engine.writeParameters(await readModelParameters(this.host.model, this.plan));
        this.parameters = 'both';
      }
      if (this.optimizerState === 'tfjs') {
        const packed = await this.host.optimizers.state();
        this.engine.writeOptimizerState(unpackFusedState(packed, this.plan, await this.logVariances()));
        this.optimizerState = 'both';
      }
    } else {
      await this.syncModel();
      if (this.optimizerState === 'engine') {
        const state = await this.guarded(this.engine.readOptimizerState());
        await this.host.optimizers.restore(packFusedState(state, this.plan));
        const fused = this.host.weighting().fused;
        if (fused?.kind === 'uncertainty') tf.tidy(() => fused.logVariances.assign(tf.tensor1d(state.strategy.values)));
        this.optimizerState = 'both';
      }
    }
  }

  /** One step on the engine (call {@link handOver} first unless {@link ready}); its read fails with {@link EngineLostError} if the engine is lost. */
  step(request: Omit<FusedStepRequest, 'weighting' | 'taskWeights'>): PendingLosses {
    if (this.lostReason !== null) throw new EngineLostError(this.lostReason);
    const fused = this.host.weighting().fused as FusedWeighting;
    const pending = this.engine.step({
      ...request,
      weighting: fused.kind,
      taskWeights: Float32Array.from(fused.kind === 'assigned' ? fused.weights() : fused.onMask()),
    });
    this.parameters = 'engine';
    this.optimizerState = 'engine';
    return { read: () => this.guarded(pending.read()) };
  }

  /**
   * An engine read that fails because the engine stopped fails as {@link EngineLostError}, which
   * the runner answers by going on with TF.js. A destroyed WebGPU device rejects its pending maps
   * (an AbortError) a moment before its `lost` settles, so a failed read waits briefly for it.
   */
  private async guarded<T>(read: Promise<T>): Promise<T> {
    const lost = this.engine.lost.then((reason) => Promise.reject(new EngineLostError(reason)));
    try {
      return await Promise.race([read, lost]);
    } catch (e) {
      if (e instanceof EngineLostError) throw e;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const grace = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), LOST_GRACE_MS)));
      const reason = await Promise.race([this.engine.lost, grace]);
      clearTimeout(timer);
      throw reason === null ? e : new EngineLostError(reason);
    }
  }

  /** A TF.js step was taken: the model and optimisers are ahead of the engine. */
  tookTfjsStep(): void {
    this.parameters = 'tfjs';
    this.optimizerState = 'tfjs';
  }

  /** Brings the model's weights up to the engine's (before anything reads the model). */
  async syncModel(): Promise<void> {
    if (this.parameters !== 'engine') return;
    writeModelParameters(this.host.model, this.plan, await this.guarded(this.engine.readParameters()));
    this.parameters = 'both';
  }

  /** The optimisers' state in TF.js's format (a checkpoint's), read from the engine when it holds the latest; null when TF.js does. */
  async packedOptimizerState(): Promise<PackedTensors[] | null> {
    if (this.optimizerState !== 'engine') return null;
    return packFusedState(await this.guarded(this.engine.readOptimizerState()), this.plan);
  }

  /** The model's weights were replaced (a restore, a reopened run): the engine takes them before its next step. */
  modelWritten(): void {
    this.parameters = 'tfjs';
  }

  /** TF.js's optimiser state was replaced or reset: the engine takes it before its next step. */
  optimizersWritten(): void {
    this.optimizerState = 'tfjs';
  }

  /** A new strategy started with fresh state on the TF.js side: so does the engine's. */
  strategyRestarted(): void {
    this.engine.resetStrategy();
  }

  dispose(): void {
    this.engine.dispose();
  }

  private async logVariances(): Promise<Float32Array> {
    const fused = this.host.weighting().fused;
    if (fused?.kind === 'uncertainty') return (await fused.logVariances.data()) as Float32Array;
    return new Float32Array(this.plan.tasks.length);
  }
}

/** A fused engine stopped working mid-run (a lost GPU device, out of memory): the run goes on with TF.js. */
export class EngineLostError extends Error {
  constructor(readonly reason: string) {
    super(`The fused engine stopped: ${reason}`);
  }
}

/** Whether a loss vector is a TF.js tensor (else a fused engine's). */
export function isTensorVector(vector: LossVector): vector is tf.Tensor1D {
  return vector instanceof tf.Tensor;
}
