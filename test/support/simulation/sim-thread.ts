import { formatEventId, parseEventId, type HistoryResponse, type ServerEvent } from '../../../src/protocol/index.js';
import { applyEvent } from '../../../src/store/view/apply-event.js';
import { createThreadView } from '../../../src/store/view/create-thread-view.js';
import { viewToHistory } from '../../../src/store/view/history.js';

/** `Omit` applied to each member of a union, so each event type keeps its own fields. */
export type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event as a script states it: everything but the envelope the server stamps on it. */
export type EventBody = OmitEach<ServerEvent, 'id' | 'seq' | 'ts'>;

export type ReplayResult = { resumed: true; events: ServerEvent[] } | { resumed: false };

export type SimThread = ReturnType<typeof createSimThread>;

/** The server's copy of one thread: its event log under the current epoch, with the time each event was stored. */
export function createSimThread(threadId: string, initialEpoch: string) {
  let epoch = initialEpoch;
  let log: { event: ServerEvent; storedAt: number }[] = [];

  return {
    threadId,
    get epoch() {
      return epoch;
    },
    get events(): ServerEvent[] {
      return log.map((stored) => stored.event);
    },
    get lastEventId(): string | null {
      return log.at(-1)?.event.id ?? null;
    },
    append(body: EventBody, now: number): ServerEvent {
      const seq = log.length + 1;
      const event = { ...body, id: formatEventId(epoch, seq), seq, threadId, ts: now } as ServerEvent;
      log.push({ event, storedAt: now });
      return event;
    },
    /** The server's copy was replaced (a restart without persistence that rebuilt it): same events, new ids. */
    renumber(nextEpoch: string) {
      epoch = nextEpoch;
      log = log.map(({ event, storedAt }) => ({ event: { ...event, id: formatEventId(nextEpoch, event.seq) }, storedAt }));
    },
    /** docs/protocol.md "Replay and resume": the missed events if `lastEventId` is of this epoch and all of them are in the window. */
    replayAfter(lastEventId: string | undefined, now: number, replayWindowMs: number): ReplayResult {
      const position = lastEventId === undefined ? null : parseEventId(lastEventId);
      if (!position || position.epoch !== epoch || position.seq > log.length) return { resumed: false };
      const missed = log.slice(position.seq);
      const oldestMissed = missed[0];
      if (oldestMissed && oldestMissed.storedAt < now - replayWindowMs) return { resumed: false };
      return { resumed: true, events: missed.map((stored) => stored.event) };
    },
    /** The events after `seq` (for replays that start earlier than asked). */
    eventsAfter(seq: number): ServerEvent[] {
      return log.slice(Math.max(0, seq)).map((stored) => stored.event);
    },
    /** What the history endpoint answers: the fold of the whole log, as src/testing/agent/thread-history.ts builds it. */
    history(): HistoryResponse {
      return viewToHistory(log.reduce((view, stored) => applyEvent(view, stored.event), createThreadView(threadId)));
    },
  };
}
