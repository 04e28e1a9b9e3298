import type { ServerEvent } from '../protocol/index.js';
import { readEvents } from '../store/event-log.js';
import type { ThreadState, ThreadView } from '../store/types.js';

/** One thread's event log as the panel reads it. */
export interface ThreadLog {
  events: readonly ServerEvent[];
  /** Entries dropped from the front by `eventLogLimit`: the absolute index of `events[0]`. */
  dropped: number;
  limit: number;
  /** The view `events[0]` was applied to. */
  base: ThreadView;
  /** Whether the log starts from a history the thread was rebuilt from (or a view kept from an earlier watch). */
  startsFromHistory: boolean;
  /** Whether folding `events` over `base` gives the live view, which time travel needs. */
  foldable: boolean;
}

export function readThreadLog(thread: ThreadState): ThreadLog {
  const { eventLog, eventLogBase: base } = thread;
  return {
    events: readEvents(eventLog),
    dropped: eventLog.dropped,
    limit: eventLog.limit,
    base,
    startsFromHistory: base.lastEventId !== null || base.messageIds.length > 0,
    foldable: eventLog.dropped === 0,
  };
}
