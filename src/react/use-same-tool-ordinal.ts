import { useCallback } from 'react';
import type { ThreadState } from '../store/types.js';
import { useThreadSelector } from './use-thread-selector.js';

/**
 * Which call of its tool this is in the thread (1 for the first), so that two cards of one tool get distinct names:
 * screen readers list landmarks by name, and two of the same name cannot be told apart.
 */
export function useSameToolOrdinal(toolCallId: string, tool: string | undefined): number {
  const select = useCallback(
    (thread: ThreadState | undefined) => {
      if (!thread || tool === undefined) return 1;
      let ordinal = 0;
      for (const id in thread.view.toolCalls) {
        if (thread.view.toolCalls[id]?.tool === tool) ordinal += 1;
        if (id === toolCallId) return ordinal;
      }
      return 1;
    },
    [toolCallId, tool],
  );
  return useThreadSelector(select);
}
