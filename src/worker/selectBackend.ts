/**
 * Picks the TensorFlow.js backend. Auto: WebGPU on a hardware adapter; otherwise WASM, then
 * WebGL, then CPU (a software WebGPU adapter is ~25× slower than WASM on a CPU). An explicit
 * choice is honoured even on a software adapter; a backend that fails to start falls back.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendChoice, BackendName } from '../core/types.ts';

const FALLBACK_ORDER: BackendName[] = ['wasm', 'webgl', 'cpu'];

export interface BackendSelection {
  backend: BackendName;
  /** One sentence for the Backend status: which backend and why. */
  reason: string;
}

interface WebGpuProbe {
  hardware: boolean;
  description: string;
}

/** Asks navigator.gpu for an adapter and whether it is a software fallback. */
async function probeWebGpu(): Promise<WebGpuProbe> {
  const gpu = (globalThis.navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu) return { hardware: false, description: 'this browser has no WebGPU (navigator.gpu is missing)' };
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { hardware: false, description: 'WebGPU offers no adapter here' };
    // `info` (with isFallbackAdapter) is newer than some type definitions; older Chromes put the flag on the adapter.
    const withInfo = adapter as GPUAdapter & {
      info?: Partial<GPUAdapterInfo> & { isFallbackAdapter?: boolean };
      isFallbackAdapter?: boolean;
    };
    const info = withInfo.info ?? {};
    const fallback = info.isFallbackAdapter ?? withInfo.isFallbackAdapter ?? false;
    const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'unknown adapter';
    return fallback || /swiftshader/i.test(name)
      ? { hardware: false, description: `the WebGPU adapter (${name}) is a software fallback` }
      : { hardware: true, description: `WebGPU adapter ${name}` };
  } catch (e) {
    return { hardware: false, description: `WebGPU failed to give an adapter (${String(e)})` };
  }
}

/** Switches to a backend and checks it computes; false if it cannot start. */
async function tryBackend(name: BackendName): Promise<boolean> {
  try {
    if (!(await tf.setBackend(name))) return false;
    await tf.ready();
    const probe = tf.add(tf.scalar(1), tf.scalar(1));
    const value = (await probe.data())[0];
    probe.dispose();
    return tf.getBackend() === name && value === 2;
  } catch {
    return false;
  }
}

async function firstWorking(order: BackendName[], why: string): Promise<BackendSelection> {
  const failed: string[] = [];
  for (const name of order) {
    if (await tryBackend(name)) {
      const note = failed.length ? ` (${failed.join(', ')} failed to start)` : '';
      return { backend: name, reason: `${why}; using ${name}${note}.` };
    }
    failed.push(name);
  }
  throw new Error('No TensorFlow.js backend could start in this browser.');
}

/** Chooses and activates a backend for `choice`. */
export async function selectBackend(choice: BackendChoice): Promise<BackendSelection> {
  if (choice === 'auto') {
    const probe = await probeWebGpu();
    if (probe.hardware && (await tryBackend('webgpu'))) {
      return { backend: 'webgpu', reason: `Auto: ${probe.description}; using webgpu.` };
    }
    const why = probe.hardware
      ? `Auto: ${probe.description} failed to start`
      : `Auto: ${probe.description}, so the CPU backends are faster`;
    return firstWorking(FALLBACK_ORDER, why);
  }
  if (await tryBackend(choice)) return { backend: choice, reason: `Chosen: ${choice}.` };
  return firstWorking(
    FALLBACK_ORDER.filter((b) => b !== choice),
    `${choice} failed to start here, so it fell back`,
  );
}
