import type { ComponentPropsWithoutRef } from 'react';
import { useIsConnected } from '../../react/use-is-connected.js';
import type { PendingMessage as PendingMessageData } from '../../react/use-pending-messages.js';
import { useThreadActions } from '../../react/use-thread-actions.js';
import { useLabels } from '../chat/chat-customization.js';
import { classNames } from '../shared/class-names.js';

export interface PendingMessageProps extends Omit<ComponentPropsWithoutRef<'article'>, 'children'> {
  message: PendingMessageData;
}

export const pendingMessageLabels = {
  messageUser: 'You',
  pendingQueued: 'Queued: sends when the connection is back',
  pendingSending: 'Sending…',
  pendingFailed: 'Not sent: {error}',
  pendingRetry: 'Retry',
  pendingDiscard: 'Discard',
} as const;

/**
 * A message sent from here and not yet echoed by the server: 'sending', 'queued' (sending waits for the
 * connection), or 'failed' with retry; the text stays in every case.
 */
export function PendingMessage({ message, className, ...rest }: PendingMessageProps) {
  const { retry, discard } = useThreadActions();
  const connected = useIsConnected();
  const labels = useLabels(pendingMessageLabels);
  const waitsForConnection = message.state === 'sending' && !connected;
  return (
    <article
      aria-label={labels.messageUser}
      data-role="user"
      data-state={waitsForConnection ? 'queued' : message.state}
      className={classNames('platos-message', className)}
      {...rest}
    >
      <div className="platos-message-bubble">{message.text}</div>
      {message.state === 'sending' ? (
        <p className="platos-message-meta">{waitsForConnection ? labels.pendingQueued : labels.pendingSending}</p>
      ) : (
        <div className="platos-message-meta" role="alert">
          <span>{labels.pendingFailed.replace('{error}', message.error?.message ?? 'unknown error')}</span>
          <button type="button" className="platos-link-button" onClick={() => void retry(message.clientMessageId)}>
            {labels.pendingRetry}
          </button>
          <button type="button" className="platos-link-button" onClick={() => discard(message.clientMessageId)}>
            {labels.pendingDiscard}
          </button>
        </div>
      )}
    </article>
  );
}
