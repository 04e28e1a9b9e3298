import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { PlatosState } from '../store/types.js';
import { usePlatosStore } from './use-platos-store.js';

interface SelectionCache<T> {
  state: PlatosState;
  selector: (state: PlatosState) => T;
  value: T;
}

/**
 * Reads a slice of the store and re-renders only when that slice changes. The result keeps its
 * identity while `isEqual` says it did not change, so derived arrays can be compared shallowly.
 * Pass a selector memoised with `useCallback`; a new selector is re-run against the same state.
 */
export function usePlatosSelector<T>(
  selector: (state: PlatosState) => T,
  isEqual: (previous: T, next: T) => boolean = Object.is,
): T {
  const store = usePlatosStore();
  const cache = useRef<SelectionCache<T> | null>(null);

  const getSnapshot = useCallback(() => {
    const state = store.getState();
    const previous = cache.current;
    if (previous && previous.state === state && previous.selector === selector) return previous.value;
    const next = selector(state);
    const value = previous && isEqual(previous.value, next) ? previous.value : next;
    cache.current = { state, selector, value };
    return value;
  }, [store, selector, isEqual]);

  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
}

export function shallowEqualArrays<T>(previous: readonly T[], next: readonly T[]): boolean {
  return previous.length === next.length && previous.every((item, index) => Object.is(item, next[index]));
}
