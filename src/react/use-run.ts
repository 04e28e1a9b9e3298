import { useCallback } from 'react';
import type { RunView } from '../protocol/index.js';
import type { PlatosState } from '../store/types.js';
import { usePlatosSelector } from './use-platos-selector.js';
import { useThreadId, type ThreadOption } from './use-thread-id.js';

/**
 * One background run of the thread; re-renders only when that one changes.
 * @example
 * const run = useRun(id);
 */
export function useRun(runId: string, options?: ThreadOption): RunView | undefined {
  const threadId = useThreadId(options);
  const select = useCallback(
    (state: PlatosState) => state.threads[threadId]?.view.runs[runId],
    [threadId, runId],
  );
  return usePlatosSelector(select);
}
