import { useCallback } from 'react';
import type { ToolCallView } from '../protocol/index.js';
import type { PlatosState } from '../store/types.js';
import { usePlatosSelector } from './use-platos-selector.js';
import { useThreadId, type ThreadOption } from './use-thread-id.js';

/**
 * One tool call of the thread; re-renders only when that one changes.
 * @example
 * const toolCall = useToolCall(id);
 */
export function useToolCall(toolCallId: string, options?: ThreadOption): ToolCallView | undefined {
  const threadId = useThreadId(options);
  const select = useCallback(
    (state: PlatosState) => state.threads[threadId]?.view.toolCalls[toolCallId],
    [threadId, toolCallId],
  );
  return usePlatosSelector(select);
}
