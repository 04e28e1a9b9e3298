import { useMemo } from 'react';
import type { ThreadView } from '../store/types.js';
import { EndPinnedScroll } from './end-pinned-scroll.js';
import { formatClockTime } from './format-time.js';
import { LogStartNotice } from './log-start-notice.js';
import type { ThreadLog } from './thread-log.js';
import { ThreadViewPreview } from './thread-view-preview.js';
import { useViewCheckpoints } from './use-view-checkpoints.js';
import { formatCount } from './format-count.js';

export interface TimeTravelTabProps {
  log: ThreadLog;
  live: ThreadView;
  /** Index into `log.events` of the selected event, -1 for none. */
  selected: number;
  /** `null` follows the newest event. */
  onSelect(index: number | null): void;
}

/**
 * A scrubber over the thread's events and the view as of the selected one, folded with the store's reducers from
 * the nearest checkpoint, beside the live view. Nothing here touches the store.
 */
export function TimeTravelTab({ log, live, selected, onSelect }: TimeTravelTabProps) {
  if (!log.foldable) {
    return (
      <>
        <LogStartNotice log={log} />
        <EndPinnedScroll label="Live thread" content={live}>
          <ThreadViewPreview view={live} label="Live view" />
        </EndPinnedScroll>
      </>
    );
  }
  return <FoldableTimeTravel log={log} live={live} selected={selected} onSelect={onSelect} />;
}

function FoldableTimeTravel({ log, live, selected, onSelect }: TimeTravelTabProps) {
  const { events } = log;
  const { checkpoints, folded } = useViewCheckpoints(log);
  const asOf = useMemo(
    // Folding the whole log gives the live view (the log is foldable): the newest event needs no folding.
    () => (selected < 0 ? log.base : selected === events.length - 1 ? live : checkpoints.viewAfter(events, selected + 1)),
    // A change of `folded` may make ready a view that was not.
    [checkpoints, events, selected, log.base, live, folded],
  );
  const last = events.length - 1;
  const event = events[selected];
  const position = event ? `Event ${formatCount(selected + 1)} of ${formatCount(events.length)}: ${event.type} #${event.seq} at ${formatClockTime(event.ts)}` : 'No events yet';
  const step = (index: number) => onSelect(index >= last ? null : Math.max(0, index));

  return (
    <>
      <LogStartNotice log={log} />
      <div className="platos-devtools-scrubber" data-folded={folded}>
        <button type="button" onClick={() => step(0)} disabled={selected <= 0}>
          First
        </button>
        <button type="button" onClick={() => step(selected - 1)} disabled={selected <= 0}>
          Step back
        </button>
        <input
          type="range"
          aria-label="Event to show the thread as of"
          aria-valuetext={position}
          min={0}
          max={Math.max(0, last)}
          value={Math.max(0, selected)}
          disabled={events.length === 0}
          onChange={(change) => step(change.target.valueAsNumber)}
        />
        <button type="button" onClick={() => step(selected + 1)} disabled={selected >= last}>
          Step forward
        </button>
        <button type="button" onClick={() => onSelect(null)} disabled={selected >= last}>
          Latest
        </button>
        <span>{position}</span>
      </div>
      <div className="platos-devtools-split" style={{ gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)' }}>
        <div className="platos-devtools-column">
          <h3>As of the selected event</h3>
          <EndPinnedScroll label="Thread as of the selected event" content={asOf}>
            {asOf ? (
              <ThreadViewPreview view={asOf} label="View as of the selected event" />
            ) : (
              <p role="status">
                Folding checkpoints: {formatCount(folded)} of {formatCount(events.length)} events
              </p>
            )}
          </EndPinnedScroll>
        </div>
        <div className="platos-devtools-column">
          <h3>Live</h3>
          <EndPinnedScroll label="Live thread" content={live}>
            <ThreadViewPreview view={live} label="Live view" />
          </EndPinnedScroll>
        </div>
      </div>
    </>
  );
}
