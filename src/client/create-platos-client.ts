import { io } from 'socket.io-client';
import {
  agentNamespace,
  CONNECTIONS_NAMESPACE,
  resolveFrameLimits,
  SOCKET_PATH,
  type CommandName,
  type Commands,
  type HistoryResponse,
  type ServerEvent,
} from '../protocol/index.js';
import { defaultBackoff, fullJitterDelay } from './backoff.js';
import { PlatosClientError } from './client-error.js';
import { emptyClientStats } from './client-stats.js';
import type { ClientSocket, PlatosClientOptions } from './client-options.js';
import { createConnections } from './connections/create-connections.js';
import { browserNetworkSignals } from './connection-manager.js';
import { routeFrame } from './frame-router.js';
import { fetchHistory } from './history-fetch.js';
import { defaultLiveness } from './liveness.js';
import { createManagedConnection, handshakeAuth, type ConnectionPolicy } from './managed-connection.js';
import { createStateCell } from './state-cell.js';
import { createDurableOutbox } from './durable-outbox.js';
import { clientScope, storageFromOptions } from './storage/storage-from-options.js';
import { createResumableSession, type ResumableSession } from './resumable-session.js';
import { createTurnStream } from './turn-stream.js';
import { createTabSharing } from './shared-connection/tab-sharing.js';
import type { CommandOptions } from './command-channel.js';
import type {
  ClientCounter,
  ClientObserver,
  ClientStats,
  ConnectionState,
  ConnectionStateChange,
  PlatosClient,
  ThreadListener,
  WatchOptions,
} from './types.js';

