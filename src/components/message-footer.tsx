import type { ComponentProps } from 'react';
import type { AssistantMessageView } from '../protocol';
import { classNames } from './class-names';
import { formatDuration } from './format-duration';

export interface MessageFooterProps extends Omit<ComponentProps<'footer'>, 'children'> {
  message: AssistantMessageView;
}

/** How a turn ended: a typing indicator while streaming, then the finish reason, tokens and time. */
export function MessageFooter({ message, className, ...rest }: MessageFooterProps) {
  const state = message.status === 'streaming' ? 'streaming' : (message.finishReason ?? message.status);
  return (
    <footer data-state={state} className={classNames('platos-message-footer', className)} {...rest}>
      {message.status === 'streaming' ? (
        <span className="platos-typing" aria-label="Responding">
          <span aria-hidden="true" />
          <span aria-hidden="true" />
          <span aria-hidden="true" />
        </span>
      ) : (
        <FinishSummary message={message} />
      )}
    </footer>
  );
}

function FinishSummary({ message }: { message: AssistantMessageView }) {
  const outcome =
    message.finishReason === 'cancelled' || message.status === 'cancelled'
      ? 'Stopped'
      : message.finishReason === 'length'
        ? 'Cut off at the length limit'
        : message.finishReason === 'error' || message.status === 'failed'
          ? 'Failed'
          : null;
  const tokens = message.usage ? message.usage.inputTokens + message.usage.outputTokens : null;
  const details = [
    outcome,
    tokens === null ? null : `${tokens} tokens`,
    message.durationMs === undefined ? null : formatDuration(message.durationMs),
  ].filter(Boolean);
  if (details.length === 0) return null;
  return <span className="platos-message-summary">{details.join(' · ')}</span>;
}
