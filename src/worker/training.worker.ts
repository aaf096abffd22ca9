/// <reference lib="webworker" />
// The dedicated worker that owns TensorFlow.js. All logic lives in session.ts.
import './registerBackends.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { selectBackend } from './selectBackend.ts';
import { createTrainingSession } from './session.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const session = createTrainingSession((msg: FromWorker) => scope.postMessage(msg), {
  selectBackend,
  fetchBytes: async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`Could not load ${url} (HTTP ${response.status}).`);
    return new Uint8Array(await response.arrayBuffer());
  },
});

scope.onmessage = (event: MessageEvent<ToWorker>) => void session.handle(event.data);
