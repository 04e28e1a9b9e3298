import type { ClientStorage } from '../../client/types.js';
import { isThreadSnapshot, threadSnapshotKey, type ThreadSnapshot } from './thread-snapshot.js';

/** The thread's saved snapshot, if there is a valid one; a broken one is deleted. A failed read counts as none. */
export async function readThreadSnapshot(storage: ClientStorage, threadId: string): Promise<ThreadSnapshot | undefined> {
  const key = threadSnapshotKey(threadId);
  const value = await storage.get<unknown>(key).catch(() => undefined);
  if (value === undefined) return undefined;
  if (isThreadSnapshot(value, threadId)) return value;
  void storage.delete(key).catch(() => {});
  return undefined;
}
