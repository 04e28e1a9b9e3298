import { useCallback } from 'react';
import type { RunView } from '../protocol/index.js';
import type { ThreadState } from '../store/types.js';
import { useThreadSelector } from './use-thread-selector.js';
import type { ThreadOption } from './use-thread-id.js';

/**
 * One background run of the thread; re-renders only when that one changes.
 * @example
 * const run = useRun(id);
 */
export function useRun(runId: string, options?: ThreadOption): RunView | undefined {
  const select = useCallback(
    (thread: ThreadState | undefined) => thread?.view.runs[runId],
    [runId],
  );
  return useThreadSelector(select, options);
}
