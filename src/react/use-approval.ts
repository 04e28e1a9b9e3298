import { useCallback, useMemo } from 'react';
import type { ApprovalView } from '../protocol/index.js';
import type { ApprovalResponse, PlatosState } from '../store/types.js';
import { usePlatosSelector } from './use-platos-selector.js';
import { useThreadId, type ThreadOption } from './use-thread-id.js';

export type { ApprovalResponse } from '../store/types.js';

export interface ApprovalSelection {
  approval: ApprovalView | undefined;
  /** The decision this client sent, if any, and how sending it went. */
  response: ApprovalResponse | undefined;
}

/**
 * One approval request of the thread and this client's response to it.
 * @example
 * const { approval, response } = useApproval(id);
 */
export function useApproval(approvalId: string, options?: ThreadOption): ApprovalSelection {
  const threadId = useThreadId(options);
  const selectApproval = useCallback(
    (state: PlatosState) => state.threads[threadId]?.view.approvals[approvalId],
    [threadId, approvalId],
  );
  const selectResponse = useCallback(
    (state: PlatosState) => state.threads[threadId]?.approvalResponses[approvalId],
    [threadId, approvalId],
  );
  const approval = usePlatosSelector(selectApproval);
  const response = usePlatosSelector(selectResponse);
  return useMemo(() => ({ approval, response }), [approval, response]);
}
