import type { ComponentProps } from 'react';
import type { PendingMessage as PendingMessageData } from '../react/use-pending-messages';
import { useThreadActions } from '../react/use-thread-actions';
import { classNames } from './class-names';
import './styles/tokens.css';
import './styles/message.css';

export interface PendingMessageProps extends Omit<ComponentProps<'article'>, 'children'> {
  message: PendingMessageData;
}

/** A message sent from here and not yet echoed by the server: 'sending', or 'failed' with retry. */
export function PendingMessage({ message, className, ...rest }: PendingMessageProps) {
  const { retry, discard } = useThreadActions();
  return (
    <article
      aria-label="You"
      data-role="user"
      data-state={message.state}
      className={classNames('platos-message', className)}
      {...rest}
    >
      <div className="platos-message-bubble">{message.text}</div>
      {message.state === 'sending' ? (
        <p className="platos-message-meta">Sending…</p>
      ) : (
        <div className="platos-message-meta" role="alert">
          <span>Not sent: {message.error?.message ?? 'unknown error'}</span>
          <button type="button" className="platos-link-button" onClick={() => void retry(message.clientMessageId)}>
            Retry
          </button>
          <button type="button" className="platos-link-button" onClick={() => discard(message.clientMessageId)}>
            Discard
          </button>
        </div>
      )}
    </article>
  );
}
