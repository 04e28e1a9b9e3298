import { useCallback, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { PlatosStore } from '../store/types.js';
import { PlatosContext } from './platos-context.js';

interface FrameCell<T> {
  get(): T;
  subscribe(listener: () => void): () => void;
  set(value: T): void;
  setInFrame(store: PlatosStore, value: T): void;
  cancel(): void;
}

function createFrameCell<T>(initial: T): FrameCell<T> {
  let value = initial;
  let pending = initial;
  let cancelScheduled: (() => void) | null = null;
  const listeners = new Set<() => void>();
  const cell: FrameCell<T> = {
    get: () => value,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      cell.cancel();
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of listeners) listener();
    },
    setInFrame(store, next) {
      // Nothing to change and nothing pending: no frame is asked for (a scroll while pinned sets 'pinned' again).
      if (cancelScheduled === null && Object.is(next, value)) return;
      pending = next;
      cancelScheduled ??= store.onNextFrame(() => {
        cancelScheduled = null;
        cell.set(pending);
      });
    },
    cancel() {
      cancelScheduled?.();
      cancelScheduled = null;
    },
  };
  return cell;
}

/**
 * Like `useState` for values that change outside React's own events (a measurement, a timer, a loaded module):
 * under a `<PlatosProvider>` a set applies in the store's next frame flush, so the render it causes commits together
 * with the frame's store update instead of on its own. Outside a provider it applies at once. Sets before the frame
 * collapse into the last one.
 */
export function useFrameState<T>(initial: T | (() => T)): [value: T, setInFrame: (value: T) => void, setNow: (value: T) => void] {
  const [cell] = useState(() => createFrameCell(typeof initial === 'function' ? (initial as () => T)() : initial));
  const value = useSyncExternalStore(cell.subscribe, cell.get, cell.get);
  const store = useContext(PlatosContext)?.store;
  useEffect(() => cell.cancel, [cell]);
  const setInFrame = useCallback((next: T) => (store ? cell.setInFrame(store, next) : cell.set(next)), [cell, store]);
  return [value, setInFrame, cell.set];
}

/** A function that re-renders the calling component with the next frame's flush (see `useFrameState`). */
export function useFrameRerender(): () => void {
  const [, setToken] = useFrameState<object>(() => ({}));
  return useCallback(() => setToken({}), [setToken]);
}
