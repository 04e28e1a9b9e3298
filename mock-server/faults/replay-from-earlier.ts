import { parseEventId } from '../../src/protocol/index.js';
import type { ThreadStore } from '../../src/testing/agent/thread-store.js';

/**
 * The store as commands see it: a resumed replay starts `by` events before the requested id when
 * `earlierBy(threadId)` says so (a `replay-from-earlier` fault fired), so it overlaps what the client has.
 */
export function withEarlierReplays(store: ThreadStore, earlierBy: (threadId: string) => number): ThreadStore {
  return {
    ...store,
    replayAfter(thread, lastEventId, replayWindowMs) {
      const asked = store.replayAfter(thread, lastEventId, replayWindowMs);
      const position = lastEventId === undefined ? null : parseEventId(lastEventId);
      if (!asked.resumed || !position) return asked;
      const by = earlierBy(thread.threadId);
      if (by === 0) return asked;
      const overlap = thread.log.slice(Math.max(0, position.seq - by), position.seq).map((stored) => stored.event);
      return { resumed: true, events: [...overlap, ...asked.events] };
    },
  };
}