const newClientMessageId = () =>
  globalThis.crypto?.randomUUID?.() ?? `cm-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * Connects to an agent and multiplexes its threads on one socket.
 * @example
 * const client = createPlatosClient({ url: 'http://127.0.0.1:4000', token: 'dev-token' });
 * for await (const event of client.threads.stream({ threadId: 't1', message: 'Hi' })) console.log(event.type);
 */
export function createPlatosClient(options: PlatosClientOptions): PlatosClient {
  const agentId = options.agentId ?? 'default';
  const ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
  const queueTimeoutMs = options.queueTimeoutMs ?? 60_000;
  const historyTimeoutMs = options.historyTimeoutMs ?? 15_000;
  const backoff = { ...defaultBackoff, ...options.reconnect };
  const random = options.random ?? Math.random;
  const gap = { bufferSize: options.gap?.bufferSize ?? 64, timeoutMs: options.gap?.timeoutMs ?? 1_000 };
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const getToken = async () => (options.getToken ? await options.getToken() : (options.token ?? ''));
  const limits = resolveFrameLimits(options.limits);
  const stats = emptyClientStats();
  const count = (stat: ClientCounter) => (stats[stat] += 1);
  const sessions = new Map<string, ResumableSession>();
  let closed = false;

  const namespaceUrl = new URL(agentNamespace(agentId), options.url).toString();
  const socketOptions = {
    path: options.path ?? SOCKET_PATH,
    transports: options.transports ?? ['websocket', 'polling'],
    reconnection: false as const,
    timeout: options.connectTimeoutMs ?? 10_000,
    auth: handshakeAuth(getToken, { batch: options.batchFrames !== false }),
  };
  const createSocket = (url: string, socketFactoryOptions: typeof socketOptions): ClientSocket =>
    options.socketFactory ? options.socketFactory(url, socketFactoryOptions) : io(url, socketFactoryOptions);
  const scope = clientScope(options, agentId, getToken);
  const shared = createTabSharing(options, () => createSocket(namespaceUrl, socketOptions), scope, {
    // Restored commands are first checked with the other tabs, which may be sending them right now.
    onJoin: () => void durable.restore(),
    // A tab that takes over the connection also takes over what a closed tab left in the outbox, as does the leader
    // whenever another tab leaves.
    onLead: () => void durable.restore(),
    onTabLeft: () => void durable.restore(),
    onRetryRequested: () => manager.retryNow(),
  });
  const socket = shared?.socket ?? createSocket(namespaceUrl, socketOptions);
  const network = options.network === null ? undefined : (options.network ?? browserNetworkSignals());

  const livenessOptions = { ...defaultLiveness, ...(options.liveness || {}) };
  const policy: ConnectionPolicy = {
    ackTimeoutMs,
    queueTimeoutMs,
    liveness: options.liveness === false ? false : livenessOptions,
    backoff,
    maxAttempts: options.reconnect?.maxAttempts ?? Number.POSITIVE_INFINITY,
    maxAuthRetries: options.getToken ? (options.auth?.maxRetries ?? 2) : 0,
    canRefreshToken: Boolean(options.getToken),
    random,
    ...(network ? { network } : {}),
  };
  const connection = createManagedConnection<Commands>(socket, policy, {
    count,
    onConnect: () => sessions.forEach((session) => session.listenerCount > 0 && void session.start()),
    onDisconnect: () => sessions.forEach((session) => session.pause()),
    onStateChange: () => publishState(),
  });
  const { manager } = connection;
  const observers = new Set<ClientObserver>();
  const queued = { queue: true };
  function command<C extends CommandName>(name: C, request: Commands[C]['request'], commandOptions?: CommandOptions): Promise<Commands[C]['reply']> {
    const settled = connection.command(name, request, commandOptions);
    observers.forEach((observer) => observer.command?.(name, request, settled));
    return settled;
  }

  connection.receiveFrames({
    route: (name, args) => routeFrame(name, args, limits),
    accept(routed) {
      if (routed.droppedKeys > 0) count('sanitizedFrames');
      sessions.get(routed.event.threadId)?.receive(routed.event);
    },
    stats,
    tap: (name, args) => observers.forEach((observer) => observer.frame?.(name, args.length === 1 ? args[0] : args)),
    batches: { maxEvents: limits.entries, received: () => count('batchedFrames') },
    ...(options.onMalformedFrame ? { onMalformedFrame: options.onMalformedFrame } : {}),
  });

  const connectionState = createStateCell<ConnectionState>('connecting');
  const stateHistory: ConnectionStateChange[] = [{ state: 'connecting', at: Date.now() }];
  connectionState.subscribe((state) => stateHistory.push({ state, at: Date.now() }) > 50 && stateHistory.shift());
  const resyncingThreads = new Set<string>();
  const publishState = () => {
    const base = manager.getState();
    connectionState.set(base === 'open' && resyncingThreads.size > 0 ? 'resyncing' : base);
  };

  const gateway = createConnections(() => ({
    baseUrl: options.url,
    namespaceUrl: new URL(CONNECTIONS_NAMESPACE, options.url).toString(),
    sessionId: options.connections?.sessionId ?? newClientMessageId(),
    createSocket,
    socketOptions: { path: socketOptions.path, transports: socketOptions.transports, reconnection: false, multiplex: false, timeout: socketOptions.timeout },
    getToken,
    fetch: doFetch,
    limits,
    // The gateway queues no commands: what it must deliver (answers, the tool set) it sends again after a connect.
    policy: { ...policy, queueTimeoutMs: ackTimeoutMs },
    historyTimeoutMs,
    toolTimeoutMs: options.connections?.toolTimeoutMs ?? 60_000,
    gap,
    ...(options.onMalformedFrame ? { onMalformedFrame: options.onMalformedFrame } : {}),
  }));

  const storage = storageFromOptions(options, scope);
  const durable = createDurableOutbox({
    storage,
    send: (name, request) => command(name, request, queued),
    queueTimeoutMs,
    ...(shared ? { peers: shared.peers } : {}),
  });
  // What an earlier client of this scope left undelivered goes out with the first connection, like any queued command.
  if (!shared) void durable.restore();

  function sessionFor(threadId: string): ResumableSession {
    let session = sessions.get(threadId);
    if (!session) {
      session = createResumableSession<ServerEvent, HistoryResponse>({
        streamId: threadId,
        subscribe: (lastEventId) =>
          command('thread:subscribe', lastEventId === null ? { threadId } : { threadId, lastEventId }),
        fetchHistory: async () =>
          fetchHistory({ baseUrl: options.url, agentId, threadId, token: await getToken(), fetch: doFetch, timeoutMs: historyTimeoutMs, limits }),
        count,
        retryDelayMs: (attempt) => fullJitterDelay(attempt, backoff, random),
        gap,
        onStateChange: (state) => {
          if (state === 'resyncing') resyncingThreads.add(threadId);
          else resyncingThreads.delete(threadId);
          publishState();
        },
      });
      sessions.set(threadId, session);
    }
    return session;
  }

  function forget(threadId: string, session: ResumableSession) {
    sessions.delete(threadId);
    session.pause();
    resyncingThreads.delete(threadId);
    publishState();
  }

  function watch(threadId: string, listener: ThreadListener, watchOptions?: WatchOptions): () => void {
    const session = sessionFor(threadId);
    if (watchOptions?.resumeFrom) session.seed(watchOptions.resumeFrom);
    const wasIdle = session.listenerCount === 0;
    session.addListener(listener);
    if (wasIdle && session.state === 'idle' && socket.connected) void session.start();
    return () => {
      session.removeListener(listener);
      // Deferred so an unwatch followed at once by a watch (React StrictMode) keeps the subscription.
      setTimeout(() => {
        if (session.listenerCount > 0 || sessions.get(threadId) !== session) return;
        forget(threadId, session);
        if (socket.connected && !closed) command('thread:unsubscribe', { threadId }).catch(() => {});
      }, 0);
    };
  }

  async function send(threadId: string, text: string, sendOptions?: { clientMessageId?: string }) {
    const clientMessageId = sendOptions?.clientMessageId ?? newClientMessageId();
    const reply = await durable.run('message:send', { threadId, clientMessageId, text }, threadId);
    return { turnId: reply.turnId, clientMessageId };
  }

  return {
    agentId,
    threads: {
      stream({ threadId, message, clientMessageId = newClientMessageId() }) {
        const session = sessionFor(threadId);
        return createTurnStream({
          threadId,
          message,
          clientMessageId,
          watch: (listener) => watch(threadId, listener),
          onConnectionLost: (listener) =>
            connectionState.subscribe((state) => {
              if (state === 'closed' || state === 'offline' || state === 'unauthorized') {
                listener(new PlatosClientError(state, `The connection is ${state}; the turn's remaining events will not arrive`));
              }
            }),
          whenLive: () => withTimeout(session.whenLive(), queueTimeoutMs, 'The thread did not become live in time'),
          send: () => send(threadId, message, { clientMessageId }),
        });
      },
      watch,
      send,
      cancel: async (threadId, turnId) => void (await durable.run('turn:cancel', { threadId, turnId }, threadId)),
      resync(threadId) {
        const session = sessions.get(threadId);
        if (session && session.listenerCount > 0 && socket.connected && !closed) void session.start();
      },
      lastEventId: (threadId) => sessions.get(threadId)?.lastEventId ?? null,
    },
    respondToApproval: async (approvalId, decision, note, approvalOptions) =>
      void (await durable.run('approval:respond', note === undefined ? { approvalId, decision } : { approvalId, decision, note }, approvalOptions?.threadId ?? '')),
    connection: { getState: connectionState.get, subscribe: connectionState.subscribe, history: () => [...stateHistory] },
    getOutbox: connection.outbox,
    outbox: { list: durable.list, subscribe: durable.subscribe, discard: durable.discard },
    storage,
    clearStorage: () => storage.clear(),
    observe(observer) {
      observers.add(observer);
      return () => void observers.delete(observer);
    },
    connections: gateway.connections,
    getStats: (): ClientStats => ({ ...stats, rejectedFrames: { ...stats.rejectedFrames } }),
    reconnect() {
      if (closed) return;
      gateway.reconnect();
      if (!socket.connected) {
        shared?.requestRetry();
        return manager.retryNow();
      }
      sessions.forEach((session) => session.state === 'error' && session.listenerCount > 0 && void session.start());
    },
    close() {
      if (closed) return;
      closed = true;
      durable.close();
      connection.stop();
      sessions.forEach((session) => session.pause());
      sessions.clear();
      resyncingThreads.clear();
      manager.close();
      shared?.dispose();
      gateway.close();
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new PlatosClientError('timeout', message)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}
