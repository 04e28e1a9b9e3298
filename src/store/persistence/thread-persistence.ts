import type { PlatosClient, ThreadListener } from '../../client/types.js';
import { hasEmptyView, withCachedView } from '../thread-state.js';
import type { ThreadState } from '../types.js';
import { createLazySnapshotWriter } from './lazy-snapshot-writer.js';
import { readThreadSnapshot } from './read-thread-snapshot.js';

export interface ThreadPersistenceDeps {
  client: PlatosClient;
  readThread(threadId: string): ThreadState | undefined;
  updateThread(threadId: string, recipe: (thread: ThreadState) => ThreadState): void;
  isDestroyed(): boolean;
}

/**
 * The store's side of persistence: a watched thread first shows its saved view and resumes after it, and changed
 * threads are saved. `null` when the client's storage is disabled.
 */
export function createThreadPersistence(deps: ThreadPersistenceDeps) {
  const { client, readThread } = deps;
  if (!client.storage.enabled) return null;
  const snapshots = createLazySnapshotWriter({ storage: client.storage, readThread });
  /**
   * Snapshot reads whose subscription has not been made yet. A send waits for its thread's, so the subscription
   * reaches the server first and the turn streams live instead of arriving later through a history rebuild.
   */
  const openingWatches = new Map<string, Promise<void>>();

  return {
    /** Subscribes to the thread; an empty one first shows its saved snapshot and resumes after it. */
    openWatch(threadId: string, listener: ThreadListener): () => void {
      if (!hasEmptyView(readThread(threadId))) return client.threads.watch(threadId, listener);
      let closed = false;
      let stopWatching: (() => void) | null = null;
      // A read that fails (or a snapshot that cannot be shown) leaves the thread to load from the server as without one.
      const saved = readThreadSnapshot(client.storage, threadId).catch(() => undefined);
      const opening = saved.then((snapshot) => {
        if (closed || deps.isDestroyed()) return;
        // A thread the client already follows (another store, a turn stream) goes on from where the client is: a
        // saved view would be older, and no sync update would come to confirm it.
        const followedAlready = client.threads.lastEventId(threadId) !== null;
        if (!snapshot || followedAlready || !hasEmptyView(readThread(threadId))) {
          stopWatching = client.threads.watch(threadId, listener);
          return;
        }
        deps.updateThread(threadId, (thread) => withCachedView(thread, snapshot.view));
        snapshots.used(threadId);
        stopWatching = client.threads.watch(threadId, listener, { resumeFrom: snapshot.view.lastEventId });
      });
      openingWatches.set(threadId, opening);
      void opening.finally(() => openingWatches.get(threadId) === opening && openingWatches.delete(threadId));
      return () => {
        closed = true;
        stopWatching?.();
      };
    },
    /** The thread's snapshot read, while its subscription is not made yet. */
    opening: (threadId: string) => openingWatches.get(threadId),
    /** A flush changed the thread from `before` to `after`. */
    noteChange(threadId: string, before: ThreadState | undefined, after: ThreadState): void {
      if (before?.cached && !after.cached) snapshots.confirmed(threadId);
      if (before?.view === after.view) return;
      // Streamed text waits for the throttle; a new message, an approval or the end of a turn is saved on the next
      // idle moment, so a reload right after them finds them.
      const milestone =
        before === undefined ||
        before.view.messageIds !== after.view.messageIds ||
        before.view.approvals !== after.view.approvals ||
        before.view.activeTurnId !== after.view.activeTurnId;
      snapshots.changed(threadId, milestone);
    },
    dispose: () => snapshots.dispose(),
  };
}
