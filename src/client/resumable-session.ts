import type { HistoryResponse, ServerEvent } from '../protocol/index.js';
import { toClientError } from './client-error.js';
import { createEarlyFrameBuffer } from './early-frame-buffer.js';
import { createSequenceGuard, type SequencedEvent } from './sequence-guard.js';
import type { ClientError, ThreadSyncState } from './types.js';

/** What a session counts; the chat client and the gateway both keep these. */
export type SessionCounter = 'outOfOrderFrames' | 'duplicateFrames' | 'staleFrames' | 'gaps' | 'resyncs';

/** What a resumable stream's listeners receive, in order; a thread's are its `ThreadUpdate`s. */
export type SessionUpdate<TEvent, TSnapshot> =
  | { kind: 'event'; event: TEvent }
  | { kind: 'reset'; history: TSnapshot }
  | { kind: 'sync'; state: ThreadSyncState; error?: ClientError };

export interface ResumableSessionDeps<TSnapshot> {
  /** Names the stream: a thread id, or the gateway. */
  streamId: string;
  subscribe(lastEventId: string | null): Promise<{ resumed: boolean; lastEventId: string | null }>;
  /** The state to rebuild from when a resume is out of the replay window, current to its `lastEventId`. */
  fetchHistory(): Promise<TSnapshot>;
  /**
   * Whether that state can hold something before the stream's first event (the gateway's entities exist before its
   * session sends anything; a thread without events has no history), so a subscribe that does not resume always
   * rebuilds. @default false
   */
  snapshotPrecedesEvents?: boolean;
  /** Counts what the session drops, holds or repairs. */
  count(stat: SessionCounter): void;
  /** Delay before re-trying a failed subscription; `attempt` starts at 1. */
  retryDelayMs(attempt: number): number;
  gap: { bufferSize: number; timeoutMs: number };
  onStateChange?(state: ThreadSyncState | 'idle'): void;
}

export type ResumableSession<TEvent extends SequencedEvent = ServerEvent, TSnapshot extends { lastEventId: string | null } = HistoryResponse> =
  ReturnType<typeof createResumableSession<TEvent, TSnapshot>>;

/**
 * One resumable stream's subscription (a thread's, or the connections gateway's): resume point, ordering guard,
 * early-frame buffer and the listeners it feeds.
 */
