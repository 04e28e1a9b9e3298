import { useCallback } from 'react';
import type { PlatosState } from '../store/types.js';
import { threadStatus, type ThreadStatus } from './thread-status.js';
import { usePlatosSelector } from './use-platos-selector.js';
import { useThreadId, type ThreadOption } from './use-thread-id.js';

/** 'streaming' while a turn is active, 'error' after a failed sync or turn, else 'idle'. */
export function useThreadStatus(options?: ThreadOption): ThreadStatus {
  const threadId = useThreadId(options);
  const select = useCallback((state: PlatosState) => threadStatus(state.threads[threadId]), [threadId]);
  return usePlatosSelector(select);
}
