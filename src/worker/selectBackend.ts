/**
 * Picks the TensorFlow.js backend. Auto: WebGPU on a hardware adapter; otherwise WASM, then
 * WebGL, then CPU (a software WebGPU adapter is ~25× slower than WASM on a CPU). An explicit
 * choice is honoured even on a software adapter; a backend that fails to start falls back.
 */
import * as tf from '@tensorflow/tfjs';
import { commaList, message, type Message } from '../core/messages/message.ts';
import { MessageError } from '../core/messages/messageError.ts';
import type { BackendChoice, BackendName } from '../core/types.ts';

const FALLBACK_ORDER: BackendName[] = ['wasm', 'webgl', 'cpu'];

export interface BackendSelection {
  backend: BackendName;
  /** One sentence for the Backend status: which backend and why. */
  reason: Message;
}

interface WebGpuProbe {
  hardware: boolean;
  description: Message;
}

/** Asks navigator.gpu for an adapter and whether it is a software fallback. */
async function probeWebGpu(): Promise<WebGpuProbe> {
  const gpu = (globalThis.navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu) return { hardware: false, description: message('messages.backend.probe.noWebGpu') };
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { hardware: false, description: message('messages.backend.probe.noAdapter') };
    // `info` (with isFallbackAdapter) is newer than some type definitions; older Chromes put the flag on the adapter.
    const withInfo = adapter as GPUAdapter & {
      info?: Partial<GPUAdapterInfo> & { isFallbackAdapter?: boolean };
      isFallbackAdapter?: boolean;
    };
    const info = withInfo.info ?? {};
    const fallback = info.isFallbackAdapter ?? withInfo.isFallbackAdapter ?? false;
    const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ');
    const adapterName = name || message('messages.backend.probe.unknownAdapter');
    return fallback || /swiftshader/i.test(name)
      ? { hardware: false, description: message('messages.backend.probe.software', { adapter: adapterName }) }
      : { hardware: true, description: message('messages.backend.probe.hardware', { adapter: adapterName }) };
  } catch (e) {
    return { hardware: false, description: message('messages.backend.probe.failed', { error: String(e) }) };
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

async function firstWorking(order: BackendName[], why: Message): Promise<BackendSelection> {
  const failed: string[] = [];
  for (const name of order) {
    if (await tryBackend(name)) {
      const reason = failed.length
        ? message('messages.backend.usingAfterFailures', { why, backend: name, failed: commaList(failed) })
        : message('messages.backend.using', { why, backend: name });
      return { backend: name, reason };
    }
    failed.push(name);
  }
  throw new MessageError(message('messages.worker.unexpected', { detail: message('messages.backend.noneStarted') }));
}

/** Chooses and activates a backend for `choice`. */
export async function selectBackend(choice: BackendChoice): Promise<BackendSelection> {
  if (choice === 'auto') {
    const probe = await probeWebGpu();
    if (probe.hardware && (await tryBackend('webgpu'))) {
      return { backend: 'webgpu', reason: message('messages.backend.autoWebGpu', { probe: probe.description }) };
    }
    const why = probe.hardware
      ? message('messages.backend.autoFailed', { probe: probe.description })
      : message('messages.backend.autoCpuFaster', { probe: probe.description });
    return firstWorking(FALLBACK_ORDER, why);
  }
  if (await tryBackend(choice))
    return { backend: choice, reason: message('messages.backend.chosen', { backend: choice }) };
  return firstWorking(
    FALLBACK_ORDER.filter((b) => b !== choice),
    message('messages.backend.fellBack', { choice }),
  );
}
