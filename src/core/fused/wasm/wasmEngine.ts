/**
 * The WebAssembly (SIMD) fused engine: the AssemblyScript step (assembly/) on a network laid out
 * once in its own linear memory (wasmLayout.ts, wasmDescribe.ts), the training split resident
 * there. A step copies the batch's row indices and this step's weights in, makes one call, and
 * copies the loss vector out. The optimisers' iteration counts stay here, and Adam's bias
 * corrections follow from them.
 */
import type {
  FusedEngine,
  FusedEngineFactory,
  FusedOptimizerState,
  FusedStepRequest,
  FusedTrainingData,
  PendingLosses,
} from '../fusedEngine.ts';
import { slotCount, type FusedPlan } from '../fusedPlan.ts';
import { fusedWasmBytes } from './fusedWasmBinary.generated.ts';
import { dataProblem, describeNetwork } from './wasmDescribe.ts';
import { WeightingCode } from './wasmHeader.ts';
import { wasmLayout, wasmPlanProblem, type WasmLayout } from './wasmLayout.ts';

interface StepExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  step(header: number, rows: number, step: number, lr: number, weighting: number, strategyLr: number): void;
}

const BETA1 = Math.fround(0.9);
const BETA2 = Math.fround(0.999);

/** β^n as TF.js's Adam reaches it, a float32 running product from β (it starts at β and is multiplied by β each step). */
function betaPower(beta: number, n: number): number {
  let p = beta;
  for (let i = 1; i < n && p !== 0; i++) p = Math.fround(p * beta); // 0 once it underflows: stop there
  return p;
}

/**
 * One Adam's iteration count t and its β-powers β^(t+1), TF.js's running products. They follow
 * from t alone, so the count is the whole state: an engine given another's state steps exactly
 * as that one would have. (TF.js's own Adam.setWeights restarts them from pow(β, t + 1), about
 * 1e-7 away; a restored TF.js run differs from an uninterrupted one by that much too.)
 */
class AdamClock {
  iterations = 0;
  private beta1Power = BETA1;
  private beta2Power = BETA2;

  /** [1 − β₁^(t+1), 1 − β₂^(t+1)] for the coming step. */
  corrections(): [number, number] {
    return [Math.fround(1 - this.beta1Power), Math.fround(1 - this.beta2Power)];
  }

  tick(): void {
    this.iterations++;
    this.beta1Power = Math.fround(this.beta1Power * BETA1);
    this.beta2Power = Math.fround(this.beta2Power * BETA2);
  }

  set(iterations: number): void {
    this.iterations = iterations;
    this.beta1Power = betaPower(BETA1, iterations + 1);
    this.beta2Power = betaPower(BETA2, iterations + 1);
  }
}

class WasmEngine implements FusedEngine {
  readonly kind = 'wasm' as const;
  readonly lost: Promise<string> = new Promise<string>(() => {}); // WebAssembly memory is never lost
  private i32: Int32Array;
  private f32: Float32Array;
  private readonly clocks: AdamClock[]; // per partition
  private readonly strategyClock = new AdamClock();
  private readonly T: number;
  private exports: StepExports | null;

  constructor(
    private readonly plan: FusedPlan,
    private readonly layout: WasmLayout,
    private readonly rows: number,
    exports: StepExports,
  ) {
    this.exports = exports;
    this.i32 = new Int32Array(exports.memory.buffer); // the memory never grows again: the views stay valid
    this.f32 = new Float32Array(exports.memory.buffer);
    this.T = plan.tasks.length;
    this.clocks = plan.partitions.map(() => new AdamClock());
  }

  step(request: FusedStepRequest): PendingLosses {
    const exports = this.live();
    const { batch } = request;
    const T = this.T;
    if (batch.length < 1 || batch.length > this.plan.batchSize)
      throw new RangeError(`A batch of ${batch.length} rows; the engine takes 1 to ${this.plan.batchSize}.`);
    for (const r of batch)
      if (!(r >= 0 && r < this.rows))
        throw new RangeError(`Row ${r} is outside the training split (${this.rows} rows).`);
    if (request.taskWeights.length !== T || request.headTrains.length !== T)
      throw new RangeError(`Expected weights and head switches for ${T} tasks.`);
    const { layout } = this;
    this.i32.set(batch, layout.batchIndices / 4);
    this.f32.set(request.taskWeights, layout.taskWeights / 4);
    for (let k = 0; k < T; k++) this.i32[layout.headTrains / 4 + k] = request.headTrains[k] ? 1 : 0;
    const corrections = [...this.clocks, this.strategyClock].flatMap((c) => c.corrections());
    this.f32.set(corrections, layout.biasCorrections / 4);
    const uncertainty = request.weighting === 'uncertainty';
    exports.step(
      layout.header,
      batch.length,
      request.step | 0,
      request.learningRate,
      uncertainty ? WeightingCode.Uncertainty : WeightingCode.Assigned,
      request.strategyLearningRate,
    );
    this.clocks.forEach((clock, p) => {
      if (p === 0 || request.headTrains[p - 1]) clock.tick();
    });
    if (uncertainty) this.strategyClock.tick();
    const losses = this.f32.slice(layout.losses / 4, layout.losses / 4 + 2 * T + 1);
    return { read: () => Promise.resolve(losses.slice()) };
  }

