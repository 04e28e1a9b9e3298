import type { EventOf, EventPayload, EventType } from '../../src/protocol/index.js';

/** Builds well-formed events of one thread with rising seq, for tests. */
export function createEventFactory(threadId = 'thread-1', epoch = 'e1') {
  let seq = 0;
  return function event<T extends EventType>(type: T, turnId: string, payload: EventPayload<T>): EventOf<T> {
    seq += 1;
    return { type, id: `${epoch}-${seq}`, seq, threadId, turnId, ts: 1_700_000_000_000 + seq, ...payload } as unknown as EventOf<T>;
  };
}

/** One short turn of a thread: `turn-start` (echoing `cm-1`), "Hel" + "lo", `finish`. */
export function shortTurnEvents(threadId: string) {
  const event = createEventFactory(threadId);
  return [
    event('turn-start', 'turn-1', { messageId: 'a1', userMessage: { id: 'u1', text: 'hi', clientMessageId: 'cm-1' } }),
    event('text-delta', 'turn-1', { messageId: 'a1', delta: 'Hel' }),
    event('text-delta', 'turn-1', { messageId: 'a1', delta: 'lo' }),
    event('finish', 'turn-1', { finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 2 }, durationMs: 5 }),
  ];
}
