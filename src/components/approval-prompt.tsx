import { memo, useRef, type ComponentProps } from 'react';
import type { ApprovalState } from '../protocol';
import { useApproval } from '../react/use-approval';
import { useThreadActions } from '../react/use-thread-actions';
import { useConnectionState } from '../react/use-connection-state';
import { classNames } from './class-names';
import { formatJson } from './format-json';
import './styles/tokens.css';
import './styles/cards.css';
import './styles/approval.css';

export interface ApprovalPromptProps extends Omit<ComponentProps<'section'>, 'children'> {
  id: string;
}

const resolvedLabels: Record<Exclude<ApprovalState, 'pending'>, string> = {
  approved: 'Approved',
  denied: 'Denied',
  expired: 'Expired without a decision',
  cancelled: 'Cancelled',
};

/** Asks the user to approve or deny a tool call; the decision is sent once. */
export const ApprovalPrompt = memo(function ApprovalPrompt({ id, className, ...rest }: ApprovalPromptProps) {
  const { approval, response } = useApproval(id);
  const { respondToApproval } = useThreadActions();
  // Two clicks can land before React re-renders the disabled buttons; this blocks the second one.
  const decidedRef = useRef(false);
  if (!approval) return null;

  const isPending = approval.state === 'pending';
  const isLocked = response?.state === 'sending' || response?.state === 'sent';
  const decide = (decision: 'approved' | 'denied') => {
    if (decidedRef.current || isLocked) return;
    decidedRef.current = true;
    void respondToApproval(approval.id, decision).finally(() => {
      decidedRef.current = false;
    });
  };

  return (
    <section
      aria-label={`Approval: ${approval.tool}`}
      data-state={approval.state}
      className={classNames('platos-approval', className)}
      {...rest}
    >
      <p className="platos-approval-title">
        Allow <strong>{approval.tool}</strong> to run?
      </p>
      {approval.reason ? <p className="platos-approval-reason">{approval.reason}</p> : null}
      <pre className="platos-approval-args" aria-label="Arguments">
        <code>{formatJson(approval.args)}</code>
      </pre>
      {isPending ? (
        <div className="platos-approval-actions">
          <button type="button" className="platos-button" data-variant="primary" disabled={isLocked} onClick={() => decide('approved')}>
            Approve
          </button>
          <button type="button" className="platos-button" data-variant="secondary" disabled={isLocked} onClick={() => decide('denied')}>
            Deny
          </button>
          {approval.expiresAt ? (
            <span className="platos-approval-expiry">Expires at {new Date(approval.expiresAt).toLocaleTimeString()}</span>
          ) : null}
        </div>
      ) : null}
      <ApprovalStatus state={approval.state} response={response} resolvedBy={approval.resolvedBy} />
    </section>
  );
});

interface ApprovalStatusProps {
  state: ApprovalState;
  response: ReturnType<typeof useApproval>['response'];
  resolvedBy: string | undefined;
}

function ApprovalStatus({ state, response, resolvedBy }: ApprovalStatusProps) {
  const connection = useConnectionState();
  const connected = connection === 'open' || connection === 'resyncing';
  if (state !== 'pending') {
    return (
      <p className="platos-approval-status" role="status" data-state={state}>
        {resolvedLabels[state]}
        {resolvedBy ? ` by ${resolvedBy}` : ''}
      </p>
    );
  }
  if (!response) return null;
  const decision = response.decision === 'approved' ? 'approval' : 'denial';
  const queued = response.state === 'sending' && !connected;
  const text = queued
    ? `Your ${decision} will be sent when the connection is back`
    : response.state === 'sending'
      ? `Sending your ${decision}…`
      : response.state === 'sent'
        ? `Your ${decision} was sent`
        : `Could not send your ${decision}: ${response.error?.message ?? 'unknown error'}`;
  return (
    <p className="platos-approval-status" role={response.state === 'failed' ? 'alert' : 'status'} data-state={queued ? 'queued' : response.state}>
      {text}
    </p>
  );
}
