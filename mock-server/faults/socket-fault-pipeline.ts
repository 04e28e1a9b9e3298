import type { ServerEvent } from '../../src/protocol/index.js';
import type { ActiveSchedule, ArmedFault } from './active-schedule.js';
import type { Fault, FaultOf } from './fault-schedule.js';
import type { CountedFault } from './fault-stats.js';
import { createRandomDropClaims } from './random-drop-claims.js';

/** `half-open`: connected but deaf and mute. `cut`: the transport is closing or closed. */
export type PipelineState = 'live' | 'half-open' | 'cut';

/** What the pipeline needs of a Socket.IO server socket. */
export interface FaultableSocket {
  emit(eventName: string, event: ServerEvent): unknown;
  conn: { close(): void };
}

export interface PipelineDeps {
  socket: FaultableSocket;
  stats: { injected(kind: CountedFault): void; frameSent(): void };
  /** Renumbers every thread under a new epoch and cuts every socket (counted by the caller). */
  restartEpoch(): void;
}

/** A frame `swap` keeps back until the frame after it went through. */
interface HeldFrame {
  event: ServerEvent;
  copies: number;
  fault: Fault;
  releaseAtCount: number;
}

export type SocketFaultPipeline = ReturnType<typeof createSocketFaultPipeline>;

/**
 * Delivers one socket's thread event frames through the active schedule. Frame N is the N-th frame handed to
 * `deliver` since the schedule was armed (per thread for faults with a `threadId`), replayed frames included.
 */
