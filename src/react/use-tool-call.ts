import { useCallback } from 'react';
import type { ToolCallView } from '../protocol/index.js';
import type { ThreadState } from '../store/types.js';
import { useThreadSelector } from './use-thread-selector.js';
import type { ThreadOption } from './use-thread-id.js';

/**
 * One tool call of the thread; re-renders only when that one changes.
 * @example
 * const toolCall = useToolCall(id);
 */
export function useToolCall(toolCallId: string, options?: ThreadOption): ToolCallView | undefined {
  const select = useCallback(
    (thread: ThreadState | undefined) => thread?.view.toolCalls[toolCallId],
    [toolCallId],
  );
  return useThreadSelector(select, options);
}
