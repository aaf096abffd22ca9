/**
 * Saved runs in IndexedDB (through idb): `runs` holds the records, `weights` their weights, one
 * transaction per save so a record never points at weights that are not there. A full disk
 * (QuotaExceededError) is said as such; the transaction is aborted, so nothing saved before is touched.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { message } from '../core/messages/message.ts';
import { MessageError } from '../core/messages/messageError.ts';
import type { RunWeights, SavedRun } from './savedRun.ts';

interface RunsDb extends DBSchema {
  runs: { key: string; value: SavedRun; indexes: { updatedAt: number } };
  weights: { key: string; value: RunWeights };
}

export const DB_NAME = 'mtl-playground';

export interface RunStorage {
  list(): Promise<SavedRun[]>;
  get(id: string): Promise<SavedRun | undefined>;
  weights(id: string): Promise<RunWeights | undefined>;
  /** A record and its weights, read in one transaction (a save in between cannot split them). */
  load(id: string): Promise<{ run: SavedRun | undefined; weights: RunWeights | undefined }>;
  /** Saves a record and (when given) its weights together. */
  save(run: SavedRun, weights?: RunWeights): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  remove(id: string): Promise<void>;
}

const isQuota = (e: unknown) =>
  e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED');

/** Opens (or creates) the database on first use. */
export function openRunStorage(): RunStorage {
  let db: Promise<IDBPDatabase<RunsDb>> | null = null;
  const open = () =>
    (db ??= openDB<RunsDb>(DB_NAME, 1, {
      // A connection the browser closed (site data cleared) or another tab needs gone: open afresh next time.
      terminated() {
        db = null;
      },
      blocking() {
        void db?.then((d) => d.close());
        db = null;
      },
      upgrade(database) {
        const runs = database.createObjectStore('runs', { keyPath: 'id' });
        runs.createIndex('updatedAt', 'updatedAt');
        database.createObjectStore('weights', { keyPath: 'id' });
      },
    }));
  const write = async (work: (database: IDBPDatabase<RunsDb>) => Promise<void>) => {
    try {
      await work(await open());
    } catch (e) {
      if (isQuota(e)) throw new MessageError(message('messages.runs.quota'));
      throw new MessageError(
        message('messages.runs.saveFailed', { detail: e instanceof Error ? e.message : String(e) }),
      );
    }
  };
  return {
    async list() {
      const runs = await (await open()).getAllFromIndex('runs', 'updatedAt');
      return runs.reverse(); // newest first
    },
    async get(id) {
      return (await open()).get('runs', id);
    },
    async weights(id) {
      return (await open()).get('weights', id);
    },
    async load(id) {
      const tx = (await open()).transaction(['runs', 'weights'], 'readonly');
      const [run, weights] = await Promise.all([tx.objectStore('runs').get(id), tx.objectStore('weights').get(id)]);
      await tx.done;
      return { run, weights };
    },
    save(run, weights) {
      return write(async (database) => {
        const tx = database.transaction(['runs', 'weights'], 'readwrite');
        const pending: Promise<unknown>[] = [];
        try {
          pending.push(tx.objectStore('runs').put(run));
          if (weights) pending.push(tx.objectStore('weights').put(weights));
          await Promise.all([...pending, tx.done]);
        } catch (e) {
          // A put that throws at once (a full disk) leaves the transaction open: abort it, so the
          // record written before it in this transaction is undone too.
          for (const p of [...pending, tx.done]) p.catch(() => {});
          try {
            tx.abort();
          } catch {
            // already finished (it failed by itself)
          }
          throw e;
        }
      });
    },
    rename(id, name) {
      return write(async (database) => {
        const tx = database.transaction('runs', 'readwrite');
        const run = await tx.store.get(id);
        if (run) await tx.store.put({ ...run, name });
        await tx.done;
      });
    },
    remove(id) {
      return write(async (database) => {
        const tx = database.transaction(['runs', 'weights'], 'readwrite');
        await Promise.all([tx.objectStore('runs').delete(id), tx.objectStore('weights').delete(id), tx.done]);
      });
    },
  };
}
