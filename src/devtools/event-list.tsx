import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { defaultRangeExtractor, observeElementRect, useVirtualizer, type Range, type Rect, type Virtualizer } from '@tanstack/react-virtual';
import type { ServerEvent } from '../protocol/index.js';
import { summarizeEvent } from './event-summary.js';
import { formatClockTime } from './format-time.js';

const rowHeight = 22;

export interface EventListProps {
  events: readonly ServerEvent[];
  /** Indexes into `events` of the rows, in order; `null` shows every event. */
  rows: readonly number[] | null;
  /** Index into `events` of the selected event, -1 for none. */
  selected: number;
  /** Keeps the newest row in view as events arrive. */
  followNewest: boolean;
  onSelect(index: number): void;
}

/**
 * The events as a listbox of one-line rows (time, type, seq, summary). Only the rows near the viewport are in the
 * DOM, plus the selected one so that `aria-activedescendant` always names an element; arrows, Page keys, Home and
 * End move the selection.
 */
export function EventList({ events, rows, selected, followNewest, onSelect }: EventListProps) {
  const listId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = rows ? rows.length : events.length;
  const eventAt = (row: number) => (rows ? rows[row]! : row);
  const selectedRow = rows ? rowOf(rows, selected) : selected < count ? selected : -1;
  const selectedRowRef = useRef(selectedRow);
  selectedRowRef.current = selectedRow;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    useFlushSync: false,
    initialRect: { width: 0, height: 320 },
    observeElementRect: observeRectOrDefault,
    rangeExtractor: (range: Range) => withRow(defaultRangeExtractor(range), selectedRowRef.current),
  });

  useEffect(() => {
    if (followNewest && count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' });
  }, [followNewest, count, virtualizer]);

  const moveTo = (row: number) => {
    if (count === 0) return;
    const target = Math.min(count - 1, Math.max(0, row));
    onSelect(eventAt(target));
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };
  const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight || 320) / rowHeight) - 1);
  const onKeyDown = (event: KeyboardEvent) => {
    const from = selectedRow < 0 ? (event.key === 'ArrowUp' ? count : -1) : selectedRow;
    const moves: Record<string, number> = { ArrowDown: from + 1, ArrowUp: from - 1, PageDown: from + pageRows, PageUp: from - pageRows, Home: 0, End: count - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  };

  const rowId = (row: number) => `${listId}-row-${row}`;
  const items = virtualizer.getVirtualItems();
  return (
    <div
      ref={scrollRef}
      className="platos-devtools-list"
      role="listbox"
      aria-label="Events"
      tabIndex={0}
      aria-activedescendant={selectedRow >= 0 && items.some((item) => item.index === selectedRow) ? rowId(selectedRow) : undefined}
      onKeyDown={onKeyDown}
    >
      <div style={{ position: 'relative', height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const index = eventAt(item.index);
          const event = events[index]!;
          return (
            <div
              key={item.index}
              id={rowId(item.index)}
              role="option"
              aria-selected={item.index === selectedRow}
              aria-posinset={item.index + 1}
              aria-setsize={count}
              className="platos-devtools-row"
              data-type={event.type}
              style={{ transform: `translateY(${item.start}px)` }}
              onClick={() => onSelect(index)}
            >
              <span className="platos-devtools-muted">{formatClockTime(event.ts)}</span>
              <span>{event.type}</span>
              <span className="platos-devtools-muted">#{event.seq}</span>
              <span>{summarizeEvent(event)}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** The row showing `index`, or -1 when the filter hides it. */
function rowOf(rows: readonly number[], index: number): number {
  let low = 0;
  let high = rows.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = rows[middle]!;
    if (value === index) return middle;
    if (value < index) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

function withRow(rows: number[], row: number): number[] {
  if (row < 0 || rows.includes(row)) return rows;
  return [...rows, row].sort((first, second) => first - second);
}

/** The list's size; while it has none (not laid out yet, or no layout at all as in jsdom) a few rows' worth. */
function observeRectOrDefault(instance: Virtualizer<HTMLDivElement, Element>, onChange: (rect: Rect) => void) {
  return observeElementRect(instance, (rect) => onChange(rect.height > 0 ? rect : { width: rect.width, height: 320 }));
}
