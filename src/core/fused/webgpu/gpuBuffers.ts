/**
 * Every GPU buffer the engine holds, created through one registry that sums their sizes (the
 * engine's memoryBytes) and destroys them all at the end; and the read-back helper: copy into a
 * fresh mappable buffer, map, copy out, destroy.
 */
/// <reference types="@webgpu/types" />

export class GpuBuffers {
  private readonly live = new Set<GPUBuffer>();
  private bytes = 0;

  constructor(private readonly device: GPUDevice) {}

  create(label: string, size: number, usage: GPUBufferUsageFlags): GPUBuffer {
    // Sizes round up to 4 bytes (copies and bindings need it); an empty buffer still gets 4.
    const padded = Math.max(4, Math.ceil(size / 4) * 4);
    const buffer = this.device.createBuffer({ label, size: padded, usage });
    this.live.add(buffer);
    this.bytes += padded;
    return buffer;
  }

  /** A storage buffer the queue writes and copies read from. */
  storage(label: string, floats: number, extra: GPUBufferUsageFlags = 0): GPUBuffer {
    return this.create(
      label,
      floats * 4,
      GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC | extra,
    );
  }

  destroy(buffer: GPUBuffer): void {
    if (!this.live.delete(buffer)) return;
    this.bytes -= buffer.size;
    buffer.destroy();
  }

  get totalBytes(): number {
    return this.bytes;
  }

  destroyAll(): void {
    for (const b of [...this.live]) this.destroy(b);
  }

  /** The floats of `regions` of GPU buffers, concatenated, after everything submitted so far. */
  async read(regions: { buffer: GPUBuffer; offset: number; floats: number }[]): Promise<Float32Array> {
    const floats = regions.reduce((s, r) => s + r.floats, 0);
    const staging = this.create('read-back', floats * 4, GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST);
    try {
      const encoder = this.device.createCommandEncoder({ label: 'read-back' });
      let at = 0;
      for (const r of regions) {
        if (r.floats > 0) encoder.copyBufferToBuffer(r.buffer, r.offset * 4, staging, at * 4, r.floats * 4);
        at += r.floats;
      }
      this.device.queue.submit([encoder.finish()]);
      await staging.mapAsync(GPUMapMode.READ);
      return new Float32Array(staging.getMappedRange(0, floats * 4).slice(0));
    } finally {
      this.destroy(staging);
    }
  }
}
