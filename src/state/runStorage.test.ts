import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { inEnglish } from '../i18n/inEnglish.ts';
import { MessageError } from '../core/messages/messageError.ts';
import { config } from '../worker/sessionHarness.ts';
import { openRunStorage } from './runStorage.ts';
import { SAVED_RUN_VERSION, type SavedRun } from './savedRun.ts';

const run = (id: string, updatedAt: number): SavedRun => ({
  version: SAVED_RUN_VERSION,
  id,
  name: `run ${id}`,
  createdAt: 1,
  updatedAt,
  dataset: { name: 'toy', rows: 10, bytes: 100, sha256: 'ab', sampleId: null },
  config,
  tasks: [],
  epochs: [],
  changeMarks: [],
  epoch: 2,
  step: 20,
  bestEpoch: null,
});
const weights = (id: string) => ({
  id,
  latest: { specs: [{ name: 'w', shape: [2] }], data: Float32Array.of(1, 2).buffer, epoch: 2, step: 20 },
  best: null,
});

describe('run storage (IndexedDB)', () => {
  it('keeps runs with their weights, newest first; renames and deletes both together', async () => {
    const storage = openRunStorage();
    await storage.save(run('a', 10), weights('a'));
    await storage.save(run('b', 20), weights('b'));
    expect((await storage.list()).map((r) => r.id)).toEqual(['b', 'a']);
    await storage.rename('a', 'renamed');
    expect((await storage.get('a'))?.name).toBe('renamed');
    expect([...new Float32Array((await storage.weights('a'))?.latest.data ?? new ArrayBuffer(0))]).toEqual([1, 2]);
    await storage.remove('a');
    expect(await storage.get('a')).toBeUndefined();
    expect(await storage.weights('a')).toBeUndefined();
    expect((await storage.list()).map((r) => r.id)).toEqual(['b']);
  });

  it('a full disk is said as such, and the save before it is intact (record and weights)', async () => {
    const storage = openRunStorage();
    await storage.save(run('c', 30), weights('c'));
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    // The second put of the transaction (the weights) fails as a full disk does: the record's put must roll back.
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (++calls === 2) throw new DOMException('quota', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      const error = await storage.save({ ...run('c', 40), name: 'newer' }, weights('c')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MessageError);
      expect(inEnglish((error as MessageError).detail)).toMatch(/no room left .* runs kept before are intact/);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect((await storage.get('c'))?.name).toBe('run c');
    expect((await storage.get('c'))?.updatedAt).toBe(30);
  });
});
