import { CASSETTE_VERSION, type Cassette, type CassetteFrame } from '../protocol/cassette.js';
import type { ServerEvent } from '../protocol/index.js';
import { readEvents } from '../store/event-log.js';
import type { PlatosState } from '../store/types.js';

/**
 * A cassette made from the store's event logs, for when nothing was recorded: each kept log entry is a frame, timed
 * by its `ts` from the earliest one. Merged text deltas stay merged and no commands are known, so it replays what the
 * threads showed rather than what went over the wire.
 */
export function cassetteFromStore(state: Pick<PlatosState, 'threads'>, agentId: string): Cassette {
  const events: ServerEvent[] = [];
  for (const thread of Object.values(state.threads)) events.push(...readEvents(thread.eventLog));
  // Stable, so each thread's own order holds when two events share a timestamp.
  events.sort((first, second) => first.ts - second.ts);
  const startedAt = events[0]?.ts ?? Date.now();
  const frames: CassetteFrame[] = events.map((event) => ({ at: Math.max(0, event.ts - startedAt), event }));
  return {
    version: CASSETTE_VERSION,
    recordedAt: new Date(startedAt).toISOString(),
    agentId,
    threads: [...new Set(events.map((event) => event.threadId))],
    frames,
    commands: [],
  };
}
