import { parseEventId, type EventPosition, type HistoryResponse, type ServerEvent } from '../protocol';
import { toClientError } from './client-error';
import { createEarlyFrameBuffer } from './early-frame-buffer';
import type { ClientError, ThreadListener, ThreadSyncState, ThreadUpdate } from './types';

export interface ThreadSessionDeps {
  threadId: string;
  subscribe(lastEventId: string | null): Promise<{ resumed: boolean; lastEventId: string | null }>;
  fetchHistory(): Promise<HistoryResponse>;
  onDuplicate(): void;
  /** Delay before re-trying a failed subscription; `attempt` starts at 1. */
  retryDelayMs(attempt: number): number;
}

export type ThreadSession = ReturnType<typeof createThreadSession>;

/** One thread's subscription: resume point, early-frame buffer and the listeners it feeds. */
export function createThreadSession(deps: ThreadSessionDeps) {
  const listeners = new Set<ThreadListener>();
  const earlyFrameBuffer = createEarlyFrameBuffer();
  const liveWaiters = new Set<{ resolve(): void; reject(error: ClientError): void }>();
  let state: ThreadSyncState | 'idle' = 'idle';
  let lastEventId: string | null = null;
  let lastPosition: EventPosition | null = null;
  let generation = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failedAttempts = 0;

  const emit = (update: ThreadUpdate) => {
    for (const listener of [...listeners]) listener(update);
  };

  const setState = (next: ThreadSyncState | 'idle', error?: ClientError) => {
    state = next;
    if (next !== 'idle') emit(error ? { kind: 'sync', state: next, error } : { kind: 'sync', state: next });
    for (const waiter of [...liveWaiters]) {
      if (next === 'live') waiter.resolve();
      else if (next === 'error' && error) waiter.reject(error);
      else continue;
      liveWaiters.delete(waiter);
    }
  };

  const deliver = (event: ServerEvent) => {
    const position = parseEventId(event.id);
    if (position && lastPosition && position.epoch === lastPosition.epoch && position.seq <= lastPosition.seq) {
      deps.onDuplicate();
      return;
    }
    emit({ kind: 'event', event });
    // The resume point moves only after every listener has taken the event.
    lastEventId = event.id;
    lastPosition = position;
  };

  const goLive = (epochFilter: string | null) => {
    for (const event of earlyFrameBuffer.drain()) {
      if (epochFilter !== null && parseEventId(event.id)?.epoch !== epochFilter) continue;
      deliver(event);
    }
    failedAttempts = 0;
    setState('live');
  };

  const start = async () => {
    clearTimeout(retryTimer);
    const startedGeneration = ++generation;
    const isCurrent = () => startedGeneration === generation;
    const hadHistory = lastEventId !== null;
    setState('subscribing');
    try {
      const ack = await deps.subscribe(lastEventId);
      if (!isCurrent()) return;
      if (ack.resumed || (ack.lastEventId === null && !hadHistory)) return goLive(null);
      if (hadHistory) setState('resyncing');
      const history = await deps.fetchHistory();
      if (!isCurrent()) return;
      emit({ kind: 'reset', history });
      lastEventId = history.lastEventId;
      lastPosition = history.lastEventId === null ? null : parseEventId(history.lastEventId);
      goLive(lastPosition?.epoch ?? null);
    } catch (error) {
      if (!isCurrent()) return;
      failedAttempts += 1;
      setState('error', toClientError(error));
      retryTimer = setTimeout(() => {
        if (isCurrent() && listeners.size > 0) void start();
      }, deps.retryDelayMs(failedAttempts));
    }
  };

  return {
    threadId: deps.threadId,
    get state() {
      return state;
    },
    get lastEventId() {
      return lastEventId;
    },
    get listenerCount() {
      return listeners.size;
    },
    addListener(listener: ThreadListener) {
      listeners.add(listener);
    },
    removeListener(listener: ThreadListener) {
      listeners.delete(listener);
    },
    /** Routes one validated frame of this thread. */
    receive(event: ServerEvent) {
      if (state === 'live') deliver(event);
      else if (state === 'subscribing' || state === 'resyncing') earlyFrameBuffer.push(event);
    },
    start,
    /** The socket went away: stop applying until the next `start`. */
    pause() {
      generation += 1;
      clearTimeout(retryTimer);
      earlyFrameBuffer.drain();
      setState('idle');
    },
    whenLive(): Promise<void> {
      if (state === 'live') return Promise.resolve();
      return new Promise((resolve, reject) => liveWaiters.add({ resolve, reject }));
    },
  };
}
