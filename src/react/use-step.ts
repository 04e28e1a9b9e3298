import { useCallback } from 'react';
import type { StepView } from '../protocol';
import type { PlatosState } from '../store/types';
import { usePlatosSelector } from './use-platos-selector';
import { useThreadId, type ThreadOption } from './use-thread-id';

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
