/**
 * After a lost worker (client.ts replaced it): the backend chosen, the table the page shows loaded
 * again with its roles, then the saved run reopened at its last epoch — unless the previous worker
 * was lost moments ago (no crash loop). It remembers which source each load asked for, so it is the
 * table shown that comes back, not the last one asked for (a load may have been cancelled or failed).
 */
import type { TrainingClient } from '../worker/client.ts';
import type { DatasetSource } from '../worker/protocol.ts';
import type { appStore, AppState } from './store.ts';

/** A worker lost again within this long after a restart is not met with another reopen. */
const LOST_AGAIN_MS = 60_000;

export interface WorkerRecoveryDeps {
  client: TrainingClient;
  store: typeof appStore;
  sendLoad(source: DatasetSource, patch: Partial<AppState>): void;
  reopenAfterLoad(savedRunId: string | null, loadId: number): void;
}

export function createWorkerRecovery(deps: WorkerRecoveryDeps) {
  let shown: DatasetSource | null = null;
  const asked = new Map<number, DatasetSource>();
  let lastLostMs = -Infinity;
  return {
    /** A load was sent under this id. */
    asked(loadId: number, source: DatasetSource) {
      asked.set(loadId, source);
    },
    /** This load's table is the one shown now; the loads before it are answered too. */
    loaded(loadId: number) {
      shown = asked.get(loadId) ?? shown;
      for (const id of asked.keys()) if (id <= loadId) asked.delete(id);
    },
    recover(savedRunId: string | null) {
      const soon = performance.now() - lastLostMs < LOST_AGAIN_MS;
      lastLostMs = performance.now();
      const { backendChoice, engineChoice, roles, positiveClasses, alert } = deps.store.getState();
      deps.client.send({ type: 'setBackend', choice: backendChoice });
      deps.client.send({ type: 'setEngine', choice: engineChoice });
      if (!shown) return;
      deps.sendLoad(shown, { pendingPreset: { roles, positiveClasses }, pendingAlert: alert, alert });
      if (!soon) deps.reopenAfterLoad(savedRunId, deps.store.getState().loadId);
    },
  };
}
