/**
 * The WebGPU fused engine: a whole training step as one command buffer. Per step the CPU writes
 * the batch's row indices and a small uniform (step, learning rates, task weights, which heads
 * train, Adam's bias corrections), encodes the fixed dispatch list and submits; the losses stay
 * in a GPU ring until read (see lossRing.ts). Parameters, gradients, optimiser state and the
 * training split live on the GPU for the engine's life.
 */
/// <reference types="@webgpu/types" />
import type {
  FusedEngine,
  FusedEngineFactory,
  FusedOptimizerState,
  FusedStepRequest,
  FusedTrainingData,
  PendingLosses,
} from '../fusedEngine.ts';
import type { FusedPlan } from '../fusedPlan.ts';
import { deviceProblem, requestEngineDevice, type DeviceNeeds } from './engineDevice.ts';
import { createStepResources, type StepResources } from './stepResources.ts';
import { stepLayout, type StepLayout } from './stepLayout.ts';

export interface WebGpuEngineOptions {
  /** Steps whose losses stay on the GPU before the ring copies them out unasked (default 4096). */
  ringSlots?: number;
}

const BETA1 = 0.9;
const BETA2 = 0.999;

/** β^(t+1) as TF.js's Adam holds it (a float32), for a partition that has taken t steps. */
function betaPower(beta: number, t: number): number {
  return Math.fround(Math.pow(beta, t + 1));
}

/** A typed array as writeBuffer's typings take it (the spec allows any buffer behind the view; the typings lag). */
function viewOf(a: Int32Array | Float32Array): ArrayBufferView<ArrayBuffer> {
  return a as ArrayBufferView<ArrayBuffer>;
}

function needsOf(layout: StepLayout): DeviceNeeds {
  const floats = Math.max(layout.dataFloats, layout.workFloats, layout.slots * layout.plan.parameterCount);
  // The loss shader binds the most storage buffers (6); the reductions use 512 bytes of workgroup memory.
  return { largestBuffer: floats * 4, storageBuffers: 6, workgroupStorage: 512 };
}

class WebGpuEngine implements FusedEngine {
  readonly kind = 'webgpu' as const;
  readonly lost: Promise<string>;
  private readonly T: number;
  private readonly P: number;
  private readonly uniform: ArrayBuffer;
  private readonly u32: Uint32Array;
  private readonly f32: Float32Array;
  private iterations: number[];
  private strategyIterations = 0;
  private disposed = false;
  private readonly onError: (e: GPUUncapturedErrorEvent) => void;

  constructor(
    private readonly device: GPUDevice,
    private readonly ownsDevice: boolean,
    private readonly layout: StepLayout,
    private readonly res: StepResources,
  ) {
    this.T = layout.tasks;
    this.P = layout.plan.parameterCount;
    this.uniform = new ArrayBuffer(layout.uniformBytes);
    this.u32 = new Uint32Array(this.uniform);
    this.f32 = new Float32Array(this.uniform);
    this.iterations = layout.plan.partitions.map(() => 0);
    let settle: (reason: string) => void = () => {};
    this.lost = new Promise<string>((resolve) => (settle = resolve));
    this.onError = (e) =>
      settle(
        typeof GPUOutOfMemoryError !== 'undefined' && e.error instanceof GPUOutOfMemoryError
          ? `the GPU ran out of memory: ${e.error.message}`
          : `WebGPU error: ${e.error.message}`,
      );
    device.addEventListener('uncapturederror', this.onError);
    void device.lost.then((info) => {
      if (!this.disposed) settle(`the WebGPU device was lost (${info.reason}): ${info.message}`);
    });
  }

  step(request: FusedStepRequest): PendingLosses {
    if (this.disposed) throw new Error('the WebGPU engine was disposed');
    const { batch, taskWeights, headTrains } = request;
    const rows = batch.length;
    if (rows < 1 || rows > this.layout.plan.batchSize)
      throw new RangeError(`a batch of ${rows} rows (the plan's batch holds 1 to ${this.layout.plan.batchSize})`);
    if (taskWeights.length !== this.T || headTrains.length !== this.T)
      throw new RangeError(`expected ${this.T} task weights and head flags`);
    const { queue } = this.device;
    const { byName, ring, dispatches } = this.res;
    queue.writeBuffer(byName.batch, 0, viewOf(batch));
    const uncertainty = request.weighting === 'uncertainty';
    const slot = ring.nextSlot();
    this.fillUniform(request, rows, slot, uncertainty);
    queue.writeBuffer(byName.step, 0, this.uniform);

    const encoder = this.device.createCommandEncoder({ label: 'fused step' });
    const pass = encoder.beginComputePass({ label: 'fused step' });
    for (const d of dispatches) {
      if (d.when === 'uncertainty' && !uncertainty) continue;
      pass.setPipeline(d.pipeline);
      pass.setBindGroup(0, d.bindGroup);
      pass.dispatchWorkgroups(d.workgroups[0], d.workgroups[1]);
    }
    pass.end();
    queue.submit([encoder.finish()]);

    this.iterations[0] = (this.iterations[0] as number) + 1;
    for (let k = 0; k < this.T; k++) if (headTrains[k]) this.iterations[k + 1] = (this.iterations[k + 1] as number) + 1;
    if (uncertainty) this.strategyIterations++;
    return ring.stepTaken();
  }

