import { useCallback } from 'react';
import type { PendingMessage, ThreadState } from '../store/types.js';
import { useThreadSelector } from './use-thread-selector.js';
import type { ThreadOption } from './use-thread-id.js';

const noPendingMessages: readonly PendingMessage[] = [];

/** Messages sent from here that the server has not echoed yet: 'sending' or 'failed'. */
export function usePendingMessages(options?: ThreadOption): readonly PendingMessage[] {
  const select = useCallback(
    (thread: ThreadState | undefined) => thread?.pendingMessages ?? noPendingMessages,
    [],
  );
  return useThreadSelector<readonly PendingMessage[]>(select, options);
}

export type { PendingMessage } from '../store/types.js';
