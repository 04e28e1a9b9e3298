import { useCallback } from 'react';
import type { PlatosState, ThreadState } from '../store/types.js';
import { usePlatosSelector } from './use-platos-selector.js';
import { useThreadId, type ThreadOption } from './use-thread-id.js';

export interface ThreadSelectorOptions<T> extends ThreadOption {
  /** When two selections count as the same, so the component does not re-render. @default Object.is */
  isEqual?: (previous: T, next: T) => boolean;
}

/**
 * Reads a slice of one thread (its view, pending messages, sync state) and re-renders only when that slice changes.
 * `thread` is undefined until the thread is watched. Pass a selector memoised with `useCallback`.
 * @example
 * const title = useThreadSelector(useCallback((thread) => thread?.view.messageIds.length ?? 0, []));
 */
export function useThreadSelector<T>(select: (thread: ThreadState | undefined) => T, options?: ThreadSelectorOptions<T>): T {
  const threadId = useThreadId(options);
  const selectFromState = useCallback((state: PlatosState) => select(state.threads[threadId]), [select, threadId]);
  return usePlatosSelector(selectFromState, options?.isEqual);
}
export type { ThreadState } from '../store/types.js';
