import { useCallback } from 'react';
import type { PlatosState } from '../store/types.js';
import { usePlatosSelector } from './use-platos-selector.js';
import { useThreadId, type ThreadOption } from './use-thread-id.js';

/** Whether the thread's running turn has stopped hearing from the server (see `stallTimeoutMs`). */
export function useThreadStalled(options?: ThreadOption): boolean {
  const threadId = useThreadId(options);
  const select = useCallback((state: PlatosState) => (state.threads[threadId]?.stalledTurnId ?? null) !== null, [threadId]);
  return usePlatosSelector(select);
}
