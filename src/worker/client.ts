/**
 * The page's handle on the training worker: typed send and subscribe, and a heartbeat. A worker
 * that stops answering (it crashed, ran out of memory, closed itself when its WebGPU device was
 * lost) is replaced by a fresh one, and listeners hear `workerLost`, so the page can load its
 * table again and reopen the saved run where it stopped.
 */
import { message } from '../core/messages/message.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

export type WorkerListener = (msg: FromWorker) => void;

/** A ping every this often; a worker silent for LOST_AFTER_MS (no pong, no event) is given up. */
const PING_MS = 1000;
/** Long enough for the longest synchronous stretch in the worker (preparing a large table). */
const LOST_AFTER_MS = 8000;

export class TrainingClient {
  private worker: Worker;
  private readonly listeners = new Set<WorkerListener>();
  private lastHeard = performance.now();
  private nextPing = 1;
  private readonly heartbeat: ReturnType<typeof setInterval>;

  constructor() {
    this.worker = this.start();
    this.heartbeat = setInterval(() => this.checkAlive(), PING_MS);
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
    clearInterval(this.heartbeat);
    this.worker.terminate();
  }

  private start(): Worker {
    const worker = new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: 'training' });
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      this.lastHeard = performance.now();
      if (event.data.type !== 'pong') this.emit(event.data);
    };
    worker.onerror = (event) =>
      this.emit({
        type: 'error',
        message: message('messages.worker.crashed', {
          detail: event.message || message('messages.worker.unknownError'),
        }),
      });
    this.lastHeard = performance.now();
    return worker;
  }

  private checkAlive(): void {
    // A hidden tab's timers are throttled: silence measured there is the page's, not the worker's.
    if (document.visibilityState === 'hidden') this.lastHeard = performance.now();
    if (performance.now() - this.lastHeard > LOST_AFTER_MS) {
      this.worker.terminate();
      this.worker = this.start();
      this.emit({ type: 'workerLost' });
      return;
    }
    this.send({ type: 'ping', id: this.nextPing++ });
  }

  private emit(msg: FromWorker): void {
    for (const l of this.listeners) l(msg);
  }
}
