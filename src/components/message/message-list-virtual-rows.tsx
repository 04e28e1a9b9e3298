import { useCallback, useLayoutEffect, useRef } from 'react';
import { defaultRangeExtractor, observeElementRect, type Range, type Virtualizer } from '@tanstack/react-virtual';
import { bottomTolerancePx, type ScrollToEnd } from '../chat/use-stick-to-bottom.js';
import { useOpenAtEnd, type MessageListRowsProps } from './message-list-rows.js';
import { useFrameVirtualizer } from './use-frame-virtualizer.js';

/** The space between messages and around the list, in pixels (`--platos-space-5`). */
const messageGapPx = 24;

/**
 * The list's rows, positioned and measured by the virtualizer. Past `virtualizeAbove` messages only those near the
 * viewport are in the DOM. It follows the newest message while the list is pinned and keeps the first visible
 * message in place when earlier ones are added above it. Measuring and scrolling move rows without a render.
 */
export function VirtualRows({ scrollRef, count, keyAt, renderRow, estimatedMessageHeight, virtualizeAbove, pinned, scrollToEndRef }: MessageListRowsProps) {
  const { virtualizer, containerRef, measureRow } = useFrameVirtualizer({
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
  const countRef = useRef(count);
  countRef.current = count;
  const scrollToEnd = useCallback<ScrollToEnd>(
    (behavior) => {
      const last = countRef.current - 1;
      if (last >= 0) virtualizer.scrollToIndex(last, { align: 'end', behavior });
    },
    [virtualizer],
  );
  useLayoutEffect(() => {
    scrollToEndRef.current = scrollToEnd;
  }, [scrollToEndRef, scrollToEnd]);
  useOpenAtEnd(count, pinned, scrollToEnd);

  return (
    <div ref={containerRef} className="platos-message-list-items" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => (
        <div
          key={item.key}
          data-index={item.index}
          ref={measureRow}
          className="platos-message-list-item"
          style={{ transform: `translateY(${item.start}px)` }}
        >
          {renderRow(item.index)}
        </div>
      ))}
    </div>
  );
}

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
