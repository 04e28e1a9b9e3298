import type { SnapshotWriter, SnapshotWriterOptions } from './snapshot-writer.js';

/**
 * The snapshot writer, loaded when a thread is first opened or changed rather than with the store: apps pay for
 * saving only once there is something to save. Calls made while it loads are replayed in order.
 */
export function createLazySnapshotWriter(options: SnapshotWriterOptions): SnapshotWriter {
  let writer: SnapshotWriter | null = null;
  let loading: Promise<void> | null = null;
  let queued: ((loaded: SnapshotWriter) => void)[] = [];
  let disposed = false;

  const call = (task: (loaded: SnapshotWriter) => void) => {
    if (writer) return task(writer);
    if (disposed) return;
    queued.push(task);
    loading ??= import('./snapshot-writer.js').then(
      ({ createSnapshotWriter }) => {
        if (disposed) return;
        writer = createSnapshotWriter(options);
        for (const task of queued) task(writer);
        queued = [];
      },
      () => {
        // Without the writer (its chunk failed to load) nothing is saved; the app works as with `persist: false`.
        queued = [];
      },
    );
  };

  return {
    changed: (threadId, soon) => call((loaded) => loaded.changed(threadId, soon)),
    confirmed: (threadId) => call((loaded) => loaded.confirmed(threadId)),
    used: (threadId) => call((loaded) => loaded.used(threadId)),
    saveAll: () => writer?.saveAll(),
    dispose() {
      writer?.dispose();
      disposed = true;
      queued = [];
    },
  };
}
