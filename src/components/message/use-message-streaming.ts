import type { ThreadState } from '../../react/use-thread-selector.js';
import { useCallback } from 'react';
import { useThreadSelector } from '../../react/use-thread-selector.js';

/** Whether the message is still streaming; re-renders only when that changes, not on every token. */
export function useMessageStreaming(messageId: string | undefined): boolean {
  const select = useCallback(
    (thread: ThreadState | undefined) => {
      const message = messageId === undefined ? undefined : thread?.view.messages[messageId];
      return message?.role === 'assistant' && message.status === 'streaming';
    },
    [messageId],
  );
  return useThreadSelector(select);
}
