import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { SessionRecording } from '../client/record-session.js';
import type { PlatosClient } from '../client/types.js';
import type { PlatosState, ReadonlyPlatosStore, ThreadView } from '../store/types.js';
import { ClientTab } from './client-tab.js';
import { DevtoolsTabList, tabId, tabPanelId, type DevtoolsTab } from './devtools-tabs.js';
import { downloadCassette } from './download-cassette.js';
import { EventsTab } from './events-tab.js';
import { noEventFilter, type EventFilter } from './filter-events.js';
import { OutboxTab } from './outbox-tab.js';
import { readThreadLog } from './thread-log.js';
import { TimeTravelTab } from './time-travel-tab.js';
import { useStoreThreads } from './use-store-threads.js';
import { formatCount } from './format-count.js';

export type DevtoolsPosition = 'bottom' | 'floating';

export interface DevtoolsPanelProps {
  client: PlatosClient | null;
  store: ReadonlyPlatosStore | null;
  recording: RefObject<SessionRecording | null>;
  position: DevtoolsPosition;
  theme: 'light' | 'dark' | undefined;
  initialThreadId: string | undefined;
  /** Focus the selected tab on mount (the panel was opened by the user, not by `defaultOpen`). */
  takeFocus: boolean;
  shortcutLabel: string | undefined;
  onClose(): void;
}

/** The selected event, by its absolute index in the log generation that starts at `base`; `null` follows the newest. */
type Cursor = { base: ThreadView; absolute: number } | null;

const noThreads: PlatosState = { threads: {}, connection: 'closed', entities: {}, toolInvocations: {} };
const noStore: ReadonlyPlatosStore = { getState: () => noThreads, getInitialState: () => noThreads, subscribe: () => () => {} };

/** The open inspector: a thread picker, the four sections as tabs, the cassette download. */
export function DevtoolsPanel({ client, store, recording, position: initialPosition, theme, initialThreadId, takeFocus, shortcutLabel, onClose }: DevtoolsPanelProps) {
  const idPrefix = useId();
  const threads = useStoreThreads(store ?? noStore);
  const [chosenThreadId, setThreadId] = useState(initialThreadId);
  const [tab, setTab] = useState<DevtoolsTab>('events');
  const [position, setPosition] = useState(initialPosition);
  const [cursor, setCursor] = useState<Cursor>(null);
  const [filter, setFilter] = useState<EventFilter>(noEventFilter);
  const rootRef = useRef<HTMLElement>(null);

  const threadIds = Object.keys(threads);
  const threadId = chosenThreadId !== undefined && threads[chosenThreadId] ? chosenThreadId : busiestThread(threads);
  const thread = threadId === undefined ? undefined : threads[threadId];
  const log = useMemo(() => (thread ? readThreadLog(thread) : null), [thread?.eventLog, thread?.eventLogBase]);
  const lastIndex = (log?.events.length ?? 0) - 1;
  const following = !log || cursor === null || cursor.base !== log.base;
  const selected = following ? lastIndex : Math.min(lastIndex, Math.max(0, cursor.absolute - log.dropped));
  const select = (index: number | null) => setCursor(index === null || !log ? null : { base: log.base, absolute: log.dropped + index });

  useEffect(() => {
    if (takeFocus) document.getElementById(tabId(idPrefix, tab))?.focus();
    // On mount only: the tabs move focus themselves afterwards.
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    if (target instanceof HTMLInputElement && target.type === 'search' && target.value !== '') return;
    if (target.closest('details[open]')) {
      target.closest('details')!.open = false;
      return;
    }
    onClose();
  };

  return (
    <section
      ref={rootRef}
      className="platos-devtools platos-devtools-panel"
      data-position={position}
      data-theme={theme}
      aria-labelledby={`${idPrefix}-title`}
      onKeyDown={onKeyDown}
    >
      <header className="platos-devtools-header">
        <h2 id={`${idPrefix}-title`}>Platos devtools</h2>
        <label>
          Thread{' '}
          <select value={threadId ?? ''} onChange={(event) => { setThreadId(event.target.value); setCursor(null); }} disabled={threadIds.length === 0}>
            {threadIds.length === 0 && <option value="">No threads yet</option>}
            {threadIds.map((id) => (
              <option key={id} value={id}>
                {id} ({formatCount(threads[id]!.eventLog.size)})
              </option>
            ))}
          </select>
        </label>
        <DevtoolsTabList idPrefix={idPrefix} selected={tab} onSelect={setTab} />
        <span className="platos-devtools-spacer" />
        <button
          type="button"
          onClick={() => downloadCassette({ agentId: client?.agentId ?? 'unknown', recording: recording.current, state: store?.getState() ?? null })}
        >
          Download cassette
        </button>
        <button
          type="button"
          aria-label={position === 'bottom' ? 'Float the panel' : 'Dock the panel at the bottom'}
          onClick={() => setPosition(position === 'bottom' ? 'floating' : 'bottom')}
        >
          {position === 'bottom' ? 'Float' : 'Dock'}
        </button>
        <button type="button" aria-label="Close devtools" aria-keyshortcuts={shortcutLabel} onClick={onClose}>
          Close
        </button>
      </header>
      <div className="platos-devtools-body" role="tabpanel" id={tabPanelId(idPrefix, tab)} aria-labelledby={tabId(idPrefix, tab)}>
        {(tab === 'events' || tab === 'time-travel') && !log ? (
          <p className="platos-devtools-scroll">{store ? 'No thread has events yet.' : 'No store: pass one as `store` or mount the devtools inside a PlatosProvider.'}</p>
        ) : tab === 'events' ? (
          <EventsTab log={log!} selected={selected} followNewest={following} onSelect={select} filter={filter} onFilterChange={setFilter} />
        ) : tab === 'time-travel' ? (
          <TimeTravelTab log={log!} live={thread!.view} selected={selected} onSelect={select} />
        ) : tab === 'client' ? (
          <ClientTab client={client} />
        ) : (
          <OutboxTab client={client} thread={thread} />
        )}
      </div>
    </section>
  );
}

/** The thread with the most log entries: the one a developer most likely opened the panel for. */
function busiestThread(threads: PlatosState['threads']): string | undefined {
  let busiest: string | undefined;
  for (const [id, thread] of Object.entries(threads)) {
    if (busiest === undefined || thread.eventLog.size > threads[busiest]!.eventLog.size) busiest = id;
  }
  return busiest;
}
