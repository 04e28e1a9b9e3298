import { useCallback, useMemo } from 'react';
import type { ApprovalView } from '../protocol/index.js';
import type { ApprovalResponse, ThreadState } from '../store/types.js';
import { useThreadSelector } from './use-thread-selector.js';
import type { ThreadOption } from './use-thread-id.js';

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
  const selectApproval = useCallback(
    (thread: ThreadState | undefined) => thread?.view.approvals[approvalId],
    [approvalId],
  );
  const selectResponse = useCallback(
    (thread: ThreadState | undefined) => thread?.approvalResponses[approvalId],
    [approvalId],
  );
  const approval = useThreadSelector(selectApproval, options);
  const response = useThreadSelector(selectResponse, options);
  return useMemo(() => ({ approval, response }), [approval, response]);
}
