import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PlatosClient, ThreadUpdate } from '../client/types.js';
import type { EntityRecord, ToolInvocation } from '../client/connections/types.js';
import { createClientMessageId } from './client-message-id.js';
import { entityKey, toolCallKey } from './entity-keys.js';
import { createAnimationFrameScheduler } from './frame-scheduler.js';
import { applyOutboxChange, outboxChangeOf } from './outbox-in-view.js';
import { createThreadPersistence } from './persistence/thread-persistence.js';
import {
  addPendingMessage,
  findPendingMessage,
  markPendingFailed,
  markPendingSending,
  removeFailedPending,
} from './pending-messages.js';
import { assertEventLogLimit, clearEventLog, DEFAULT_EVENT_LOG_LIMIT } from './event-log.js';
import { createStallWatch } from './stall-watch.js';
import { applyThreadUpdates, createThreadState } from './thread-state.js';
import { toCommandError } from './to-command-error.js';
import type { ApprovalResponse, FrameScheduler, PlatosState, PlatosStore, SendResult, ThreadState } from './types.js';
import { createWatchRegistry } from './watch-registry.js';

export interface PlatosStoreOptions {
  client: PlatosClient;
  /**
   * When queued updates are applied; all updates that arrive before it fires land in one store update.
   * @default createAnimationFrameScheduler()
   */
  scheduler?: FrameScheduler;
  /**
   * How long a running turn (not paused on an approval) may go without an event before it shows as stalled and
   * the thread resyncs. @default 45000
   */
  stallTimeoutMs?: number;
  /**
   * How many entries each thread's event log keeps (`readEvents(thread.eventLog)`); earlier ones are dropped and
   * counted in `eventLog.dropped`. The view keeps everything either way. `Infinity` keeps every entry, 0 none.
   * @default 1000
   */
  eventLogLimit?: number;
}

interface QueuedUpdate {
  threadId: string;
  update: ThreadUpdate;
}

/**
 * The state of every watched thread, fed by a PlatosClient and updated at most once per frame.
 * @example
 * const store = createPlatosStore({ client });
 * const stop = store.watchThread('thread-1');
 */
export function createPlatosStore(options: PlatosStoreOptions): PlatosStore {
  return createWritablePlatosStore(options).store;
}

/**
 * The store and the setter the store writes with. Not part of the public API: tests use it to stage states the
 * protocol cannot produce.
 */
