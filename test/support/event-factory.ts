import type { EventOf, EventPayload, EventType } from '../../src/protocol/index.js';

/** Builds well-formed events of one thread with rising seq, for tests. */
export function createEventFactory(threadId = 'thread-1', epoch = 'e1') {
  let seq = 0;
  return function event<T extends EventType>(type: T, turnId: string, payload: EventPayload<T>): EventOf<T> {
    seq += 1;
    return { type, id: `${epoch}-${seq}`, seq, threadId, turnId, ts: 1_700_000_000_000 + seq, ...payload } as unknown as EventOf<T>;
  };
}
