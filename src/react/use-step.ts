import { useCallback } from 'react';
import type { StepView } from '../protocol/index.js';
import type { ThreadState } from '../store/types.js';
import { useThreadSelector } from './use-thread-selector.js';
import type { ThreadOption } from './use-thread-id.js';

/**
 * One agent step of the thread; re-renders only when that one changes.
 * @example
 * const step = useStep(id);
 */
export function useStep(stepId: string, options?: ThreadOption): StepView | undefined {
  const select = useCallback(
    (thread: ThreadState | undefined) => thread?.view.steps[stepId],
    [stepId],
  );
  return useThreadSelector(select, options);
}
