import type { Ref } from 'react';
import type { ApprovalView } from '../../protocol/index.js';
import type { ApprovalResponse } from '../../react/use-approval.js';
import { useIsConnected } from '../../react/use-is-connected.js';
import { fillLabel, type ApprovalLabels } from './approval-labels.js';

export interface ApprovalStatusProps {
  approval: ApprovalView;
  response: ApprovalResponse | undefined;
  /** Whether this card showed the approval as pending before its outcome arrived. */
  sawPending: boolean;
  labels: ApprovalLabels;
  statusRef?: Ref<HTMLParagraphElement>;
}

const resolvedKeys = {
  approved: 'approvalApproved',
  denied: 'approvalDenied',
  expired: 'approvalExpired',
  cancelled: 'approvalCancelled',
} as const;

/**
 * Where the decision stands: this client's send (queued, sending, sent, failed), then the server's outcome, marked
 * "resolved elsewhere" when someone else decided while this card waited. Focusable so focus can land here after a decision.
 */
export function ApprovalStatus({ approval, response, sawPending, labels, statusRef: ref }: ApprovalStatusProps) {
  const connected = useIsConnected();
  const { state, resolvedBy } = approval;
  if (state !== 'pending') {
    const outcome = labels[resolvedKeys[state]];
    const decidedHere = response !== undefined && response.decision === state && response.state !== 'failed';
    const elsewhere = (state === 'approved' || state === 'denied') && !decidedHere && (sawPending || response !== undefined);
    const withName = resolvedBy ? fillLabel(labels.approvalResolvedBy, { state: outcome, name: resolvedBy }) : outcome;
    return (
      <p ref={ref} tabIndex={-1} className="platos-approval-status" role="status" data-state={state} data-resolved={state === 'approved' || state === 'denied' ? (elsewhere ? 'elsewhere' : decidedHere ? 'here' : 'unknown') : undefined}>
        {elsewhere ? fillLabel(labels.approvalResolvedElsewhere, { state: withName }) : withName}
      </p>
    );
  }
  if (!response) return null;
  const decision = response.decision === 'approved' ? labels.approvalDecisionApproval : labels.approvalDecisionDenial;
  const queued = response.state === 'sending' && !connected;
  const template = queued
    ? labels.approvalQueued
    : response.state === 'sending'
      ? labels.approvalSending
      : response.state === 'sent'
        ? labels.approvalSent
        : labels.approvalSendFailed;
  return (
    <p
      ref={ref}
      tabIndex={-1}
      className="platos-approval-status"
      role={response.state === 'failed' ? 'alert' : 'status'}
      data-state={queued ? 'queued' : response.state}
    >
      {fillLabel(template, { decision, message: response.error?.message ?? 'unknown error' })}
    </p>
  );
}
