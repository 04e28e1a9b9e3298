import type { ClientStorage } from '../../client/types.js';
import { threadSnapshotKey } from './thread-snapshot.js';

export const threadIndexKey = 'threads-index';

/** When each saved thread was last used (`Date.now()`), by thread id. */
export type ThreadIndex = Record<string, number>;

/**
 * The LRU index of the saved threads, read once and written after each change; the least recently used snapshots
 * beyond `maxThreads` are deleted.
 */
export function createThreadIndex(storage: ClientStorage) {
  let loaded: Promise<Map<string, number>> | null = null;
  let writing: Promise<void> = Promise.resolve();

  function load(): Promise<Map<string, number>> {
    loaded ??= storage.get<unknown>(threadIndexKey).then(toEntries, () => new Map<string, number>());
    return loaded;
  }

  /** Records the threads as used at `at` and evicts beyond the limit; changes are applied one after the other. */
  function touch(threadIds: readonly string[], at: number): Promise<void> {
    writing = writing.then(async () => {
      const index = await load();
      for (const threadId of threadIds) {
        index.delete(threadId);
        index.set(threadId, at);
      }
      const evicted = leastRecentlyUsed(index, storage.limits.maxThreads);
      for (const threadId of evicted) index.delete(threadId);
      await Promise.all([
        storage.set(threadIndexKey, Object.fromEntries(index)),
        ...evicted.map((threadId) => storage.delete(threadSnapshotKey(threadId))),
      ]);
    }).catch(() => {});
    return writing;
  }

  function forget(threadId: string): Promise<void> {
    writing = writing.then(async () => {
      const index = await load();
      if (index.delete(threadId)) await storage.set(threadIndexKey, Object.fromEntries(index));
    }).catch(() => {});
    return writing;
  }

  return { touch, forget };
}

export type ThreadIndexStore = ReturnType<typeof createThreadIndex>;

function toEntries(value: unknown): Map<string, number> {
  const index = new Map<string, number>();
  if (typeof value !== 'object' || value === null) return index;
  const entries = Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === 'number');
  for (const [threadId, at] of entries.sort((a, b) => a[1] - b[1])) index.set(threadId, at);
  return index;
}

function leastRecentlyUsed(index: Map<string, number>, keep: number): string[] {
  const excess = index.size - Math.max(keep, 0);
  if (excess <= 0) return [];
  return [...index.entries()].sort((a, b) => a[1] - b[1]).slice(0, excess).map(([threadId]) => threadId);
}
