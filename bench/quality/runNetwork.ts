/**
 * Trains the network the way the app does: the worker's own session (src/worker/session.ts) in
 * Node on TF.js's WASM backend, fed the commands the page sends (loadDataset, createRun, train),
 * with the page's column setup (preset or suggested roles, suggested encodings, every weight 1).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '../../src/worker/registerWasmKernels.ts';
import type { ColumnSummary } from '../../src/core/csv/summarizeColumns.ts';
import { message } from '../../src/core/messages/message.ts';
import type { TaskMetrics } from '../../src/core/metrics/taskMetrics.ts';
import type { TrainSettings } from '../../src/core/settings/settingsTable.ts';
import type { ColumnRole, InputEncoding, TaskSpec } from '../../src/core/types.ts';
import type { DatasetSource, FromWorker, RunConfig, WorkerEvent } from '../../src/worker/protocol.ts';
import { createTrainingSession } from '../../src/worker/session.ts';
import { inEnglish } from '../../src/i18n/inEnglish.ts';

export async function useWasmBackend(): Promise<string> {
  setWasmPaths(fileURLToPath(new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
  // (Not IS_TEST: that turns on TF.js's per-kernel leak check, which the WASM backend's fused matMul trips.)
  const ok = await tf.setBackend('wasm').catch(() => false);
  if (!ok) await tf.setBackend('cpu');
  await tf.ready();
  return tf.getBackend();
}

/** The bytes of a file path (gunzipped when it ends in .gz), as the page's fetch would give them. */
export function readBytes(path: string): Uint8Array {
  const raw = readFileSync(path);
  return new Uint8Array(path.endsWith('.gz') ? gunzipSync(raw) : raw);
}

export interface ColumnSetup {
  roles: Record<string, ColumnRole>;
  encodings: Record<string, InputEncoding>;
  positiveClasses: Record<string, string>;
  /** Further column settings a sample presets (e.g. chained tasks), passed through unchanged. */
  extras: Record<string, unknown>;
}

/** What the page sets when a table loads: preset roles, else the suggested ones; suggested encodings. */
export function pageColumnSetup(
  columns: ColumnSummary[],
  preset: Record<string, ColumnRole>,
  positiveClasses: Record<string, string> = {},
  extras: Record<string, unknown> = {},
): ColumnSetup {
  return {
    extras,
    roles: Object.fromEntries(columns.map((c) => [c.name, preset[c.name] ?? c.suggestedRole])),
    encodings: Object.fromEntries(columns.map((c) => [c.name, c.suggestedEncoding])),
    positiveClasses: { ...positiveClasses },
  };
}

export interface NetworkRun {
  seed: number;
  tasks: TaskSpec[];
  test: TaskMetrics[];
  /** The validation metrics of the epoch whose weights were tested. */
  finalState: string;
  epochsTrained: number;
  bestEpoch: number | null;
  stepsPerEpoch: number;
  splitRows: { train: number; val: number; test: number };
  parameterCount: number;
  seconds: number;
}

/** One loaded table in one worker session; runs are trained one after another. */
export class NetworkHarness {
  private readonly events: FromWorker[] = [];
  private readonly session = createTrainingSession((m) => this.events.push(m), {
    selectBackend: async () => {
      const backend = tf.getBackend() as 'wasm';
      return { backend, reason: message('messages.backend.chosen', { backend }) };
    },
    fetchBytes: async (url: string) => readBytes(url),
    yieldToEventLoop: () => new Promise((r) => setImmediate(r)),
  });

  /** Loads the source as the page would; returns the column summaries of `datasetLoaded`. */
  async load(source: DatasetSource): Promise<WorkerEvent<'datasetLoaded'>> {
    await this.session.handle({ type: 'loadDataset', source, loadId: 1 });
    const loaded = this.take('datasetLoaded');
    if (!loaded) throw new Error(`Loading ${JSON.stringify(source)} failed: ${this.errors()}`);
    return loaded;
  }

  /** createRun + train to `settings.epochs`, then the test metrics the app shows when a run ends. */
  async train(settings: TrainSettings, setup: ColumnSetup, seed: number): Promise<NetworkRun> {
    this.events.length = 0;
    const config: RunConfig = {
      ...(setup.extras as object),
      ...settings,
      seed,
      splitSeed: seed,
      roles: setup.roles,
      encodings: setup.encodings,
      positiveClasses: setup.positiveClasses,
      balanceClasses: {},
      chainedTo: {},
      weights: {},
      enabled: {},
    };
    const start = performance.now();
    await this.session.handle({ type: 'createRun', requestId: 1, config });
    const created = this.take('runCreated');
    if (!created) throw new Error(`createRun failed: ${this.errors()}`);
    await this.session.handle({ type: 'train', untilEpoch: settings.runUntilPaused ? null : settings.epochs });
    const tested = this.take('testEvaluated');
    const states = this.events.filter((e): e is WorkerEvent<'stateChanged'> => e.type === 'stateChanged');
    const last = states[states.length - 1];
    if (!tested || !last) throw new Error(`Training ended without a test evaluation: ${this.errors()}`);
    return {
      seed,
      tasks: created.tasks,
      test: tested.metrics,
      finalState: last.state,
      epochsTrained: last.epoch,
      bestEpoch: last.bestEpoch ?? null,
      stepsPerEpoch: created.stepsPerEpoch,
      splitRows: created.splitRows,
      parameterCount: created.parameterCount,
      seconds: (performance.now() - start) / 1000,
    };
  }

  private take<T extends FromWorker['type']>(type: T): WorkerEvent<T> | undefined {
    return this.events.filter((e): e is WorkerEvent<T> => e.type === type).pop();
  }

  private errors(): string {
    return (
      this.events
        .filter((e): e is WorkerEvent<'error'> => e.type === 'error')
        .map((e) => inEnglish(e.message))
        .join(' / ') || 'no error message'
    );
  }
}
