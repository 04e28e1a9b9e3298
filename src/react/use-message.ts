import { useCallback } from 'react';
import type { MessageView } from '../protocol/index.js';
import type { PlatosState } from '../store/types.js';
import { usePlatosSelector } from './use-platos-selector.js';
import { useThreadId, type ThreadOption } from './use-thread-id.js';

/**
 * One message of the thread; re-renders only when that one changes.
 * @example
 * const message = useMessage(id);
 */
export function useMessage(messageId: string, options?: ThreadOption): MessageView | undefined {
  const threadId = useThreadId(options);
  const select = useCallback(
    (state: PlatosState) => state.threads[threadId]?.view.messages[messageId],
    [threadId, messageId],
  );
  return usePlatosSelector(select);
}
