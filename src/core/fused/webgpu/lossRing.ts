/**
 * The steps' loss vectors on the GPU: step n's shader writes slot n mod the ring's slots. A read copies
 * every slot not yet copied (one or two regions, in step order) into a mappable buffer and maps
 * it once; every step up to then resolves from that one map. Before a slot would be overwritten
 * uncopied, the ring copies itself out unasked, so no step's losses are lost however rarely
 * anyone reads.
 */
/// <reference types="@webgpu/types" />
import type { PendingLosses } from '../fusedEngine.ts';
import type { GpuBuffers } from './gpuBuffers.ts';

/** One copy-out: the steps [first, first + count), their vectors once mapped. */
interface Copy {
  first: number;
  values: Promise<Float32Array>;
}

/** A step's place in the ring, and the copy that holds its losses once one has been made. */
interface Handle {
  step: number;
  copy: Copy | null;
}

export class LossRing {
  readonly buffer: GPUBuffer;
  private readonly free: GPUBuffer[] = [];
  /** Steps submitted but not yet copied out, in step order. */
  private waiting: Handle[] = [];
  private steps = 0;

  constructor(
    private readonly device: GPUDevice,
    private readonly buffers: GpuBuffers,
    private readonly stride: number,
    private readonly slots: number,
    /** Mappable buffers made up front, so memory does not grow while a read or two overlap. */
    staging = 2,
  ) {
    this.buffer = buffers.storage('loss ring', slots * stride);
    for (let i = 0; i < staging; i++) this.free.push(this.newStaging());
  }

  /** The ring slot of the next step; copies the ring out first if that slot still holds an uncopied step. */
  nextSlot(): number {
    if (this.waiting.length >= this.slots) this.copyOut();
    return this.steps % this.slots;
  }

  /** Records that the step writing `nextSlot()` was submitted; its losses, when read. */
  stepTaken(): PendingLosses {
    const handle: Handle = { step: this.steps++, copy: null };
    this.waiting.push(handle);
    return { read: () => this.read(handle) };
  }

  private async read(handle: Handle): Promise<Float32Array> {
    if (!handle.copy) this.copyOut();
    const copy = handle.copy as unknown as Copy;
    const values = await copy.values;
    const at = (handle.step - copy.first) * this.stride;
    return values.slice(at, at + this.stride);
  }

  /** Copies every uncopied slot out, in step order, into one mappable buffer, and maps it. */
  private copyOut(): void {
    const count = this.waiting.length;
    if (count === 0) return;
    const first = (this.waiting[0] as Handle).step;
    const staging = this.free.pop() ?? this.newStaging();
    const encoder = this.device.createCommandEncoder({ label: 'loss read-back' });
    const start = first % this.slots;
    const head = Math.min(count, this.slots - start);
    const bytes = this.stride * 4;
    encoder.copyBufferToBuffer(this.buffer, start * bytes, staging, 0, head * bytes);
    if (count > head) encoder.copyBufferToBuffer(this.buffer, 0, staging, head * bytes, (count - head) * bytes);
    this.device.queue.submit([encoder.finish()]);
    const values = staging.mapAsync(GPUMapMode.READ, 0, count * bytes).then(
      () => {
        const out = new Float32Array(staging.getMappedRange(0, count * bytes).slice(0));
        staging.unmap();
        this.free.push(staging);
        return out;
      },
      (e: unknown) => {
        this.buffers.destroy(staging);
        throw e;
      },
    );
    values.catch(() => undefined); // a read that awaits it still sees the failure; nobody else must
    const copy: Copy = { first, values };
    for (const h of this.waiting) h.copy = copy;
    this.waiting = [];
  }

  private newStaging(): GPUBuffer {
    return this.buffers.create(
      'loss staging',
      this.slots * this.stride * 4,
      GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    );
  }
}
