import { useCallback } from 'react';
import type { PlatosState } from '../../store/types.js';
import { usePlatosSelector } from '../../react/use-platos-selector.js';
import { useThreadId } from '../../react/use-thread-id.js';

/** Whether the message is still streaming; re-renders only when that changes, not on every token. */
export function useMessageStreaming(messageId: string | undefined): boolean {
  const threadId = useThreadId();
  const select = useCallback(
    (state: PlatosState) => {
      const message = messageId === undefined ? undefined : state.threads[threadId]?.view.messages[messageId];
      return message?.role === 'assistant' && message.status === 'streaming';
    },
    [threadId, messageId],
  );
  return usePlatosSelector(select);
}
