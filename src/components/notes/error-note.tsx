import type { ThreadState } from '../../react/use-thread-selector.js';
import { memo, useCallback, useState, type ComponentPropsWithoutRef } from 'react';
import type { MessagePart } from '../../protocol/index.js';
import { useMessage } from '../../react/use-message.js';
import { useThreadSelector } from '../../react/use-thread-selector.js';
import { useThreadActions } from '../../react/use-thread-actions.js';
import { useThreadStatus } from '../../react/use-thread-status.js';
import { useLabels } from '../chat/chat-customization.js';
import { classNames } from '../shared/class-names.js';

export interface ErrorNoteProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'part'> {
  part: Extract<MessagePart, { type: 'error' }>;
  /** The assistant message the error belongs to; with it, a retryable error offers Retry once the turn is over. */
  messageId?: string;
}

export const errorNoteLabels = {
  errorRetrying: 'Temporary problem, still working',
  errorRetryable: 'Temporary problem',
  errorFatal: 'The response failed',
  errorRetry: 'Retry',
  errorRetrySent: 'Sent again',
} as const;

/**
 * A problem inside a turn: a retryable one is a note, one that ended the turn is an alert. When a
 * retryable error is followed by the turn ending without an answer, Retry sends the turn's user message
 * again as a new turn (`send`, not `retry`: the store's `retry` only re-sends messages the server never
 * accepted, and this one was accepted).
 */
export const ErrorNote = memo(function ErrorNote({ part, messageId, className, ...rest }: ErrorNoteProps) {
  const labels = useLabels(errorNoteLabels);
  return (
    <div
      role={part.retryable ? 'note' : 'alert'}
      data-state={part.retryable ? 'retryable' : 'fatal'}
      className={classNames('platos-error-note', className)}
      {...rest}
    >
      {part.retryable && messageId !== undefined ? (
        <RetryableTitle messageId={messageId} />
      ) : (
        <span className="platos-error-note-title">{part.retryable ? labels.errorRetrying : labels.errorFatal}</span>
      )}
      <span className="platos-error-note-message">{part.message}</span>
      <code className="platos-error-note-code">{part.code}</code>
    </div>
  );
});

type RetryState = 'idle' | 'sending' | 'sent';

function RetryableTitle({ messageId }: { messageId: string }) {
  const labels = useLabels(errorNoteLabels);
  const message = useMessage(messageId);
  const userText = useTurnUserText(message?.turnId);
  const threadStatus = useThreadStatus();
  const { send } = useThreadActions();
  const [retryState, setRetryState] = useState<RetryState>('idle');
  const turnEnded = message?.role === 'assistant' && message.status !== 'streaming';
  const answered = message?.role === 'assistant' && message.status === 'finished' && message.finishReason === 'stop';
  if (!turnEnded || answered || userText === undefined) {
    return <span className="platos-error-note-title">{turnEnded ? labels.errorRetryable : labels.errorRetrying}</span>;
  }
  const retry = async () => {
    setRetryState('sending');
    const result = await send(userText).catch(() => ({ ok: false }));
    setRetryState(result.ok ? 'sent' : 'idle');
  };
  return (
    <>
      <span className="platos-error-note-title">{labels.errorRetryable}</span>
      {retryState === 'sent' ? (
        <span className="platos-error-note-retried">{labels.errorRetrySent}</span>
      ) : (
        <button
          type="button"
          className="platos-link-button platos-error-note-retry"
          disabled={retryState === 'sending' || threadStatus === 'streaming'}
          onClick={() => void retry()}
        >
          {labels.errorRetry}
        </button>
      )}
    </>
  );
}

function useTurnUserText(turnId: string | undefined): string | undefined {
  const select = useCallback(
    (thread: ThreadState | undefined) => {
      const view = thread?.view;
      const userMessageId = turnId === undefined ? undefined : view?.turns[turnId]?.userMessageId;
      const userMessage = userMessageId === undefined ? undefined : view?.messages[userMessageId];
      return userMessage?.role === 'user' ? userMessage.text : undefined;
    },
    [turnId],
  );
  return useThreadSelector(select);
}
