import { useLayoutEffect, useState, type RefObject } from 'react';

export interface FixedRowWindow {
  /** First and last row to render, overscan included; `last < first` when there are none. */
  first: number;
  last: number;
  onScroll(): void;
  /** Scrolls the box to show `row` whole, moving it as little as possible. */
  scrollRowIntoView(row: number): void;
}

/** Height assumed while the box has none (not laid out yet, or no layout at all as in jsdom). */
const fallbackHeight = 320;

/**
 * Which rows of a scroll box are in view when every row has the same height: arithmetic on the scroll offset, so a
 * list of 100,000 rows costs what one of 30 does (no per-row measurement, nothing to settle frame by frame).
 */
export function useFixedRowWindow(scrollRef: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan: number, startAtEnd: boolean): FixedRowWindow {
  // Starting at the end renders the last rows at once, rather than the first ones and then the last.
  const [scrollTop, setScrollTop] = useState(() => (startAtEnd ? Number.MAX_SAFE_INTEGER : 0));
  const [height, setHeight] = useState(fallbackHeight);
  useLayoutEffect(() => {
    const box = scrollRef.current;
    if (!box) return;
    const measure = () => setHeight(box.clientHeight || fallbackHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, [scrollRef]);

  const top = Math.min(scrollTop, Math.max(0, count * rowHeight - height));
  return {
    first: Math.max(0, Math.floor(top / rowHeight) - overscan),
    last: Math.min(count - 1, Math.ceil((top + height) / rowHeight) + overscan),
    onScroll: () => setScrollTop(scrollRef.current?.scrollTop ?? 0),
    scrollRowIntoView(row) {
      const box = scrollRef.current;
      if (!box) return;
      const rowTop = row * rowHeight;
      const viewport = box.clientHeight || fallbackHeight;
      const next = rowTop < box.scrollTop ? rowTop : rowTop + rowHeight > box.scrollTop + viewport ? rowTop + rowHeight - viewport : box.scrollTop;
      box.scrollTop = next;
      // Now, not on the scroll event a frame later: the rows it brings into view render in this frame.
      setScrollTop(next);
    },
  };
}
