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
/** Silence that means a lost worker while it only trains (it answers between any two steps). */
const LOST_AFTER_MS = 8000;
/**
 * While a command with long synchronous work is unanswered (preparing a large table, reading a
 * bundle, encoding a file to predict) the worker may be silent this long before it counts as lost.
 */
const LOST_WHILE_BUSY_MS = 120_000;
const HEAVY: ReadonlySet<ToWorker['type']> = new Set(['createRun', 'importModel', 'predict']);
/** Answers that end a heavy command's wait (its event, or an error). */
const ANSWERS: ReadonlySet<FromWorker['type']> = new Set(['runCreated', 'modelImported', 'predicted', 'error']);
/** Loads run one after another and a superseded one ends quietly: any load's answer ends every earlier one. */
const LOAD_ANSWERS: ReadonlySet<FromWorker['type']> = new Set(['datasetLoaded', 'loadCancelled']);

export class TrainingClient {
  private worker: Worker;
  private readonly listeners = new Set<WorkerListener>();
  private lastHeard = performance.now();
  private lastCheck = performance.now();
  /** The worker has spoken once (its script loaded): before that, a slow download is not a loss. */
  private started = false;
  private heavyPending = 0;
  private loadPending = false;
  private nextPing = 1;
  private readonly heartbeat: ReturnType<typeof setInterval>;

  constructor() {
    this.worker = this.start();
    this.heartbeat = setInterval(() => this.checkAlive(), PING_MS);
  }

  send(msg: ToWorker): void {
    if (HEAVY.has(msg.type)) this.heavyPending++;
    if (msg.type === 'loadDataset') this.loadPending = true;
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
      this.started = true;
      const { type } = event.data;
      if (ANSWERS.has(type) && !(type === 'error' && event.data.source === 'load'))
        this.heavyPending = Math.max(0, this.heavyPending - 1);
      if (LOAD_ANSWERS.has(type) || (type === 'error' && event.data.source === 'load')) this.loadPending = false;
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
    this.started = false;
    this.heavyPending = 0;
    this.loadPending = false;
    return worker;
  }

  private checkAlive(): void {
    const now = performance.now();
    // A hidden tab's throttled timers, a stalled page or a sleeping machine: that silence is not the worker's.
    const pageStalled = now - this.lastCheck > 3 * PING_MS || document.visibilityState === 'hidden';
    this.lastCheck = now;
    if (pageStalled || !this.started) this.lastHeard = Math.max(this.lastHeard, now - PING_MS);
    const limit = this.heavyPending > 0 || this.loadPending ? LOST_WHILE_BUSY_MS : LOST_AFTER_MS;
    if (this.started && now - this.lastHeard > limit) {
      const lost = this.worker;
      lost.onmessage = null; // nothing late from the old worker reaches the page
      lost.onerror = null;
      lost.terminate();
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
