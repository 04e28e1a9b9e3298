import type { EventType, ServerEvent } from '../protocol/index.js';
import { summarizeEvent } from './event-summary.js';

export interface EventFilter {
  /** Types left out of the list. */
  hiddenTypes: ReadonlySet<EventType>;
  /** Kept when the type, seq or summary contains it, ignoring case; empty keeps everything. */
  text: string;
}

export const noEventFilter: EventFilter = { hiddenTypes: new Set(), text: '' };

/** Each event's searchable line, made once per event object (log entries are never mutated). */
const searchableLines = new WeakMap<ServerEvent, string>();

export function searchableLine(event: ServerEvent): string {
  let line = searchableLines.get(event);
  if (line === undefined) {
    line = `${event.type} ${event.seq} ${summarizeEvent(event)}`.toLowerCase();
    searchableLines.set(event, line);
  }
  return line;
}

/** The indexes of the events the filter keeps, in order; `null` when it keeps all of them. */
export function filterEventIndexes(events: readonly ServerEvent[], filter: EventFilter): number[] | null {
  const text = filter.text.trim().toLowerCase();
  if (filter.hiddenTypes.size === 0 && text === '') return null;
  const kept: number[] = [];
  for (let index = 0; index < events.length; index += 1) {
    const event = events[index]!;
    if (filter.hiddenTypes.has(event.type)) continue;
    if (text !== '' && !searchableLine(event).includes(text)) continue;
    kept.push(index);
  }
  return kept;
}
