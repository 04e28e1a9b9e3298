import { useCallback } from 'react';
import type { PendingMessage, PlatosState } from '../store/types.js';
import { usePlatosSelector } from './use-platos-selector.js';
import { useThreadId, type ThreadOption } from './use-thread-id.js';

const noPendingMessages: readonly PendingMessage[] = [];

/** Messages sent from here that the server has not echoed yet: 'sending' or 'failed'. */
export function usePendingMessages(options?: ThreadOption): readonly PendingMessage[] {
  const threadId = useThreadId(options);
  const select = useCallback(
    (state: PlatosState) => state.threads[threadId]?.pendingMessages ?? noPendingMessages,
    [threadId],
  );
  return usePlatosSelector<readonly PendingMessage[]>(select);
}

export type { PendingMessage } from '../store/types.js';
