import { useCallback } from 'react';
import type { MessageView } from '../protocol/index.js';
import type { ThreadState } from '../store/types.js';
import { useThreadSelector } from './use-thread-selector.js';
import type { ThreadOption } from './use-thread-id.js';

/**
 * One message of the thread; re-renders only when that one changes.
 * @example
 * const message = useMessage(id);
 */
export function useMessage(messageId: string, options?: ThreadOption): MessageView | undefined {
  const select = useCallback(
    (thread: ThreadState | undefined) => thread?.view.messages[messageId],
    [messageId],
  );
  return useThreadSelector(select, options);
}