export function createSocketFaultPipeline(deps: PipelineDeps) {
  let state: PipelineState = 'live';
  let schedule: ActiveSchedule | null = null;
  let framesCounted = 0;
  const framesCountedByThread = new Map<string, number>();
  let heldFrames: HeldFrame[] = [];
  let timers: ReturnType<typeof setTimeout>[] = [];
  const joinedThreads = new Set<string>();
  /** Threads whose thread-scoped `atMs` timers already started under the current schedule. */
  const timedThreads = new Set<string>();

  const emit = (event: ServerEvent, copies = 1) => {
    for (let copy = 0; copy < copies; copy += 1) {
      deps.socket.emit(event.type, event);
      deps.stats.frameSent();
    }
  };

  const countFor = (fault: Fault, threadId: string): number | undefined => {
    if (!('threadId' in fault) || fault.threadId === undefined) return framesCounted;
    return fault.threadId === threadId ? framesCountedByThread.get(threadId) : undefined;
  };

  const dropClaims = createRandomDropClaims(countFor);

  const stopTimers = () => {
    for (const timer of timers) clearTimeout(timer);
    timers = [];
  };

  const cut = () => {
    if (state === 'cut') return;
    state = 'cut';
    stopTimers();
    heldFrames = [];
    deps.socket.conn.close();
  };

  const goHalfOpen = () => {
    state = 'half-open';
    stopTimers();
    heldFrames = [];
  };

  const injectTimed = (entry: ArmedFault<FaultOf<'drop' | 'half-open'>>) => {
    if (state !== 'live' || !schedule?.fire(entry)) return;
    deps.stats.injected(entry.fault.kind);
    if (entry.fault.kind === 'drop') cut();
    else goHalfOpen();
  };

  /** Starts the `atMs` faults scoped to `threadId`, or the socket-wide ones when it is undefined; 0 ms fires at once. */
  const startTimers = (threadId: string | undefined) => {
    if (!schedule) return;
    for (const entry of [...schedule.of('drop'), ...schedule.of('half-open')]) {
      if (entry.fault.threadId !== threadId) continue;
      const atMs = entry.fault.atMs ?? (entry.fault.kind === 'half-open' && entry.fault.afterEvents === undefined ? 0 : undefined);
      if (atMs === undefined) continue;
      if (atMs === 0) injectTimed(entry);
      else timers.push(setTimeout(() => injectTimed(entry), atMs));
    }
  };

  const atEventHits = <K extends 'skip' | 'duplicate' | 'swap'>(kind: K, threadId: string): ArmedFault<FaultOf<K>>[] =>
    (schedule?.of(kind) ?? []).filter((entry) => 'atEvent' in entry.fault && countFor(entry.fault, threadId) === entry.fault.atEvent);

  const afterEventsHits = <K extends 'drop' | 'half-open' | 'restart-epoch'>(kind: K, threadId: string): ArmedFault<FaultOf<K>>[] =>
    (schedule?.of(kind) ?? []).filter((entry) => {
      const { afterEvents } = entry.fault as FaultOf<'drop' | 'half-open' | 'restart-epoch'>;
      return afterEvents !== undefined && countFor(entry.fault, threadId) === afterEvents;
    });

  const fireFirst = <F extends Fault>(entries: ArmedFault<F>[]) => entries.find((entry) => schedule?.fire(entry));

  const passFrame = (event: ServerEvent) => {
    if (fireFirst(atEventHits('skip', event.threadId))) {
      deps.stats.injected('skip');
      return;
    }
    const duplicates = atEventHits('duplicate', event.threadId).filter((entry) => schedule?.fire(entry));
    for (const _ of duplicates) deps.stats.injected('duplicate');
    const swap = fireFirst(atEventHits('swap', event.threadId));
    if (!swap) return emit(event, 1 + duplicates.length);
    deps.stats.injected('swap');
    heldFrames.push({ event, copies: 1 + duplicates.length, fault: swap.fault, releaseAtCount: swap.fault.atEvent + 1 });
  };

  const releaseHeldFrames = (threadId: string) => {
    const due = heldFrames.filter((held) => countFor(held.fault, threadId) === held.releaseAtCount);
    heldFrames = heldFrames.filter((held) => !due.includes(held));
    for (const held of due) emit(held.event, held.copies);
  };

  /** Faults that act once the N-th frame went through; at most one fires per frame. */
  const injectAfterFrame = (threadId: string) => {
    if (fireFirst(afterEventsHits('restart-epoch', threadId))) return deps.restartEpoch();
    if (fireFirst(afterEventsHits('drop', threadId))) {
      deps.stats.injected('drop');
      return cut();
    }
    if (dropClaims.reachedPoint(threadId)) {
      deps.stats.injected('random-drops');
      return cut();
    }
    if (fireFirst(afterEventsHits('half-open', threadId))) {
      deps.stats.injected('half-open');
      goHalfOpen();
    }
  };

  const joined = (threadId: string) => {
    joinedThreads.add(threadId);
    if (!schedule || timedThreads.has(threadId)) return;
    timedThreads.add(threadId);
    startTimers(threadId);
  };

  return {
    /** Sends one thread event frame to the socket, through the active faults. */
    deliver(event: ServerEvent) {
      if (state !== 'live') return;
      if (!schedule) return emit(event);
      framesCounted += 1;
      framesCountedByThread.set(event.threadId, (framesCountedByThread.get(event.threadId) ?? 0) + 1);
      dropClaims.claimOnFirstFrame(schedule.randomDropPools, event.threadId);
      passFrame(event);
      releaseHeldFrames(event.threadId);
      if (state === 'live') injectAfterFrame(event.threadId);
    },

    /** Replaces the schedule: counters restart, held frames go out now, timers and drop points are taken anew. */
    arm(next: ActiveSchedule | null) {
      stopTimers();
      const held = heldFrames;
      heldFrames = [];
      if (state === 'live') for (const frame of held) emit(frame.event, frame.copies);
      dropClaims.release();
      framesCounted = 0;
      framesCountedByThread.clear();
      timedThreads.clear();
      schedule = next;
      if (!next || state !== 'live') return;
      startTimers(undefined);
      for (const threadId of joinedThreads) joined(threadId);
    },

    /** Starts the `atMs` faults scoped to this thread, once per schedule. */
    joined,

    left(threadId: string) {
      joinedThreads.delete(threadId);
    },

    /** True once half-open or cut: commands are ignored and nothing is acknowledged. */
    isSilent: () => state !== 'live',
    cut,

    /** The socket disconnected: its drop points that never fired go back to the front of their pools. */
    dispose() {
      stopTimers();
      dropClaims.release();
      state = 'cut';
      heldFrames = [];
    },
  };
}
