import { useCallback, type ComponentProps, type ReactNode, type Ref } from 'react';
import { useMessageIds } from '../react/use-message-ids';
import { usePendingMessages } from '../react/use-pending-messages';
import { classNames } from './class-names';
import { Message } from './message';
import { PendingMessage } from './pending-message';
import { useStickToBottom } from './use-stick-to-bottom';
import './styles/tokens.css';
import './styles/message.css';

export interface MessageListProps extends Omit<ComponentProps<'div'>, 'children'> {
  /** Shown while the thread has no messages. */
  emptyState?: ReactNode;
}

/**
 * The thread's messages as a live log, then the ones still being sent. It re-renders only when a
 * message is added; each `<Message>` follows its own updates.
 */
export function MessageList({ className, emptyState, ref, ...rest }: MessageListProps) {
  const messageIds = useMessageIds();
  const pendingMessages = usePendingMessages();
  const scrollRef = useStickToBottom<HTMLDivElement>();
  const setRefs = useCallback(
    (element: HTMLDivElement | null) => {
      scrollRef.current = element;
      assignRef(ref, element);
    },
    [scrollRef, ref],
  );
  const isEmpty = messageIds.length === 0 && pendingMessages.length === 0;

  return (
    <div
      ref={setRefs}
      role="log"
      aria-live="polite"
      aria-relevant="additions"
      aria-label="Messages"
      tabIndex={0}
      className={classNames('platos-message-list', className)}
      {...rest}
    >
      {isEmpty && emptyState ? <div className="platos-message-list-empty">{emptyState}</div> : null}
      {messageIds.map((id) => (
        <Message key={id} id={id} />
      ))}
      {pendingMessages.map((message) => (
        <PendingMessage key={message.clientMessageId} message={message} />
      ))}
    </div>
  );
}

function assignRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) ref.current = value;
}