  async readParameters(): Promise<Float32Array> {
    return this.floats(this.layout.params, this.plan.parameterCount);
  }

  writeParameters(values: Float32Array): void {
    this.live();
    this.expectLength(values, this.plan.parameterCount, 'parameters');
    this.f32.set(values, this.layout.params / 4);
  }

  async readOptimizerState(): Promise<FusedOptimizerState> {
    const P = this.plan.parameterCount;
    const slots = [this.layout.slot0, this.layout.slot1].slice(0, slotCount(this.plan.optimizer));
    const s = this.layout.strategy;
    return {
      iterations: this.clocks.map((c) => c.iterations),
      slots: slots.map((at) => this.floats(at, P)),
      strategy: {
        values: this.floats(s.values, this.T),
        m: this.floats(s.m, this.T),
        v: this.floats(s.v, this.T),
        iterations: this.strategyClock.iterations,
      },
    };
  }

  writeOptimizerState(state: FusedOptimizerState): void {
    this.live();
    const P = this.plan.parameterCount;
    const count = slotCount(this.plan.optimizer);
    if (state.iterations.length !== this.clocks.length)
      throw new RangeError(`Expected ${this.clocks.length} partitions' iteration counts.`);
    if (state.slots.length !== count) throw new RangeError(`The ${this.plan.optimizer} optimiser has ${count} slots.`);
    state.slots.forEach((slot) => this.expectLength(slot, P, 'optimiser slot'));
    const s = state.strategy;
    [s.values, s.m, s.v].forEach((a) => this.expectLength(a, this.T, 'strategy state'));
    [this.layout.slot0, this.layout.slot1]
      .slice(0, count)
      .forEach((at, i) => this.f32.set(state.slots[i] as Float32Array, at / 4));
    state.iterations.forEach((t, p) => this.clocks[p]?.set(t));
    this.f32.set(s.values, this.layout.strategy.values / 4);
    this.f32.set(s.m, this.layout.strategy.m / 4);
    this.f32.set(s.v, this.layout.strategy.v / 4);
    this.strategyClock.set(s.iterations);
  }

  resetOptimizer(): void {
    this.live();
    const P = this.plan.parameterCount;
    [this.layout.slot0, this.layout.slot1].forEach((at) => this.f32.fill(0, at / 4, at / 4 + P));
    this.clocks.forEach((c) => c.set(0));
  }

  resetStrategy(): void {
    this.live();
    const s = this.layout.strategy;
    [s.values, s.m, s.v, s.grads].forEach((at) => this.f32.fill(0, at / 4, at / 4 + this.T));
    this.strategyClock.set(0);
  }

  memoryBytes(): number {
    return this.live().memory.buffer.byteLength;
  }

  dispose(): void {
    // Drops every reference to the instance and its memory, so they can be collected.
    this.exports = null;
    this.i32 = new Int32Array(0);
    this.f32 = new Float32Array(0);
  }

  private live(): StepExports {
    if (!this.exports) throw new Error('The WASM engine was disposed.');
    return this.exports;
  }

  private floats(at: number, count: number): Float32Array {
    this.live();
    return this.f32.slice(at / 4, at / 4 + count);
  }

  private expectLength(values: ArrayLike<number>, length: number, what: string): void {
    if (values.length !== length) throw new RangeError(`Expected ${length} ${what} values, got ${values.length}.`);
  }
}

/** Makes a WASM engine for the plan, with the split resident; rejects with the reason when it cannot. */
export const createWasmEngine: FusedEngineFactory = async (plan: FusedPlan, data: FusedTrainingData) => {
  const problem = wasmPlanProblem(plan, data.rows) ?? dataProblem(plan, data);
  if (problem) throw new Error(problem);
  const { instance } = await WebAssembly.instantiate(fusedWasmBytes(), {});
  const exports = instance.exports as unknown as StepExports;
  const layout = wasmLayout(plan, data.rows, exports.heapBase());
  const have = exports.memory.buffer.byteLength;
  try {
    if (layout.bytes > have) exports.memory.grow((layout.bytes - have) / 65536);
  } catch (e) {
    throw new Error(`Could not reserve ${Math.ceil(layout.bytes / 2 ** 20)} MiB of WebAssembly memory: ${String(e)}`, {
      cause: e,
    });
  }
  describeNetwork(exports.memory.buffer, layout, plan, data);
  return new WasmEngine(plan, layout, data.rows, exports);
};
