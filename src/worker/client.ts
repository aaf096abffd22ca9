/** The page's handle on the training worker: typed send and subscribe. */
import { message } from '../core/messages/message.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

export type WorkerListener = (msg: FromWorker) => void;

export class TrainingClient {
  private readonly worker: Worker;
  private readonly listeners = new Set<WorkerListener>();

  constructor() {
    this.worker = new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: 'training' });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.emit(event.data);
    this.worker.onerror = (event) =>
      this.emit({
        type: 'error',
        message: message('messages.worker.crashed', {
          detail: event.message || message('messages.worker.unknownError'),
        }),
      });
  }

  send(msg: ToWorker): void {
    this.worker.postMessage(msg);
  }

  /** Returns a function that unsubscribes. */
  subscribe(listener: WorkerListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  terminate(): void {
    this.worker.terminate();
  }

  private emit(msg: FromWorker): void {
    for (const l of this.listeners) l(msg);
  }
}
