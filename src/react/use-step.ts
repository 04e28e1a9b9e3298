import { useCallback } from 'react';
import type { StepView } from '../protocol/index.js';
import type { PlatosState } from '../store/types.js';
import { usePlatosSelector } from './use-platos-selector.js';
import { useThreadId, type ThreadOption } from './use-thread-id.js';

/**
 * One agent step of the thread; re-renders only when that one changes.
 * @example
 * const step = useStep(id);
 */
export function useStep(stepId: string, options?: ThreadOption): StepView | undefined {
  const threadId = useThreadId(options);
  const select = useCallback(
    (state: PlatosState) => state.threads[threadId]?.view.steps[stepId],
    [threadId, stepId],
  );
  return usePlatosSelector(select);
}
