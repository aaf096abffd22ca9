/// <reference lib="webworker" />
// The dedicated worker that owns TensorFlow.js. All logic lives in session.ts.
import './registerBackends.ts';
import { message } from '../core/messages/message.ts';
import { MessageError } from '../core/messages/messageError.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { selectBackend } from './selectBackend.ts';
import { createTrainingSession } from './session.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const session = createTrainingSession((msg: FromWorker) => scope.postMessage(msg), {
  selectBackend,
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
