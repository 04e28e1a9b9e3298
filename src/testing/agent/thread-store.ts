import type { ServerEvent } from '../../protocol/index.js';
import type { EventBody } from '../scenarios/bind-scenario-event.js';
import { createEpochNamer } from './epoch-names.js';
import { appendToLog, expireLog, lastLoggedId, renumberLog, replayLogAfter, type EpochLog, type LogReplay } from './epoch-log.js';

export interface TurnRecord {
  turnId: string;
  clientMessageId: string;
  userText: string;
  userMessageId: string;
  messageId: string;
  turnIndex: number;
  /** Who sent the message (the mock server: the connection's token); the turn calls the browser tools of their gateway sessions. */
  owner: string;
  state: 'queued' | 'running' | 'awaiting-approval' | 'awaiting-client-tool' | 'finished';
  /** Aborted by `turn:cancel`; the runner then ends the turn with `finish { finishReason: 'cancelled' }`. */
  cancellation: AbortController;
}

/** `epoch` names this copy of the thread's history (a new server process starts a new one); `log` holds every event ever emitted, for the history endpoint. */
export interface ThreadRecord extends EpochLog<ServerEvent> {
  agentId: string;
  threadId: string;
  turns: Map<string, TurnRecord>;
  turnIdsByClientMessageId: Map<string, string>;
  /** Turns run one after another; this settles when the last queued one is over. */
  turnQueue: Promise<void>;
}

export type ReplayResult = LogReplay<ServerEvent>;

export type ThreadStore = ReturnType<typeof createThreadStore>;

/** All threads of the server, keyed by (agentId, threadId). */
export function createThreadStore(options: { now: () => number }) {
  const threads = new Map<string, ThreadRecord>();
  let turnCounter = 0;
  const newEpoch = createEpochNamer();

  return {
    thread(agentId: string, threadId: string): ThreadRecord {
      const key = JSON.stringify([agentId, threadId]);
      const existing = threads.get(key);
      if (existing) return existing;
      const created: ThreadRecord = {
        agentId,
        threadId,
        epoch: newEpoch(),
        log: [],
        turns: new Map(),
        turnIdsByClientMessageId: new Map(),
        turnQueue: Promise.resolve(),
      };
      threads.set(key, created);
      return created;
    },

    /** Wraps a body in its envelope and stores it; the caller emits it. */
    append(thread: ThreadRecord, turnId: string, body: EventBody): ServerEvent {
      return appendToLog(thread, options.now(), (envelope) => ({ ...body, ...envelope, threadId: thread.threadId, turnId }) as ServerEvent);
    },

    lastEventId: (thread: ThreadRecord): string | null => lastLoggedId(thread),

    /** The events after `lastEventId`, if it belongs to this epoch and all of them are still inside the window. */
    replayAfter: (thread: ThreadRecord, lastEventId: string | undefined, replayWindowMs: number): ReplayResult =>
      replayLogAfter(thread, lastEventId, replayWindowMs, options.now()),

    /** As after a restart from persisted history: each thread gets a new epoch, its events keep their seqs under it. */
    restartEpoch() {
      for (const thread of threads.values()) renumberLog(thread, newEpoch());
    },

    /** Ages every stored event past any replay window, so a resume that needs one of them answers `resumed: false`. */
    expireReplay() {
      for (const thread of threads.values()) expireLog(thread);
    },

    /** Unique across the server's threads and agents, so turn-scoped entity ids never collide. */
    nextTurnId(): string {
      turnCounter += 1;
      return `turn-${turnCounter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    },
  };
}