export function createWritablePlatosStore(options: PlatosStoreOptions): { store: PlatosStore; setState: StoreApi<PlatosState>['setState'] } {
  const { client, scheduler = createAnimationFrameScheduler(), stallTimeoutMs = 45_000, eventLogLimit = DEFAULT_EVENT_LOG_LIMIT } = options;
  assertEventLogLimit(eventLogLimit);
  const api = createStore<PlatosState>()(() => ({ threads: {}, connection: client.connection.getState(), entities: {}, toolInvocations: {} }));
  /** Client updates received since the last frame, applied together by `flush`. */
  let queuedUpdates: QueuedUpdate[] = [];
  /** Gateway changes since the last frame, applied in the same store update as the thread updates. */
  let queuedEntities: EntityRecord[] = [];
  let queuedInvocations: ToolInvocation[] = [];
  /** Work that joins the next frame's update (the React renders it causes commit with the store's). */
  let frameTasks: (() => void)[] = [];
  let stopEntities: (() => void) | null = null;
  let cancelScheduledFrame: (() => void) | null = null;
  let destroyed = false;

  function updateThread(threadId: string, recipe: (thread: ThreadState) => ThreadState): void {
    const { threads } = api.getState();
    const current = threads[threadId];
    const next = recipe(current ?? createThreadState(threadId, eventLogLimit));
    if (next !== current) api.setState({ threads: { ...threads, [threadId]: next } });
  }

  const stallWatch = createStallWatch({
    timeoutMs: stallTimeoutMs,
    onStall(threadId, turnId) {
      updateThread(threadId, (thread) => ({ ...thread, stalledTurnId: turnId }));
      client.threads.resync(threadId);
    },
  });

  function enqueue(threadId: string, update: ThreadUpdate): void {
    if (destroyed) return;
    queuedUpdates.push({ threadId, update });
    cancelScheduledFrame ??= scheduler.schedule(flush);
  }

  function enqueueGatewayChange<T>(queue: T[], change: T): void {
    if (destroyed) return;
    queue.push(change);
    cancelScheduledFrame ??= scheduler.schedule(flush);
  }

  function flush(): void {
    cancelScheduledFrame?.();
    cancelScheduledFrame = null;
    const tasks = frameTasks;
    frameTasks = [];
    for (const task of tasks) task();
    if (queuedUpdates.length === 0 && queuedEntities.length === 0 && queuedInvocations.length === 0) return;
    const updates = queuedUpdates;
    const before = api.getState().threads;
    const entities = queuedEntities;
    const invocations = queuedInvocations;
    queuedUpdates = [];
    queuedEntities = [];
    queuedInvocations = [];
    api.setState((state) => ({
      ...(updates.length === 0 ? {} : { threads: applyQueuedUpdates(state.threads, updates, eventLogLimit) }),
      ...(entities.length === 0 ? {} : { entities: withKeyed(state.entities, entities, (entity) => entityKey(entity.entityType, entity.entityId)) }),
      ...(invocations.length === 0 ? {} : { toolInvocations: withKeyed(state.toolInvocations, invocations, (call) => toolCallKey(call.threadId, call.toolCallId)) }),
    }));
    const { threads } = api.getState();
    for (const threadId of new Set(updates.map((queued) => queued.threadId))) {
      const thread = threads[threadId];
      if (thread) stallWatch.observe(threadId, thread);
      if (thread) persistence?.noteChange(threadId, before[threadId], thread);
    }
  }

  const persistence = createThreadPersistence({
    client,
    readThread: (threadId) => api.getState().threads[threadId],
    updateThread,
    isDestroyed: () => destroyed,
  });

  const watches = createWatchRegistry((threadId) => {
    updateThread(threadId, (thread) => thread);
    const listener = (update: ThreadUpdate) => enqueue(threadId, update);
    const stopWatching = persistence ? persistence.openWatch(threadId, listener) : client.threads.watch(threadId, listener);
    return () => {
      stopWatching();
      stallWatch.forget(threadId);
      if (destroyed) return;
      flush();
      // The view stays for the next watch; the log only serves readers of a watched thread, so its memory goes.
      updateThread(threadId, ({ syncError: _dropped, ...thread }) => ({ ...thread, sync: 'idle', eventLog: clearEventLog(thread.eventLog) }));
    };
  });

  const stopInvocations = client.connections.onInvocation((invocation) => enqueueGatewayChange(queuedInvocations, invocation));

  const unsubscribeOutbox = client.outbox.subscribe((change) => {
    if (!destroyed) updateThread(change.command.threadId, (thread) => applyOutboxChange(thread, change));
  });
  for (const command of client.outbox.list()) {
    updateThread(command.threadId, (thread) => applyOutboxChange(thread, outboxChangeOf(command)));
  }

  const unsubscribeConnection = client.connection.subscribe((connection) => {
    if (api.getState().connection !== connection) api.setState({ connection });
  });
  // The state may have changed between reading it for the initial state and subscribing.
  if (api.getState().connection !== client.connection.getState()) api.setState({ connection: client.connection.getState() });

  async function deliver(threadId: string, clientMessageId: string, text: string): Promise<SendResult> {
    try {
      const opening = persistence?.opening(threadId);
      if (opening) await opening;
      const { turnId } = await client.threads.send(threadId, text, { clientMessageId });
      return { ok: true, clientMessageId, turnId };
    } catch (error) {
      const commandError = toCommandError(error, 'send_failed');
      updateThread(threadId, (thread) => markPendingFailed(thread, clientMessageId, commandError));
      return { ok: false, clientMessageId, error: commandError };
    }
  }

  function setApprovalResponse(threadId: string, approvalId: string, response: ApprovalResponse): void {
    updateThread(threadId, (thread) => ({
      ...thread,
      approvalResponses: { ...thread.approvalResponses, [approvalId]: response },
    }));
  }

  const store: PlatosStore = {
    getState: api.getState,
    getInitialState: api.getInitialState,
    subscribe: api.subscribe,
    watchThread: (threadId) => watches.watch(threadId),
    watchEntity(entityType, entityId) {
      // Once listening the store keeps listening: an entity that changed between two watches must not go stale.
      stopEntities ??= client.connections.onEntity((entity) => enqueueGatewayChange(queuedEntities, entity));
      const known = client.connections.getEntity(entityType, entityId);
      if (known && api.getState().entities[entityKey(entityType, entityId)]?.version !== known.version) enqueueGatewayChange(queuedEntities, known);
      return () => {};
    },
    flush,
    onNextFrame(task) {
      if (destroyed) return () => {};
      frameTasks.push(task);
      cancelScheduledFrame ??= scheduler.schedule(flush);
      return () => {
        frameTasks = frameTasks.filter((queued) => queued !== task);
      };
    },
    send(threadId, text) {
      const clientMessageId = createClientMessageId();
      updateThread(threadId, (thread) => addPendingMessage(thread, clientMessageId, text));
      return deliver(threadId, clientMessageId, text);
    },
    async retry(threadId, clientMessageId) {
      const pending = findPendingMessage(api.getState().threads[threadId], clientMessageId);
      if (pending?.state !== 'failed') {
        return { ok: false, clientMessageId, error: { code: 'not_retryable', message: 'Only a failed pending message can be retried' } };
      }
      updateThread(threadId, (thread) => markPendingSending(thread, clientMessageId));
      return deliver(threadId, clientMessageId, pending.text);
    },
    discard(threadId, clientMessageId) {
      if (findPendingMessage(api.getState().threads[threadId], clientMessageId)?.state === 'sending') return;
      updateThread(threadId, (thread) => removeFailedPending(thread, clientMessageId));
      client.outbox.discard(clientMessageId);
    },
    async cancel(threadId) {
      // A turn-start may still wait in the queue; the user cancels what they see plus what already arrived.
      flush();
      const turnId = api.getState().threads[threadId]?.view.activeTurnId;
      if (turnId) await client.threads.cancel(threadId, turnId);
    },
    resync(threadId) {
      updateThread(threadId, (thread) => (thread.stalledTurnId === null ? thread : { ...thread, stalledTurnId: null }));
      client.threads.resync(threadId);
    },
    async respondToApproval(threadId, approvalId, decision, note) {
      const previous = api.getState().threads[threadId]?.approvalResponses[approvalId];
      if (previous?.state === 'sending' || previous?.state === 'sent') return;
      setApprovalResponse(threadId, approvalId, { decision, state: 'sending' });
      try {
        await client.respondToApproval(approvalId, decision, note, { threadId });
        setApprovalResponse(threadId, approvalId, { decision, state: 'sent' });
      } catch (error) {
        setApprovalResponse(threadId, approvalId, { decision, state: 'failed', error: toCommandError(error) });
      }
    },
    destroy() {
      destroyed = true;
      cancelScheduledFrame?.();
      cancelScheduledFrame = null;
      queuedUpdates = [];
      frameTasks = [];
      unsubscribeConnection();
      unsubscribeOutbox();
      persistence?.dispose();
      stopInvocations();
      stopEntities?.();
      stallWatch.dispose();
      watches.closeAll();
    },
  };
  return { store, setState: api.setState };
}

function applyQueuedUpdates(threads: PlatosState['threads'], queue: readonly QueuedUpdate[], eventLogLimit: number): PlatosState['threads'] {
  const updatesByThread = new Map<string, ThreadUpdate[]>();
  for (const { threadId, update } of queue) {
    const updates = updatesByThread.get(threadId);
    if (updates) updates.push(update);
    else updatesByThread.set(threadId, [update]);
  }
  const next = { ...threads };
  for (const [threadId, updates] of updatesByThread) {
    next[threadId] = applyThreadUpdates(threads[threadId] ?? createThreadState(threadId, eventLogLimit), updates);
  }
  return next;
}

function withKeyed<T>(record: Record<string, T>, items: readonly T[], keyOf: (item: T) => string): Record<string, T> {
  const next = { ...record };
  for (const item of items) next[keyOf(item)] = item;
  return next;
}
