import type { ReactNode } from 'react';
import { EVENT_TYPES, type EventType } from '../protocol/index.js';
import type { EventFilter } from './filter-events.js';
import { formatCount } from './format-count.js';

export interface EventFiltersProps {
  filter: EventFilter;
  onChange(filter: EventFilter): void;
  /** Rows shown and events in the log, for the count beside the filters. */
  shown: number;
  total: number;
  /** More controls at the end of the row. */
  children?: ReactNode;
}

/** The type checkboxes (in a disclosure, 17 of them) and the text filter of the event list. */
export function EventFilters({ filter, onChange, shown, total, children }: EventFiltersProps) {
  const setHidden = (hiddenTypes: ReadonlySet<EventType>) => onChange({ ...filter, hiddenTypes });
  const toggle = (type: EventType, visible: boolean) => {
    const hidden = new Set(filter.hiddenTypes);
    if (visible) hidden.delete(type);
    else hidden.add(type);
    setHidden(hidden);
  };
  const visibleTypes = EVENT_TYPES.length - filter.hiddenTypes.size;
  return (
    <div className="platos-devtools-filters">
      <details>
        <summary>
          Types ({visibleTypes} of {EVENT_TYPES.length})
        </summary>
        <fieldset className="platos-devtools-types">
          <legend>Show events of type</legend>
          {EVENT_TYPES.map((type) => (
            <label key={type}>
              <input type="checkbox" checked={!filter.hiddenTypes.has(type)} onChange={(event) => toggle(type, event.target.checked)} /> {type}
            </label>
          ))}
          <button type="button" onClick={() => setHidden(new Set())}>
            All
          </button>
          <button type="button" onClick={() => setHidden(new Set(EVENT_TYPES))}>
            None
          </button>
        </fieldset>
      </details>
      <input
        type="search"
        aria-label="Filter events by text"
        placeholder="Filter: type, seq, id or text"
        value={filter.text}
        onChange={(event) => onChange({ ...filter, text: event.target.value })}
      />
      <span className="platos-devtools-muted">
        {shown === total ? `${formatCount(total)} events` : `${formatCount(shown)} of ${formatCount(total)} events`}
      </span>
      {children}
    </div>
  );
}
