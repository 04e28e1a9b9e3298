import { useCallback, useMemo } from 'react';
import type { ThreadSyncState } from '../client/types.js';
import type { CommandError } from '../protocol/index.js';
import type { PlatosState } from '../store/types.js';
import { usePlatosSelector } from './use-platos-selector.js';
import { useThreadId, type ThreadOption } from './use-thread-id.js';

export interface ThreadSyncSelection {
  sync: ThreadSyncState | 'idle';
  error: CommandError | undefined;
}

/** The thread's sync state ('idle' before it is watched) and the error that stopped it, if any. */
export function useThreadSync(options?: ThreadOption): ThreadSyncSelection {
  const threadId = useThreadId(options);
  const selectSync = useCallback((state: PlatosState) => state.threads[threadId]?.sync ?? 'idle', [threadId]);
  const selectError = useCallback((state: PlatosState) => state.threads[threadId]?.syncError, [threadId]);
  const sync = usePlatosSelector(selectSync);
  const error = usePlatosSelector(selectError);
  return useMemo(() => ({ sync, error }), [sync, error]);
}
