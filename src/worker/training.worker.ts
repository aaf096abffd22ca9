/// <reference lib="webworker" />
// The dedicated worker that owns TensorFlow.js. All logic lives in session.ts.
import './registerBackends.ts';
import * as tf from '@tensorflow/tfjs';
import type { BackendChoice } from '../core/types.ts';
import { message } from '../core/messages/message.ts';
import { MessageError } from '../core/messages/messageError.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { selectBackend } from './selectBackend.ts';
import { createTrainingSession } from './session.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** A lost WebGPU device cannot be used again: the worker closes, and the page starts a fresh one (client.ts). */
async function selectBackendWatchingDevice(choice: BackendChoice) {
  const selection = await selectBackend(choice);
  if (selection.backend === 'webgpu') {
    const device = (tf.backend() as unknown as { device?: GPUDevice }).device;
    void device?.lost.then(() => scope.close());
  }
  return selection;
}

const session = createTrainingSession((msg: FromWorker) => scope.postMessage(msg), {
  selectBackend: selectBackendWatchingDevice,
  // Loaded when a run first asks for them (the WASM module's bytes, the WGSL programs).
  engines: {
    wasm: async (plan, data) => (await import('../core/fused/wasm/wasmEngine.ts')).createWasmEngine(plan, data),
    webgpu: async (plan, data) =>
      (await import('../core/fused/webgpu/webGpuEngine.ts')).webGpuEngineFactory(plan, data),
  },
  fetchBytes: async (url) => {
    const response = await fetch(url);
    if (!response.ok) {
      const detail = message('messages.load.fetchFailed', { url, status: response.status });
      throw new MessageError(message('messages.worker.unexpected', { detail }));
    }
    return new Uint8Array(await response.arrayBuffer());
  },
});

scope.onmessage = (event: MessageEvent<ToWorker>) => void session.handle(event.data);
