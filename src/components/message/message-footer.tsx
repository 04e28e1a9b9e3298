import type { ComponentPropsWithoutRef } from 'react';
import type { AssistantMessageView } from '../../protocol/index.js';
import { useLabels } from '../chat/chat-customization.js';
import { classNames } from '../shared/class-names.js';
import { formatDuration } from '../shared/format-duration.js';

export interface MessageFooterProps extends Omit<ComponentPropsWithoutRef<'footer'>, 'children'> {
  message: AssistantMessageView;
}

export const messageFooterLabels = {
  footerResponding: 'Responding',
  footerStopped: 'Stopped',
  footerLength: 'Cut off at the length limit',
  footerFailed: 'Failed',
  footerTokens: '{count} tokens',
} as const;

type FooterLabels = Readonly<Record<keyof typeof messageFooterLabels, string>>;

/** How a turn ended: a typing indicator while streaming, then the finish reason, tokens and time. */
export function MessageFooter({ message, className, ...rest }: MessageFooterProps) {
  const labels = useLabels(messageFooterLabels);
  const state = message.status === 'streaming' ? 'streaming' : (message.finishReason ?? message.status);
  return (
    <footer data-state={state} className={classNames('platos-message-footer', className)} {...rest}>
      {message.status === 'streaming' ? (
        <span className="platos-typing" role="img" aria-label={labels.footerResponding}>
          <span aria-hidden="true" />
          <span aria-hidden="true" />
          <span aria-hidden="true" />
        </span>
      ) : (
        <FinishSummary message={message} labels={labels} />
      )}
    </footer>
  );
}

function FinishSummary({ message, labels }: { message: AssistantMessageView; labels: FooterLabels }) {
  const outcome =
    message.finishReason === 'cancelled' || message.status === 'cancelled'
      ? labels.footerStopped
      : message.finishReason === 'length'
        ? labels.footerLength
        : message.finishReason === 'error' || message.status === 'failed'
          ? labels.footerFailed
          : null;
  const tokens = message.usage ? message.usage.inputTokens + message.usage.outputTokens : null;
  const details = [
    outcome,
    tokens === null ? null : labels.footerTokens.replace('{count}', String(tokens)),
    message.durationMs === undefined ? null : formatDuration(message.durationMs),
  ].filter(Boolean);
  if (details.length === 0) return null;
  return <span className="platos-message-summary">{details.join(' · ')}</span>;
}
