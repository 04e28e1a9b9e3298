import { useCallback } from 'react';
import type { ToolCallView } from '../protocol';
import type { PlatosState } from '../store/types';
import { usePlatosSelector } from './use-platos-selector';
import { useThreadId, type ThreadOption } from './use-thread-id';

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
