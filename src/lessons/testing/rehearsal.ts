/**
 * A lesson played in Node the way the page plays it: the real controller and store, the real
 * training session (cpu backend) with the app's own sample files, no worker in between. The
 * lessons' test drives it with the steps a person is asked to try.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { message } from '../../core/messages/message.ts';
import { createController, type Controller } from '../../state/controller.ts';
import { appStore, initialState, type AppState } from '../../state/store.ts';
import type { TrainingClient } from '../../worker/client.ts';
import type { FromWorker, ToWorker } from '../../worker/protocol.ts';
import { createTrainingSession } from '../../worker/session.ts';
import { checkLesson, lessonById } from '../lessons.ts';

const publicDir = join(import.meta.dirname, '..', '..', '..', 'public');

export interface Rehearsal {
  controller: Controller;
  state: () => AppState;
  /** Waits until the page's state satisfies `ready` (polling; the session runs on the same thread). */
  until: (ready: (s: AppState) => boolean, what: string, timeoutMs?: number) => Promise<void>;
  /** Train and wait for the run to end (done, stopped early or paused). */
  trainToEnd: () => Promise<void>;
  baselines: () => Promise<void>;
  outcomes: () => ReturnType<typeof checkLesson>;
  dispose: () => void;
}

export function rehearse(lessonId: string): Rehearsal {
  appStore.setState(initialState, true);
  const listeners = new Set<(m: FromWorker) => void>();
  const session = createTrainingSession((m) => listeners.forEach((l) => l(m)), {
    selectBackend: async () => ({ backend: 'cpu', reason: message('messages.backend.chosen', { backend: 'cpu' }) }),
    fetchBytes: async (url: string) =>
      new Uint8Array(readFileSync(join(publicDir, new URL(url, 'http://x/').pathname))),
    yieldToEventLoop: () => new Promise((r) => setImmediate(r)),
  });
  const client = {
    send: (m: ToWorker) => void session.handle(m),
    subscribe: (l: (m: FromWorker) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    terminate: () => {},
  } as unknown as TrainingClient;
  const controller = createController(client);
  controller.setBackend('cpu');
  const state = () => appStore.getState();
  const until = async (ready: (s: AppState) => boolean, what: string, timeoutMs = 600_000) => {
    const start = Date.now();
    while (!ready(state())) {
      const alert = state().alert;
      if (alert) throw new Error(`${what}: alert ${JSON.stringify(alert)}`);
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const lesson = lessonById(lessonId);
  if (!lesson) throw new Error(`no lesson ${lessonId}`);
  return {
    controller,
    state,
    until,
    trainToEnd: async () => {
      controller.train();
      await until((s) => s.runState === 'running', 'the run to start');
      await until((s) => s.runState !== 'running', 'the run to end');
    },
    baselines: async () => {
      controller.trainBaselines();
      await until((s) => s.baselines?.status === 'done', 'the baselines');
    },
    outcomes: () => {
      const s = state();
      return checkLesson(lesson, { runs: s.lesson?.runs ?? [], state: s });
    },
    dispose: () => controller.dispose(),
  };
}

/** Opens the lesson and waits for its table. */
export async function openLesson(r: Rehearsal, lessonId: string): Promise<void> {
  r.controller.openLesson(lessonId);
  await r.until((s) => s.dataset !== null && !s.datasetLoading, 'the lesson’s table');
}