export function createResumableSession<TEvent extends SequencedEvent, TSnapshot extends { lastEventId: string | null }>(
  deps: ResumableSessionDeps<TSnapshot>,
) {
  type Update = SessionUpdate<TEvent, TSnapshot>;
  const listeners = new Set<(update: Update) => void>();
  /** A copy of `listeners`, replaced (never changed) on add and remove, so that emitting needs no copy of its own. */
  let listenerList: readonly ((update: Update) => void)[] = [];
  const earlyFrameBuffer = createEarlyFrameBuffer<TEvent>();
  const guard = createSequenceGuard<TEvent>(deps.gap.bufferSize);
  const liveWaiters = new Set<{ resolve(): void; reject(error: ClientError): void }>();
  let state: ThreadSyncState | 'idle' = 'idle';
  let lastEventId: string | null = null;
  let generation = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let gapTimer: ReturnType<typeof setTimeout> | undefined;
  let failedAttempts = 0;
  /** A rebuild was asked for and has not succeeded yet: every start until then rebuilds, whatever ends the attempt. */
  let rebuildOwed = false;

  const emit = (update: Update) => {
    for (const listener of listenerList) listener(update);
  };

  const setState = (next: ThreadSyncState | 'idle', error?: ClientError) => {
    const changed = next !== state;
    state = next;
    if (next !== 'idle') emit(error ? { kind: 'sync', state: next, error } : { kind: 'sync', state: next });
    if (changed) deps.onStateChange?.(next);
    for (const waiter of [...liveWaiters]) {
      if (next === 'live') waiter.resolve();
      else if (next === 'error' && error) waiter.reject(error);
      else continue;
      liveWaiters.delete(waiter);
    }
  };

  const deliver = (event: TEvent) => {
    emit({ kind: 'event', event });
    // The resume point moves only after every listener has taken the event.
    lastEventId = event.id;
  };

  const stopGapTimer = () => {
    clearTimeout(gapTimer);
    gapTimer = undefined;
  };

  /** Resubscribes from the last applied id: the server replays the hole, or says to rebuild from history. */
  const repair = () => {
    stopGapTimer();
    guard.dropHeld();
    void start();
  };

  // Listeners may ask for a rebuild while an event is being delivered; it starts after that delivery.
  const requestRebuild = () => {
    guard.dropHeld();
    rebuildOwed = true;
    const askedIn = generation;
    // Not after a pause (a drop, a close) in the meantime: the next start rebuilds anyway, as the rebuild is owed.
    queueMicrotask(() => askedIn === generation && void start());
  };

  const offer = (event: TEvent) => {
    const verdict = guard.offer(event);
    switch (verdict.kind) {
      case 'deliver':
        if (verdict.events.length > 1) deps.count('outOfOrderFrames');
        for (const delivered of verdict.events) deliver(delivered);
        if (guard.heldCount === 0) stopGapTimer();
        return;
      case 'duplicate':
        return deps.count('duplicateFrames');
      case 'stale':
        return deps.count('staleFrames');
      case 'held':
        gapTimer ??= setTimeout(() => {
          deps.count('gaps');
          repair();
        }, deps.gap.timeoutMs);
        return;
      case 'resync':
        deps.count('gaps');
        return repair();
    }
  };

  const goLive = () => {
    failedAttempts = 0;
    setState('live');
    for (const event of earlyFrameBuffer.drain()) {
      // A repair started by an earlier frame subscribes again; the rest wait for it like any early frame.
      if (state !== 'live') earlyFrameBuffer.push(event);
      // Sent before the acknowledgement or history that fixed the epoch, so another epoch is an older one.
      else if (guard.isOtherEpoch(event)) deps.count('staleFrames');
      else offer(event);
    }
  };

  /** Subscribes from the resume point; `rebuild` skips the resume and rebuilds from `fetchHistory` instead. */
  const start = async (options?: { rebuild?: boolean }) => {
    clearTimeout(retryTimer);
    stopGapTimer();
    const startedGeneration = ++generation;
    const isCurrent = () => startedGeneration === generation;
    if (options?.rebuild) rebuildOwed = true;
    const rebuild = rebuildOwed;
    const hadHistory = lastEventId !== null;
    setState('subscribing');
    try {
      const ack = await deps.subscribe(rebuild ? null : lastEventId);
      if (!isCurrent()) return;
      const nothingToRebuild = ack.lastEventId === null && !hadHistory && !deps.snapshotPrecedesEvents;
      if (!rebuild && (ack.resumed || nothingToRebuild)) {
        guard.reset(lastEventId);
        return goLive();
      }
      if (hadHistory) {
        deps.count('resyncs');
        setState('resyncing');
      }
      const history = await deps.fetchHistory();
      if (!isCurrent()) return;
      rebuildOwed = false;
      emit({ kind: 'reset', history });
      lastEventId = history.lastEventId;
      guard.reset(history.lastEventId);
      goLive();
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
    streamId: deps.streamId,
    get state() {
      return state;
    },
    get lastEventId() {
      return lastEventId;
    },
    get listenerCount() {
      return listeners.size;
    },
    addListener(listener: (update: Update) => void) {
      listeners.add(listener);
      listenerList = [...listeners];
    },
    removeListener(listener: (update: Update) => void) {
      listeners.delete(listener);
      listenerList = [...listeners];
    },
    /** Routes one validated frame of this stream. */
    receive(event: TEvent) {
      if (state === 'live') offer(event);
      else if (state === 'subscribing' || state === 'resyncing') earlyFrameBuffer.push(event);
    },
    start,
    /**
     * Gives a session that has no resume point yet one (a cached view's last event id): its first subscribe resumes
     * from there, and one that cannot resume rebuilds from history as after a drop.
     */
    seed(resumeFrom: string) {
      if (lastEventId !== null || state !== 'idle') return;
      lastEventId = resumeFrom;
      guard.reset(resumeFrom);
    },
    /** Rebuilds from `fetchHistory` (a listener found the stream's state unusable, e.g. a patch with no base). */
    requestRebuild,
    /** The socket went away: stop applying until the next `start`. */
    pause() {
      generation += 1;
      clearTimeout(retryTimer);
      stopGapTimer();
      guard.dropHeld();
      earlyFrameBuffer.drain();
      setState('idle');
    },
    whenLive(): Promise<void> {
      if (state === 'live') return Promise.resolve();
      return new Promise((resolve, reject) => liveWaiters.add({ resolve, reject }));
    },
  };
}
