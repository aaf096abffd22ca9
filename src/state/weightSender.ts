/**
 * Slider drags become `update` patches of every task's weight and switch, at most one per
 * interval, and the last value always goes (a drag's end is never lost).
 */
import type { TrainingClient } from '../worker/client.ts';
import type { appStore } from './store.ts';

/** At most one weight update per this interval. */
const WEIGHT_SEND_MS = 100;

export function createWeightSender(client: TrainingClient, store: typeof appStore) {
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const send = () => {
    timer = null;
    const { run, weights, enabled } = store.getState();
    if (!dirty || !run) return;
    dirty = false;
    const patch = {
      weights: run.tasks.map((t) => weights[t.name] ?? 1),
      enabled: run.tasks.map((t) => enabled[t.name] ?? true),
    };
    client.send({ type: 'update', patch });
    timer = setTimeout(send, WEIGHT_SEND_MS);
  };
  return {
    /** The weights or switches changed on the page: send them now, or at the interval's end. */
    queue() {
      dirty = true;
      if (!timer) send();
    },
    dispose() {
      if (timer) clearTimeout(timer);
    },
  };
}
