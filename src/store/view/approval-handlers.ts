import type { ApprovalView, EventOf } from '../../protocol/index.js';
import type { ThreadView } from '../types.js';
import { pushPart, resolveAssistantMessage } from './assistant-message.js';
import { withoutUndefined } from './without-undefined.js';
import { ownEntry } from './own-entries.js';

export function applyApprovalPending(view: ThreadView, event: EventOf<'approval-pending'>): ThreadView {
  if (ownEntry(view.approvals, event.approvalId)) return view;
  const target = resolveAssistantMessage(view, event);
  const approval: ApprovalView = withoutUndefined({
    id: event.approvalId,
    turnId: event.turnId,
    messageId: target.message.id,
    tool: event.tool,
    args: event.args,
    toolCallId: event.toolCallId,
    reason: event.reason,
    expiresAt: event.expiresAt,
    state: 'pending' as const,
  });
  const next = pushPart(target.view, target.message, { type: 'approval', approvalId: approval.id });
  return { ...next, approvals: { ...next.approvals, [approval.id]: approval } };
}

/** Only the server decides an approval's state, even for a turn that already finished. */
export function applyApprovalResolved(view: ThreadView, event: EventOf<'approval-resolved'>): ThreadView {
  const approval = ownEntry(view.approvals, event.approvalId);
  if (!approval) return view;
  const resolved: ApprovalView = withoutUndefined({
    ...approval,
    state: event.decision,
    resolvedBy: event.resolvedBy ?? approval.resolvedBy,
  });
  return { ...view, approvals: { ...view.approvals, [resolved.id]: resolved } };
}
