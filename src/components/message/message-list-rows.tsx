import { useCallback, useEffect, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import type { ScrollToEnd } from '../chat/use-stick-to-bottom.js';
import { lazyPart } from '../shared/lazy-part.js';

export interface MessageListRowsProps {
  scrollRef: RefObject<HTMLDivElement | null>;
  count: number;
  keyAt(index: number): string | number;
  renderRow(index: number): ReactNode;
  estimatedMessageHeight: number;
  virtualizeAbove: number;
  /** Whether the list follows its end; the rows open at the end only then. */
  pinned: boolean;
  /** The rows set it to what scrolls them to their end. */
  scrollToEndRef: RefObject<ScrollToEnd | null>;
}

/**
 * Once the rows have something to show, brings their end into view (while the list follows its end): a list that
 * mounts with messages already there, or whose first messages just arrived, opens at the newest one.
 */
export function useOpenAtEnd(count: number, pinned: boolean, scrollToEnd: ScrollToEnd): void {
  const opened = useRef(false);
  useLayoutEffect(() => {
    if (opened.current || count === 0) return;
    opened.current = true;
    if (pinned) scrollToEnd('auto');
  }, [count, pinned, scrollToEnd]);
}

/**
 * The rows until the virtualizer has loaded: every message in normal flow, following the end while pinned. The
 * virtualized rows take over when it arrives (usually before the first messages do: it is fetched when the list
 * mounts, while the thread connects).
 */
function FlowRows({ scrollRef, count, keyAt, renderRow, pinned, scrollToEndRef }: MessageListRowsProps) {
  const itemsRef = useRef<HTMLDivElement>(null);
  const pinnedRef = useRef(pinned);
  pinnedRef.current = pinned;
  const scrollToEnd = useCallback<ScrollToEnd>(
    (behavior) => {
      const scroller = scrollRef.current;
      if (!scroller) return;
      // Without layout (jsdom) elements have no scrollTo; a jump needs none.
      if (behavior === 'smooth' && typeof scroller.scrollTo === 'function') scroller.scrollTo({ top: scroller.scrollHeight, behavior });
      else scroller.scrollTop = scroller.scrollHeight;
    },
    [scrollRef],
  );
  useLayoutEffect(() => {
    scrollToEndRef.current = scrollToEnd;
  }, [scrollToEndRef, scrollToEnd]);
  useOpenAtEnd(count, pinned, scrollToEnd);
  // Messages added or growing keep the end in view while the list follows it.
  useEffect(() => {
    const items = itemsRef.current;
    if (!items || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => pinnedRef.current && scrollToEnd('auto'));
    observer.observe(items);
    return () => observer.disconnect();
  }, [scrollToEnd]);
  return (
    <div ref={itemsRef} className="platos-message-list-items" data-layout="flow">
      {Array.from({ length: count }, (_, index) => (
        <div key={keyAt(index)} data-index={index} className="platos-message-list-item">
          {renderRow(index)}
        </div>
      ))}
    </div>
  );
}

/** The virtualized rows (@tanstack/virtual-core), fetched when the first message list mounts. */
export const messageListRows = lazyPart<MessageListRowsProps>(
  () => import('./message-list-virtual-rows.js').then((module) => module.VirtualRows),
  FlowRows,
);
