import type { StoreApi } from 'zustand/vanilla';
import type {
  ApprovalView,
  ArtifactView,
  CommandError,
  MessageView,
  RunView,
  StepView,
  ToolCallView,
} from '../protocol/index.js';
import type { ConnectionState, ThreadSyncState } from '../client/types.js';
import type { EntityRecord, ToolInvocation } from '../client/connections/types.js';
import type { EventLog } from './event-log.js';

/** The view of one thread, derived from its event log by pure handlers. Entities are keyed by id. */
export interface ThreadView {
  threadId: string;
  lastEventId: string | null;
  messageIds: string[];
  messages: Record<string, MessageView>;
  toolCalls: Record<string, ToolCallView>;
  artifacts: Record<string, ArtifactView>;
  approvals: Record<string, ApprovalView>;
  runs: Record<string, RunView>;
  steps: Record<string, StepView>;
  turns: Record<string, { userMessageId: string; messageId: string }>;
  /** The turn still streaming, if any. */
  activeTurnId: string | null;
}

/** A message the user sent that the server has not echoed back in a `turn-start` yet. */
export interface PendingMessage {
  clientMessageId: string;
  text: string;
  state: 'sending' | 'failed';
  error?: CommandError;
}

export interface ApprovalResponse {
  decision: 'approved' | 'denied';
  state: 'sending' | 'sent' | 'failed';
  error?: CommandError;
}

export interface ThreadState {
  view: ThreadView;
  /**
   * The applied events since the last history reset, the last `eventLogLimit` of them kept; consecutive text deltas
   * of one frame are merged into one entry. Read them with `readEvents(thread.eventLog)`.
   */
  eventLog: EventLog;
  /**
   * The view the log's first entry was applied to: the empty view, the history of the last reset, or the view when
   * the log was last cleared. While `eventLog.dropped` is 0, folding `readEvents(eventLog)` over it with `applyEvent`
   * gives `view`, which is what time travel in the devtools does.
   */
  eventLogBase: ThreadView;
  sync: ThreadSyncState | 'idle';
  syncError?: CommandError;
  pendingMessages: PendingMessage[];
  approvalResponses: Record<string, ApprovalResponse>;
  /** A running turn that has not heard from the server for `stallTimeoutMs`; cleared by its next event. */
  stalledTurnId: string | null;
  /**
   * The view was read from this browser's saved snapshot and the server has not confirmed it yet; false once the
   * thread's sync is 'live' or its history was reloaded.
   */
  cached: boolean;
}

export interface PlatosState {
  threads: Record<string, ThreadState>;
  connection: ConnectionState;
  /** Entities from the connections gateway, by `entityKey(entityType, entityId)`; filled once one is watched. */
  entities: Record<string, EntityRecord>;
  /** Calls of this browser's tools, by `toolCallKey(threadId, toolCallId)`. */
  toolInvocations: Record<string, ToolInvocation>;
}

/** How a send ended; both outcomes name the message by the idempotency key it was sent with. */
export type SendResult =
  | { ok: true; clientMessageId: string; turnId: string }
  | { ok: false; clientMessageId: string; error: CommandError };

/** What apps read from the store: its state and its subscription, without a way to write it. */
export type ReadonlyPlatosStore = Pick<StoreApi<PlatosState>, 'getState' | 'getInitialState' | 'subscribe'>;

/** The store apps get: read it (it works with zustand's `useStore`), and act through its commands. */
export interface PlatosStore extends ReadonlyPlatosStore {
  /** Starts receiving a thread's updates (ref-counted); returns the stop function. */
  watchThread(threadId: string): () => void;
  /** Sends a message; it shows as pending until the server echoes it, and stays (as failed) if the send fails. */
  send(threadId: string, text: string): Promise<SendResult>;
  /** Re-sends a failed pending message with its original idempotency key. */
  retry(threadId: string, clientMessageId: string): Promise<SendResult>;
  /** Drops a failed pending message. */
  discard(threadId: string, clientMessageId: string): void;
  cancel(threadId: string): Promise<void>;
  /** Subscribes the thread again from its resume point (replay, or a rebuild from history) and clears a stall. */
  resync(threadId: string): void;
  /** Sends a decision once; later calls for the same approval are ignored while one is sending or sent. */
  respondToApproval(threadId: string, approvalId: string, decision: 'approved' | 'denied', note?: string): Promise<void>;
  /** Keeps `state.entities` up to date from the connections gateway (opening it); returns the stop function. */
  watchEntity(entityType: string, entityId: string): () => void;
  /** Applies every queued update now instead of on the next frame. */
  flush(): void;
  /**
   * Runs `task` at the start of the next frame's flush, before the store updates, so React updates it makes commit
   * together with the frame's store update instead of on their own. Returns the function that cancels it.
   */
  onNextFrame(task: () => void): () => void;
  destroy(): void;
}

/** Runs `flush` once, on the next animation frame or its fallback. */
export interface FrameScheduler {
  schedule(flush: () => void): () => void;
}
