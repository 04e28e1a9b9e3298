import type { Commands, HistoryResponse, ServerEvent } from '../protocol/index.js';
import type { PlatosConnections } from './connections/types.js';
import type { RejectReason } from './reject-reason.js';
import type { ClientStorage } from './storage/types.js';

export type { ClientStorage, KeyValueBackend, PersistLimits } from './storage/types.js';

export type { RejectReason } from './reject-reason.js';

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'resyncing' | 'offline' | 'unauthorized' | 'closed';

/** What a thread watcher receives, in order. */
export type ThreadUpdate =
  /** One validated, deduplicated live or replayed event. */
  | { kind: 'event'; event: ServerEvent }
  /** The thread was (re)built from the history endpoint: replace everything known about it. */
  | { kind: 'reset'; history: HistoryResponse }
  /** The thread's sync state changed. */
  | { kind: 'sync'; state: ThreadSyncState; error?: ClientError };

export type ThreadSyncState = 'subscribing' | 'live' | 'resyncing' | 'error';

export interface ClientError {
  code: string;
  message: string;
}

export type ThreadListener = (update: ThreadUpdate) => void;

export interface SendOptions {
  /** Idempotency key; generated when omitted. */
  clientMessageId?: string;
}

/** The events of one turn as an async iterable; ends after `finish` or a non-retryable `error`. */
export interface TurnStream extends AsyncIterable<ServerEvent> {
  readonly clientMessageId: string;
  /** Resolves with the turn id once the server accepted the message. */
  readonly turnId: Promise<string>;
  /** Stops iterating; the turn itself goes on (use `threads.cancel` to stop it). */
  close(): void;
}

export interface ClientStats {
  /** Frames dropped at the boundary, whatever the reason: the sum of `rejectedFrames`. */
  malformedFrames: number;
  /** Dropped frames by reason. */
  rejectedFrames: Record<RejectReason, number>;
  /** Frames delivered with `__proto__`, `constructor` or `prototype` keys left out of them. */
  sanitizedFrames: number;
  /** Frames already applied (same event id) that were dropped. */
  duplicateFrames: number;
  /** Frames of an epoch the thread had left, dropped. */
  staleFrames: number;
  /** Times held frames were applied after the frames missing before them arrived. */
  outOfOrderFrames: number;
  /** Holes in a thread's seq that were not filled in time, each repaired by resubscribing. */
  gaps: number;
  /** Threads rebuilt from history after they had been live. */
  resyncs: number;
  /** Successful connections after the first. */
  reconnects: number;
  /** Connections dropped because they stopped answering. */
  livenessTimeouts: number;
  /** `batch` frames received and unpacked, each event in them counted as a frame; a malformed one counts in `malformedFrames` instead. */
  batchedFrames: number;
}

/** The keys of a stats record that are plain counts. */
export type CountersOf<TStats> = { [K in keyof TStats]: TStats[K] extends number ? K : never }[keyof TStats];

/** The stats that are plain counts. */
export type ClientCounter = CountersOf<ClientStats>;

export interface ConnectionStateChange {
  state: ConnectionState;
  at: number;
}

export interface OutboxEntry {
  name: string;
  request: unknown;
  /** When it was first sent or queued (`Date.now()`). */
  since: number;
  /** `waiting` for a connection, or `sent` and not yet acknowledged. */
  state: 'waiting' | 'sent';
  /** Transmissions so far. */
  attempts: number;
}

export interface ClientObserver {
  /** `name` is the Socket.IO event name; `payload` its argument as received, or the arguments when there are several. */
  frame?(name: string, payload: unknown): void;
  /** `settled` resolves with the acknowledgement, or rejects with the error the caller gets. */
  command?(name: string, request: unknown, settled: Promise<unknown>): void;
}

/** The commands that wait for a connection, survive a reload and apply once per idempotency key. */
export type DurableCommandName = 'message:send' | 'approval:respond' | 'turn:cancel';

