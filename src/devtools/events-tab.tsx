import { useMemo } from 'react';
import { EventFilters } from './event-filters.js';
import { EventList } from './event-list.js';
import { filterEventIndexes, type EventFilter } from './filter-events.js';
import { LogStartNotice } from './log-start-notice.js';
import type { ThreadLog } from './thread-log.js';
import { formatCount } from './format-count.js';

export interface EventsTabProps {
  log: ThreadLog;
  /** Index into `log.events` of the selected event, -1 for none. */
  selected: number;
  followNewest: boolean;
  /** `null` follows the newest event. */
  onSelect(index: number | null): void;
  filter: EventFilter;
  onFilterChange(filter: EventFilter): void;
}

/** The thread's applied events, filtered, beside the raw JSON of the selected one. */
export function EventsTab({ log, selected, followNewest, onSelect, filter, onFilterChange }: EventsTabProps) {
  const rows = useMemo(() => filterEventIndexes(log.events, filter), [log.events, filter]);
  const event = log.events[selected];
  return (
    <>
      <LogStartNotice log={log} />
      <div className="platos-devtools-split">
        <div className="platos-devtools-column">
          <EventFilters filter={filter} onChange={onFilterChange} shown={rows ? rows.length : log.events.length} total={log.events.length}>
            <button type="button" aria-pressed={followNewest} onClick={() => onSelect(followNewest ? Math.max(0, log.events.length - 1) : null)}>
              Follow newest
            </button>
          </EventFilters>
          <EventList events={log.events} rows={rows} selected={selected} followNewest={followNewest} onSelect={onSelect} />
        </div>
        <section className="platos-devtools-column" aria-label="Selected event">
          <h3>{event ? `${event.type} #${event.seq}, entry ${formatCount(log.dropped + selected + 1)}` : 'No event selected'}</h3>
          <div className="platos-devtools-scroll" role="group" tabIndex={0} aria-label="Event JSON">
            {event && <pre className="platos-devtools-json">{JSON.stringify(event, null, 2)}</pre>}
          </div>
        </section>
      </div>
    </>
  );
}