  private fillUniform(request: FusedStepRequest, rows: number, slot: number, uncertainty: boolean): void {
    const { u32, f32 } = this;
    u32[0] = request.step >>> 0;
    u32[1] = rows;
    u32[2] = slot;
    u32[3] = uncertainty ? 1 : 0;
    f32[4] = request.learningRate;
    f32[5] = request.strategyLearningRate;
    f32[6] = betaPower(BETA1, this.strategyIterations);
    f32[7] = betaPower(BETA2, this.strategyIterations);
    for (let k = 0; k < this.T; k++) f32[8 + k] = request.taskWeights[k] as number;
    const parts = 8 + 4 * this.layout.weightVec4s;
    this.iterations.forEach((t, p) => {
      const at = parts + 4 * p;
      f32[at] = p === 0 || request.headTrains[p - 1] ? 1 : 0;
      f32[at + 1] = betaPower(BETA1, t);
      f32[at + 2] = betaPower(BETA2, t);
    });
  }

  readParameters(): Promise<Float32Array> {
    return this.res.buffers.read([{ buffer: this.res.byName.params, offset: 0, floats: this.P }]);
  }

  writeParameters(values: Float32Array): void {
    if (values.length !== this.P) throw new RangeError(`expected ${this.P} parameters, got ${values.length}`);
    this.device.queue.writeBuffer(this.res.byName.params, 0, viewOf(values));
  }

  async readOptimizerState(): Promise<FusedOptimizerState> {
    const { slots, P, T } = { slots: this.layout.slots, P: this.P, T: this.T };
    const iterations = [...this.iterations];
    const strategyIterations = this.strategyIterations;
    const all = await this.res.buffers.read([
      { buffer: this.res.byName.slots, offset: 0, floats: slots * P },
      { buffer: this.res.byName.misc, offset: 0, floats: 3 * T },
    ]);
    const misc = all.subarray(slots * P);
    return {
      iterations,
      slots: Array.from({ length: slots }, (_, j) => all.slice(j * P, (j + 1) * P)),
      strategy: {
        values: misc.slice(this.layout.strategyValues, this.layout.strategyValues + T),
        m: misc.slice(this.layout.strategyM, this.layout.strategyM + T),
        v: misc.slice(this.layout.strategyV, this.layout.strategyV + T),
        iterations: strategyIterations,
      },
    };
  }

  writeOptimizerState(state: FusedOptimizerState): void {
    const { P, T } = this;
    if (state.iterations.length !== this.iterations.length) throw new RangeError('optimizer state: wrong partitions');
    if (state.slots.length !== this.layout.slots || state.slots.some((s) => s.length !== P))
      throw new RangeError(`optimizer state: expected ${this.layout.slots} slots of ${P} values`);
    const { values, m, v } = state.strategy;
    if (values.length !== T || m.length !== T || v.length !== T) throw new RangeError('optimizer state: strategy size');
    const { queue } = this.device;
    state.slots.forEach((s, j) => queue.writeBuffer(this.res.byName.slots, j * P * 4, viewOf(s)));
    const misc = new Float32Array(3 * T);
    misc.set(values, this.layout.strategyValues);
    misc.set(m, this.layout.strategyM);
    misc.set(v, this.layout.strategyV);
    queue.writeBuffer(this.res.byName.misc, 0, misc);
    this.iterations = [...state.iterations];
    this.strategyIterations = state.strategy.iterations;
  }

  resetOptimizer(): void {
    const encoder = this.device.createCommandEncoder({ label: 'reset optimizer' });
    encoder.clearBuffer(this.res.byName.slots);
    this.device.queue.submit([encoder.finish()]);
    this.iterations = this.iterations.map(() => 0);
  }

  resetStrategy(): void {
    this.device.queue.writeBuffer(this.res.byName.misc, 0, new Float32Array(3 * this.T));
    this.strategyIterations = 0;
  }

  memoryBytes(): number {
    return this.res.buffers.totalBytes;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.device.removeEventListener('uncapturederror', this.onError);
    this.res.buffers.destroyAll();
    if (this.ownsDevice) this.device.destroy();
  }
}

/**
 * An engine for `plan` with `data` resident, on `device` or on a device of its own. Rejects with
 * the reason when WebGPU is missing, the device's limits are too small or creation fails.
 */
export async function createWebGpuEngine(
  plan: FusedPlan,
  data: FusedTrainingData,
  device?: GPUDevice,
  options: WebGpuEngineOptions = {},
): Promise<FusedEngine> {
  const layout = stepLayout(plan, data);
  const needs = needsOf(layout);
  if (device) {
    const problem = deviceProblem(device.limits, needs);
    if (problem) throw new Error(`WebGPU cannot train this network: ${problem}`);
  }
  const gpu = device ?? (await requestEngineDevice(needs));
  try {
    return new WebGpuEngine(
      gpu,
      !device,
      layout,
      await createStepResources(gpu, layout, data, options.ringSlots ?? 4096),
    );
  } catch (e) {
    if (!device) gpu.destroy();
    throw e;
  }
}

/** The factory the trainer takes: an engine on a device of its own. */
export const webGpuEngineFactory: FusedEngineFactory = (plan, data) => createWebGpuEngine(plan, data);