/** A durable command from the moment it is made until it is acknowledged or discarded. */
export type DurableCommand = {
  [C in DurableCommandName]: {
    name: C;
    request: Commands[C]['request'];
    /** Its idempotency key: the `clientMessageId`, the `approvalId` or the `turnId`. */
    key: string;
    threadId: string;
    /** When it was first made (`Date.now()`), in whichever tab made it. */
    since: number;
    /** `local`: made by this client; `restored`: read back from storage after a reload; `peer`: made in another tab. */
    origin: 'local' | 'restored' | 'peer';
    /** `failed` once it waited longer than `queueTimeoutMs` or was refused; it stays (with its text) until discarded. */
    state: 'pending' | 'failed';
    error?: ClientError;
  };
}[DurableCommandName];

export type OutboxChange =
  | { kind: 'queued'; command: DurableCommand }
  | { kind: 'delivered'; command: DurableCommand }
  | { kind: 'failed'; command: DurableCommand }
  | { kind: 'discarded'; command: DurableCommand };

export interface WatchOptions {
  /** Where to resume a thread this client has no resume point for yet (the `lastEventId` of a cached view). */
  resumeFrom?: string | null;
}

export interface PlatosClient {
  readonly agentId: string;
  readonly threads: {
    /** Sends `message` and iterates over that turn's events. */
    stream(options: { threadId: string; message: string; clientMessageId?: string }): TurnStream;
    /** Receives every update of a thread; the first watcher subscribes, the last one unsubscribes. */
    watch(threadId: string, listener: ThreadListener, options?: WatchOptions): () => void;
    send(threadId: string, text: string, options?: SendOptions): Promise<{ turnId: string; clientMessageId: string }>;
    cancel(threadId: string, turnId: string): Promise<void>;
    /** Subscribes the thread again from its resume point: missed events are replayed, or it is rebuilt from history. */
    resync(threadId: string): void;
    /** The id of the last event delivered to watchers, the resume point. */
    lastEventId(threadId: string): string | null;
  };
  /** `options.threadId` names the approval's thread, so the answer can be shown there after a reload or in other tabs. */
  respondToApproval(approvalId: string, decision: 'approved' | 'denied', note?: string, options?: { threadId?: string }): Promise<void>;
  readonly connection: {
    getState(): ConnectionState;
    subscribe(listener: (state: ConnectionState) => void): () => void;
    /** The last 50 states with the time each began (`Date.now()`), oldest first. */
    history(): readonly ConnectionStateChange[];
  };
  /** Commands waiting for a connection or for their acknowledgement (queued sends, approval answers, cancels), oldest first. */
  getOutbox(): OutboxEntry[];
  /**
   * Sees every frame as it arrives (before any check; a `batch` frame's events one by one) and every command as it is
   * sent. For devtools and recordings (`recordSession`); returns a function that stops it.
   */
  observe(observer: ClientObserver): () => void;
  /**
   * The durable commands (sends, approval answers, cancels) not yet acknowledged: this client's, those restored
   * after a reload, and those other tabs made. Failed ones stay until `discard`.
   */
  readonly outbox: {
    list(): DurableCommand[];
    subscribe(listener: (change: OutboxChange) => void): () => void;
    /** Forgets a failed command, in memory and in storage. */
    discard(key: string): void;
  };
  /** This client's scoped, versioned storage (outbox, drafts, thread snapshots); disabled with `persist: false`. */
  readonly storage: ClientStorage;
  /** Deletes everything this client's scope has stored (outbox, drafts, thread snapshots). */
  clearStorage(): Promise<void>;
  /** Browser-side tools and entity events over the connections gateway; its socket opens on first use. */
  readonly connections: PlatosConnections;
  getStats(): ClientStats;
  /**
   * Tries again now: connects from `reconnecting`, `offline` or `unauthorized` (asking `getToken()` again), or,
   * when connected, re-syncs the threads whose sync failed.
   */
  reconnect(): void;
  /** Closes the socket for good; a closed client never reconnects. */
  close(): void;
}
