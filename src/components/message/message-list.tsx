import { forwardRef, useEffect, useRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { defaultRangeExtractor, observeElementRect, useVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual';
import { useMessageIds } from '../../react/use-message-ids.js';
import { usePendingMessages } from '../../react/use-pending-messages.js';
import { useChatComponents, useLabels } from '../chat/chat-customization.js';
import { classNames } from '../shared/class-names.js';
import { markdownEngine } from '../markdown/load-markdown.js';
import { Message } from './message.js';
import { PendingMessage } from './pending-message.js';
import { bottomTolerancePx, useStickToBottom } from '../chat/use-stick-to-bottom.js';
import '../styles/tokens.css';
import '../styles/message.css';

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

export const messageListLabels = { messageListLabel: 'Messages', jumpToLatest: 'Jump to latest' } as const;

/** The space between messages and around the list, in pixels (`--platos-space-5`). */
const messageGapPx = 24;

/**
 * The thread's messages as a live log, then the ones still being sent. Past `virtualizeAbove` messages
 * only those near the viewport are in the DOM, each measured as it renders. It follows the newest message while the user is
 * at the end, lets go when they scroll up (offering "Jump to latest"), and keeps the first visible
 * message in place when earlier ones are added above it. It re-renders when a message is added or the
 * visible range moves; each `<Message>` follows its own updates.
 */
export const MessageList = forwardRef<HTMLDivElement, MessageListProps>(function MessageList(
  { className, emptyState, estimatedMessageHeight = 120, virtualizeAbove = 100, ...rest },
  ref,
) {
  const messageIds = useMessageIds();
  const pendingMessages = usePendingMessages();
  const labels = useLabels(messageListLabels);
  const { Message: MessageComponent = Message } = useChatComponents();
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const count = messageIds.length + pendingMessages.length;
  const keyAt = (index: number) =>
    index < messageIds.length ? (messageIds[index] ?? index) : `pending:${pendingMessages[index - messageIds.length]?.clientMessageId ?? index}`;

  const virtualizer = useVirtualizer<HTMLElement, Element>({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatedMessageHeight,
    getItemKey: keyAt,
    overscan: 4,
    gap: messageGapPx,
    paddingStart: messageGapPx,
    paddingEnd: messageGapPx,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: bottomTolerancePx,
    observeElementRect: observeRectOrScreen,
    rangeExtractor: (range: Range) => (range.count <= virtualizeAbove ? allIndexes(range.count) : defaultRangeExtractor(range)),
  });
  const { state, jumpToLatest } = useStickToBottom(scrollRef, virtualizer, count);
  // The markdown parser is fetched while the thread connects and loads, so messages rarely show before it.
  useEffect(() => {
    markdownEngine.load().catch(() => {});
  }, []);
  const isEmpty = count === 0;

  const jump = () => {
    jumpToLatest();
    scrollRef.current?.focus({ preventScroll: true });
  };

  return (
    <div ref={ref} data-state={state} className={classNames('platos-message-list', className)} {...rest}>
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
        <div className="platos-message-list-items" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const pending = item.index >= messageIds.length ? pendingMessages[item.index - messageIds.length] : undefined;
            const id = messageIds[item.index];
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="platos-message-list-item"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {pending ? <PendingMessage message={pending} /> : id !== undefined ? <MessageComponent id={id} /> : null}
              </div>
            );
          })}
        </div>
      </div>
      {state === 'released' && !isEmpty ? (
        <button type="button" className="platos-button platos-jump-to-latest" data-variant="secondary" onClick={jump}>
          {labels.jumpToLatest}
        </button>
      ) : null}
    </div>
  );
});

/**
 * The scroll element's size; while it has none (not laid out yet, or no layout at all as in jsdom and
 * server rendering) it counts as one screen high, so the newest messages render instead of none.
 */
function observeRectOrScreen(instance: Virtualizer<HTMLElement, Element>, onChange: (rect: { width: number; height: number }) => void) {
  const screenHeight = typeof window === 'undefined' ? 800 : window.innerHeight;
  return observeElementRect(instance, (rect) => onChange(rect.height > 0 ? rect : { width: rect.width, height: screenHeight }));
}

function allIndexes(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}
