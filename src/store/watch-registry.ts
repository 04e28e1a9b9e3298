export interface WatchRegistry {
  /** Adds a watcher of the thread; the returned stop function is safe to call more than once. */
  watch(threadId: string): () => void;
  /** Closes every open watch now. */
  closeAll(): void;
}

interface OpenWatch {
  watchers: number;
  close: () => void;
  closeScheduled: boolean;
}

/**
 * Ref-counts watchers per thread: `open` runs for the first one and its close function after the last one left.
 * The close waits a microtask, so a watch -> stop -> watch sequence (React StrictMode mounts effects twice) keeps
 * the subscription it already has instead of tearing it down and opening it again.
 */
export function createWatchRegistry(open: (threadId: string) => () => void): WatchRegistry {
  const openWatches = new Map<string, OpenWatch>();

  function release(threadId: string, entry: OpenWatch) {
    entry.watchers -= 1;
    if (entry.watchers > 0 || entry.closeScheduled) return;
    entry.closeScheduled = true;
    queueMicrotask(() => {
      entry.closeScheduled = false;
      if (entry.watchers > 0 || openWatches.get(threadId) !== entry) return;
      openWatches.delete(threadId);
      entry.close();
    });
  }

  return {
    watch(threadId) {
      let entry = openWatches.get(threadId);
      if (!entry) {
        entry = { watchers: 0, close: open(threadId), closeScheduled: false };
        openWatches.set(threadId, entry);
      }
      entry.watchers += 1;
      const current = entry;
      let stopped = false;
      return () => {
        if (stopped) return;
        stopped = true;
        release(threadId, current);
      };
    },
    closeAll() {
      const entries = [...openWatches.values()];
      openWatches.clear();
      for (const entry of entries) entry.close();
    },
  };
}
