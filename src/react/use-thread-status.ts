import { useCallback } from 'react';
import type { ThreadState } from '../store/types.js';
import { threadStatus, type ThreadStatus } from './thread-status.js';
import { useThreadSelector } from './use-thread-selector.js';
import type { ThreadOption } from './use-thread-id.js';

/** 'streaming' while a turn is active, 'error' after a failed sync or turn, else 'idle'. */
export function useThreadStatus(options?: ThreadOption): ThreadStatus {
  const select = useCallback((thread: ThreadState | undefined) => threadStatus(thread), []);
  return useThreadSelector(select, options);
}
