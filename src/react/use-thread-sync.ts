import { useCallback, useMemo } from 'react';
import type { ThreadSyncState } from '../client/types.js';
import type { CommandError } from '../protocol/index.js';
import type { ThreadState } from '../store/types.js';
import { useThreadSelector } from './use-thread-selector.js';
import type { ThreadOption } from './use-thread-id.js';

export interface ThreadSyncSelection {
  sync: ThreadSyncState | 'idle';
  error: CommandError | undefined;
}

/** The thread's sync state ('idle' before it is watched) and the error that stopped it, if any. */
export function useThreadSync(options?: ThreadOption): ThreadSyncSelection {
  const selectSync = useCallback((thread: ThreadState | undefined) => thread?.sync ?? 'idle', []);
  const selectError = useCallback((thread: ThreadState | undefined) => thread?.syncError, []);
  const sync = useThreadSelector(selectSync, options);
  const error = useThreadSelector(selectError, options);
  return useMemo(() => ({ sync, error }), [sync, error]);
}
