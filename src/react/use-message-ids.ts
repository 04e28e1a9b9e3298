import { useCallback } from 'react';
import type { PlatosState } from '../store/types.js';
import { shallowEqualArrays, usePlatosSelector } from './use-platos-selector.js';
import { useThreadId, type ThreadOption } from './use-thread-id.js';

const noIds: readonly string[] = [];

/**
 * The thread's message ids in order; keeps its identity while no message is added or removed,
 * so a streamed token does not re-render the list.
 */
export function useMessageIds(options?: ThreadOption): readonly string[] {
  const threadId = useThreadId(options);
  const select = useCallback((state: PlatosState) => state.threads[threadId]?.view.messageIds ?? noIds, [threadId]);
  return usePlatosSelector<readonly string[]>(select, shallowEqualArrays);
}
