import type { ClientStorage } from '../../client/types.js';
import type { ThreadState } from '../types.js';
import { createThreadIndex } from './thread-index.js';
import { boundThreadView } from './bound-thread-view.js';
import { threadSnapshotKey, type ThreadSnapshot } from './thread-snapshot.js';

export interface SnapshotWriterOptions {
  storage: ClientStorage;
  /** The thread as it is now, read when its save runs (not when it was asked for). */
  readThread: (threadId: string) => ThreadState | undefined;
  /** The longest a changed thread waits for its save. @default 1000 */
  throttleMs?: number;
}

export interface SnapshotWriter {
  /** The thread's view changed; `soon` (a turn finished) saves it without waiting for the throttle. */
  changed(threadId: string, soon?: boolean): void;
  /** The server confirmed the thread's cached view: a change held back while it was unconfirmed is saved now. */
  confirmed(threadId: string): void;
  /** The thread was opened: it becomes the most recently used. */
  used(threadId: string): void;
  /** Saves every changed thread now (the page is going away). */
  saveAll(): void;
  dispose(): void;
}

/**
 * Saves changed threads' views to storage, each at most once per `throttleMs`, serialized off the frame that
 * changed them (on idle where the browser has it), and keeps the LRU index of saved threads.
 */
export function createSnapshotWriter(options: SnapshotWriterOptions): SnapshotWriter {
  const { storage, readThread, throttleMs = 1_000 } = options;
  const index = createThreadIndex(storage);
  const timers = new Map<string, () => void>();
  /** Changed while their view was still the unconfirmed cached one. */
  const heldBack = new Set<string>();
  const stopPageListeners = listenForPageHide(() => writer.saveAll());
  let disposed = false;

  function save(threadId: string): void {
    timers.get(threadId)?.();
    timers.delete(threadId);
    const thread = readThread(threadId);
    if (disposed || !storage.enabled || !thread) return;
    // A view the server has not confirmed yet may be the cached one plus a replay that is not finished.
    if (thread.cached) {
      heldBack.add(threadId);
      return;
    }
    const view = boundThreadView(thread.view, storage.limits);
    if (!view) {
      void storage.delete(threadSnapshotKey(threadId)).catch(() => {});
      void index.forget(threadId);
      return;
    }
    const snapshot: ThreadSnapshot = { view, savedAt: Date.now() };
    void storage.set(threadSnapshotKey(threadId), snapshot).catch(() => {});
    void index.touch([threadId], snapshot.savedAt);
  }

  function schedule(threadId: string, delayMs: number): void {
    timers.get(threadId)?.();
    timers.set(threadId, delayMs === 0 ? onIdle(() => save(threadId)) : after(delayMs, () => save(threadId)));
  }

  const writer: SnapshotWriter = {
    changed(threadId, soon = false) {
      if (disposed || !storage.enabled) return;
      if (soon) schedule(threadId, 0);
      else if (!timers.has(threadId)) schedule(threadId, throttleMs);
    },
    confirmed(threadId) {
      if (heldBack.delete(threadId)) writer.changed(threadId);
    },
    used(threadId) {
      if (disposed || !storage.enabled) return;
      void index.touch([threadId], Date.now());
    },
    saveAll() {
      for (const threadId of [...timers.keys()]) save(threadId);
    },
    dispose() {
      writer.saveAll();
      disposed = true;
      stopPageListeners();
    },
  };
  return writer;
}

function after(delayMs: number, task: () => void): () => void {
  const id = setTimeout(task, delayMs);
  return () => clearTimeout(id);
}

function onIdle(task: () => void): () => void {
  if (typeof globalThis.requestIdleCallback === 'function') {
    const id = globalThis.requestIdleCallback(task, { timeout: 1_000 });
    return () => globalThis.cancelIdleCallback(id);
  }
  return after(0, task);
}

function listenForPageHide(onHide: () => void): () => void {
  if (typeof window === 'undefined') return () => {};
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') onHide();
  };
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
