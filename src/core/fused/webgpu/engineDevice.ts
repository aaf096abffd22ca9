/**
 * The engine's own WebGPU device when the caller gives none: the adapter's, with the limits the
 * plan needs (the largest buffer, the storage buffers one shader binds) asked for only when they
 * exceed the defaults, and a clear reason when the adapter cannot give them.
 */
/// <reference types="@webgpu/types" />

/** What the engine's buffers and shaders need of a device. */
export interface DeviceNeeds {
  /** The largest buffer bound as storage (the training split, usually), in bytes. */
  largestBuffer: number;
  /** Storage buffers the widest shader binds. */
  storageBuffers: number;
  /** Workgroup memory the matrix products use, in bytes. */
  workgroupStorage: number;
}

/** Why a device cannot run the plan, or null. */
export function deviceProblem(limits: GPUSupportedLimits, needs: DeviceNeeds): string | null {
  if (needs.largestBuffer > limits.maxStorageBufferBindingSize || needs.largestBuffer > limits.maxBufferSize)
    return `the training split needs a ${mib(needs.largestBuffer)} GPU buffer; this device allows ${mib(
      Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize),
    )}`;
  if (needs.storageBuffers > limits.maxStorageBuffersPerShaderStage)
    return `a step shader binds ${needs.storageBuffers} storage buffers; this device allows ${limits.maxStorageBuffersPerShaderStage}`;
  if (needs.workgroupStorage > limits.maxComputeWorkgroupStorageSize)
    return `a step shader uses ${needs.workgroupStorage} bytes of workgroup memory; this device allows ${limits.maxComputeWorkgroupStorageSize}`;
  return null;
}

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

/** A device from the first adapter navigator.gpu gives, with the limits `needs` asks for. */
export async function requestEngineDevice(needs: DeviceNeeds): Promise<GPUDevice> {
  const gpu = (globalThis.navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu) throw new Error('WebGPU is not available here (no navigator.gpu)');
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new Error('WebGPU has no adapter on this machine');
  const problem = deviceProblem(adapter.limits, needs);
  if (problem) throw new Error(`WebGPU cannot train this network: ${problem}`);
  const requiredLimits: Record<string, number> = {};
  const ask = (name: keyof GPUSupportedLimits, value: number) => {
    // Only above the default: a request for less than the default is an error on some implementations.
    requiredLimits[name] = Math.min(adapter.limits[name] as number, value);
  };
  if (needs.largestBuffer > 128 * 2 ** 20) {
    ask('maxStorageBufferBindingSize', needs.largestBuffer);
    ask('maxBufferSize', needs.largestBuffer);
  }
  if (needs.storageBuffers > 8) ask('maxStorageBuffersPerShaderStage', needs.storageBuffers);
  if (needs.workgroupStorage > 16384) ask('maxComputeWorkgroupStorageSize', needs.workgroupStorage);
  return adapter.requestDevice({ label: 'fused training engine', requiredLimits });
}
