import { forwardRef, useEffect, useRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { useMessageIds } from '../../react/use-message-ids.js';
import { usePendingMessages } from '../../react/use-pending-messages.js';
import { useThreadCached } from '../../react/use-thread-cached.js';
import { useChatComponents, useLabels } from '../chat/chat-customization.js';
import { classNames } from '../shared/class-names.js';
import { markdownEngine } from '../markdown/load-markdown.js';
import { Message } from './message.js';
import { messageListRows } from './message-list-rows.js';
import { PendingMessage } from './pending-message.js';
import { useStickToBottom } from '../chat/use-stick-to-bottom.js';

export interface MessageListProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Shown while the thread has no messages. */
  emptyState?: ReactNode;
  /** A message's height in pixels before it has been measured. @default 120 */
  estimatedMessageHeight?: number;
  /**
   * Up to this many messages all stay in the DOM (find-in-page and screen readers see the whole
   * conversation); a longer thread renders only the messages near the viewport. @default 100
   */
  virtualizeAbove?: number;
}

export const messageListLabels = {
  messageListLabel: 'Messages',
  jumpToLatest: 'Jump to latest',
  messageListCached: 'Showing saved messages; updating…',
} as const;

const MessageListRows = messageListRows.Component;

/**
 * The thread's messages as a live log, then the ones still being sent. Past `virtualizeAbove` messages
 * only those near the viewport are in the DOM, each measured as it renders. It follows the newest message while the user is
 * at the end, lets go when they scroll up (offering "Jump to latest"), and keeps the first visible
 * message in place when earlier ones are added above it. It re-renders when a message is added or the
 * visible range moves; each `<Message>` follows its own updates. The virtualizer is fetched when the first list
 * mounts; until it has arrived the messages are all in normal flow. While the messages are the ones saved in this
 * browser and the server has not confirmed them yet, the root has `data-cached="true"` and a quiet status says so.
 */
export const MessageList = forwardRef<HTMLDivElement, MessageListProps>(function MessageList(
  { className, emptyState, estimatedMessageHeight = 120, virtualizeAbove = 100, ...rest },
  ref,
) {
  const messageIds = useMessageIds();
  const pendingMessages = usePendingMessages();
  const cached = useThreadCached();
  const labels = useLabels(messageListLabels);
  const { Message: MessageComponent = Message } = useChatComponents();
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const count = messageIds.length + pendingMessages.length;
  const keyAt = (index: number) =>
    index < messageIds.length ? (messageIds[index] ?? index) : `pending:${pendingMessages[index - messageIds.length]?.clientMessageId ?? index}`;

  const { state, jumpToLatest, scrollToEndRef } = useStickToBottom(scrollRef);
  // The virtualizer and the markdown parser are fetched while the thread connects and loads, so messages rarely
  // show before them.
  useEffect(() => {
    messageListRows.preload().catch(() => {});
    markdownEngine.load().catch(() => {});
  }, []);
  const renderRow = (index: number) => {
    const pending = index >= messageIds.length ? pendingMessages[index - messageIds.length] : undefined;
    const id = messageIds[index];
    return pending ? <PendingMessage message={pending} /> : id !== undefined ? <MessageComponent id={id} /> : null;
  };
  const isEmpty = count === 0;

  const jump = () => {
    jumpToLatest();
    scrollRef.current?.focus({ preventScroll: true });
  };

  return (
    <div ref={ref} data-state={state} data-cached={cached ? 'true' : undefined} className={classNames('platos-message-list', className)} {...rest}>
      {cached ? (
        <p role="status" className="platos-message-list-cached">
          {labels.messageListCached}
        </p>
      ) : null}
      <div
        ref={scrollRef}
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-label={labels.messageListLabel}
        tabIndex={0}
        className="platos-message-list-scroller"
      >
        {isEmpty && emptyState ? <div className="platos-message-list-empty">{emptyState}</div> : null}
        <MessageListRows
          scrollRef={scrollRef}
          count={count}
          keyAt={keyAt}
          renderRow={renderRow}
          estimatedMessageHeight={estimatedMessageHeight}
          virtualizeAbove={virtualizeAbove}
          pinned={state === 'pinned'}
          scrollToEndRef={scrollToEndRef}
        />
      </div>
      {state === 'released' && !isEmpty ? (
        <button type="button" className="platos-button platos-jump-to-latest" data-variant="secondary" onClick={jump}>
          {labels.jumpToLatest}
        </button>
      ) : null}
    </div>
  );
});
