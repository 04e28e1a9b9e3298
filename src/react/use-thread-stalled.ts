import { useCallback } from 'react';
import type { ThreadState } from '../store/types.js';
import { useThreadSelector } from './use-thread-selector.js';
import type { ThreadOption } from './use-thread-id.js';

/** Whether the thread's running turn has stopped hearing from the server (see `stallTimeoutMs`). */
export function useThreadStalled(options?: ThreadOption): boolean {
  const select = useCallback((thread: ThreadState | undefined) => (thread?.stalledTurnId ?? null) !== null, []);
  return useThreadSelector(select, options);
}
