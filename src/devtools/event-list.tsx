import { useId, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { ServerEvent } from '../protocol/index.js';
import { summarizeEvent } from './event-summary.js';
import { formatClockTime } from './format-time.js';
import { useFixedRowWindow } from './use-fixed-row-window.js';

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

  const rowWindow = useFixedRowWindow(scrollRef, count, rowHeight, 8, followNewest);

  useLayoutEffect(() => {
    if (followNewest && count > 0) rowWindow.scrollRowIntoView(count - 1);
  }, [followNewest, count]);

  const moveTo = (row: number) => {
    if (count === 0) return;
    const target = Math.min(count - 1, Math.max(0, row));
    onSelect(eventAt(target));
    rowWindow.scrollRowIntoView(target);
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
  const shownRows: number[] = [];
  for (let row = rowWindow.first; row <= rowWindow.last; row += 1) shownRows.push(row);
  if (selectedRow >= 0 && (selectedRow < rowWindow.first || selectedRow > rowWindow.last)) shownRows.push(selectedRow);
  return (
    <div
      ref={scrollRef}
      className="platos-devtools-list"
      role="listbox"
      aria-label="Events"
      tabIndex={0}
      aria-activedescendant={selectedRow >= 0 ? rowId(selectedRow) : undefined}
      onKeyDown={onKeyDown}
      onScroll={rowWindow.onScroll}
    >
      <div style={{ position: 'relative', height: count * rowHeight }}>
        {shownRows.map((row) => {
          const index = eventAt(row);
          const event = events[index]!;
          return (
            <div
              key={row}
              id={rowId(row)}
              role="option"
              aria-selected={row === selectedRow}
              aria-posinset={row + 1}
              aria-setsize={count}
              className="platos-devtools-row"
              data-type={event.type}
              style={{ transform: `translateY(${row * rowHeight}px)` }}
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
