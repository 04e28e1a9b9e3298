import { useCallback } from 'react';
import type { ThreadState } from '../store/types.js';
import { shallowEqualArrays } from './use-platos-selector.js';
import { useThreadSelector } from './use-thread-selector.js';
import type { ThreadOption } from './use-thread-id.js';

const noIds: readonly string[] = [];

/**
 * The thread's message ids in order; keeps its identity while no message is added or removed,
 * so a streamed token does not re-render the list.
 */
export function useMessageIds(options?: ThreadOption): readonly string[] {
  const select = useCallback((thread: ThreadState | undefined) => thread?.view.messageIds ?? noIds, []);
  return useThreadSelector<readonly string[]>(select, { ...options, isEqual: shallowEqualArrays });
}
