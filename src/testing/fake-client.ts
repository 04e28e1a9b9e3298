import type { ServerEvent } from '../protocol/index.js';
import { emptyClientStats } from '../client/client-stats.js';
import type {
  ClientObserver,
  ClientStorage,
  ConnectionState,
  ConnectionStateChange,
  DurableCommand,
  OutboxChange,
  PlatosClient,
  ThreadListener,
  ThreadUpdate,
  TurnStream,
  WatchOptions,
} from '../client/types.js';
import { createFakeConnections, type FakeConnections } from './fake-connections.js';
import { createFakeStorage } from './fake-storage.js';

/** A command the app made through a `FakeClient`, in the order it was made. */
export type FakeClientCall =
  | { command: 'send'; threadId: string; text: string; clientMessageId: string }
  | { command: 'cancel'; threadId: string; turnId: string }
  | { command: 'approval'; approvalId: string; decision: 'approved' | 'denied'; note?: string; threadId?: string }
  | { command: 'reconnect' }
  | { command: 'resync'; threadId: string };

/** A `PlatosClient` with no server behind it: the test pushes what the server would send and decides every answer. */
export interface FakeClient extends PlatosClient {
  /** The gateway, played by the test: `connections.invoke(...)` calls a registered tool as an agent would. */
  readonly connections: FakeConnections;
  /** Every command the app made, oldest first. */
  calls: FakeClientCall[];
  /** Hands an update to the thread's watchers, as the real client does for each frame it accepts. */
  emit(threadId: string, update: ThreadUpdate): void;
  /** `emit` of one event to its thread's watchers. */
  emitEvent(event: ServerEvent): void;
  /** Sets the connection state and tells its subscribers. */
  setConnection(state: ConnectionState): void;
  /** How many watchers the thread has. */
  watcherCount(threadId: string): number;
  /** The `options` of each `threads.watch` call, oldest first. */
  watchOptions: { threadId: string; options?: WatchOptions }[];
  /** Tells outbox subscribers of a change (a restored or another tab's command) and keeps `outbox.list()` in step. */
  emitOutbox(change: OutboxChange): void;
  /**
   * How commands are answered: resolve to accept (a send may name its `turnId`), reject to fail the command.
   * @default accepts everything, with turn ids `turn-1`, `turn-2`, ...
   */
  reply: (call: FakeClientCall) => Promise<{ turnId?: string }>;
}

export interface FakeClientOptions {
  /** @default 'default' */
  agentId?: string;
  /** @default 'open' */
  connection?: ConnectionState;
  /**
   * Pass `createFakeStorage()` to test what survives a reload. The default stores nothing, so a thread's watch
   * opens at once instead of after a storage read, and an event emitted right after rendering reaches it.
   * @default a disabled in-memory storage (`createFakeStorage({ enabled: false })`)
   */
  storage?: ClientStorage;
}

/**
 * An in-memory `PlatosClient` for tests of code that takes a client: no socket, no timers, nothing sent anywhere.
 * `threads.stream` is not implemented; use `createTestServer` for code that streams.
 * @example
 * const client = createFakeClient();
 * client.reply = async (call) => { if (call.command === 'send') throw new PlatosClientError('rate_limited', 'Slow down'); return {}; };
 * render(<PlatosChat client={client} threadId="t1" />);
 * client.setConnection('reconnecting');
 */
export function createFakeClient(options: FakeClientOptions = {}): FakeClient {
  const watchers = new Map<string, Set<ThreadListener>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let connection: ConnectionState = options.connection ?? 'open';
  const connectionHistory: ConnectionStateChange[] = [{ state: connection, at: Date.now() }];
  const observers = new Set<ClientObserver>();
  const outboxListeners = new Set<(change: OutboxChange) => void>();
  const outbox = new Map<string, DurableCommand>();
  const storage = options.storage ?? createFakeStorage({ enabled: false });
  let nextId = 0;

  const client: FakeClient = {
    agentId: options.agentId ?? 'default',
    calls: [],
    reply: async () => ({ turnId: `turn-${++nextId}` }),
    emit(threadId, update) {
      for (const listener of [...(watchers.get(threadId) ?? [])]) listener(update);
    },
    emitEvent(event) {
      observers.forEach((observer) => observer.frame?.(event.type, event));
      client.emit(event.threadId, { kind: 'event', event });
    },
    setConnection(state) {
      connection = state;
      connectionHistory.push({ state, at: Date.now() });
      for (const listener of [...connectionListeners]) listener(state);
    },
    watcherCount: (threadId) => watchers.get(threadId)?.size ?? 0,
    watchOptions: [],
    emitOutbox(change) {
      if (change.kind === 'delivered' || change.kind === 'discarded') outbox.delete(change.command.key);
      else outbox.set(change.command.key, change.command);
      for (const listener of [...outboxListeners]) listener(change);
    },
    threads: {
      stream(): TurnStream {
        throw new Error('FakeClient.threads.stream is not implemented: use createTestServer() for code that streams turns');
      },
      watch(threadId, listener, watchOptions) {
        client.watchOptions.push(watchOptions === undefined ? { threadId } : { threadId, options: watchOptions });
        const set = watchers.get(threadId) ?? new Set();
        set.add(listener);
        watchers.set(threadId, set);
        return () => {
          set.delete(listener);
        };
      },
      async send(threadId, text, sendOptions) {
        const call: FakeClientCall = { command: 'send', threadId, text, clientMessageId: sendOptions?.clientMessageId ?? `cm-${++nextId}` };
        client.calls.push(call);
        const { turnId = `turn-${++nextId}` } = await client.reply(call);
        return { turnId, clientMessageId: call.clientMessageId };
      },
      async cancel(threadId, turnId) {
        const call: FakeClientCall = { command: 'cancel', threadId, turnId };
        client.calls.push(call);
        await client.reply(call);
      },
      resync: (threadId) => void client.calls.push({ command: 'resync', threadId }),
      lastEventId: () => null,
    },
    async respondToApproval(approvalId, decision, note, approvalOptions) {
      const call: FakeClientCall = {
        command: 'approval',
        approvalId,
        decision,
        ...(note === undefined ? {} : { note }),
        ...(approvalOptions?.threadId === undefined ? {} : { threadId: approvalOptions.threadId }),
      };
      client.calls.push(call);
      await client.reply(call);
    },
    connection: {
      getState: () => connection,
      subscribe(listener) {
        connectionListeners.add(listener);
        return () => connectionListeners.delete(listener);
      },
      history: () => [...connectionHistory],
    },
    getOutbox: () => [],
    outbox: {
      list: () => [...outbox.values()],
      subscribe(listener) {
        outboxListeners.add(listener);
        return () => void outboxListeners.delete(listener);
      },
      discard(key) {
        const command = outbox.get(key);
        if (command) client.emitOutbox({ kind: 'discarded', command });
      },
    },
    storage,
    async clearStorage() {
      for (const key of await storage.keys()) await storage.delete(key);
    },
    observe(observer) {
      observers.add(observer);
      return () => void observers.delete(observer);
    },
    connections: createFakeConnections(),
    getStats: emptyClientStats,
    reconnect: () => void client.calls.push({ command: 'reconnect' }),
    close() {
      client.setConnection('closed');
    },
  };
  return client;
}
