import { io } from 'socket.io-client';
import { agentNamespace, SOCKET_PATH, type CommandName, type CommandRequest, type Commands } from '../protocol';
import { PlatosClientError, toClientError } from './client-error';
import type { ClientSocket, PlatosClientOptions } from './client-options';
import { createConnectionState } from './connection-state';
import { routeFrame } from './frame-router';
import { fetchHistory } from './history-fetch';
import { createThreadSession, type ThreadSession } from './thread-session';
import { createTurnStream } from './turn-stream';
import type { ClientStats, PlatosClient, ThreadListener } from './types';

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
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const getToken = async () => (options.getToken ? await options.getToken() : (options.token ?? ''));
  const stats: ClientStats = { malformedFrames: 0, duplicateFrames: 0 };
  const sessions = new Map<string, ThreadSession>();
  let closed = false;

  const namespaceUrl = new URL(agentNamespace(agentId), options.url).toString();
  const socketOptions = {
    path: options.path ?? SOCKET_PATH,
    transports: options.transports ?? ['websocket', 'polling'],
    auth: (callback: (data: object) => void) => {
      getToken().then(
        (token) => callback({ token }),
        () => callback({ token: '' }),
      );
    },
  };
  const socket: ClientSocket = options.socketFactory
    ? options.socketFactory(namespaceUrl, socketOptions)
    : io(namespaceUrl, socketOptions);

  // Attached before anything can await, so no frame is ever missed.
  socket.onAny((name: string, ...args: unknown[]) => {
    const routed = routeFrame(name, args);
    if (!routed.ok) {
      stats.malformedFrames += 1;
      options.onMalformedFrame?.(args.length === 1 ? args[0] : args, routed.reason);
      return;
    }
    sessions.get(routed.event.threadId)?.receive(routed.event);
  });

  const connection = createConnectionState(socket, {
    canRetryUnauthorized: () => Boolean(options.getToken),
    onConnect: () => sessions.forEach((session) => session.listenerCount > 0 && void session.start()),
    onDisconnect: () => sessions.forEach((session) => session.pause()),
  });

  async function command<C extends CommandName>(name: C, request: CommandRequest<C>): Promise<Commands[C]['reply']> {
    if (closed) throw new PlatosClientError('closed', 'The client was closed');
    let ack: unknown;
    try {
      ack = await socket.timeout(ackTimeoutMs).emitWithAck(name, request);
    } catch (error) {
      throw toClientError(error, 'timeout');
    }
    if (typeof ack !== 'object' || ack === null || !('ok' in ack)) throw new PlatosClientError('bad_ack', `${name} got a malformed acknowledgement`);
    if (ack.ok !== true) {
      const error = (ack as { error?: { code?: unknown; message?: unknown } }).error;
      throw new PlatosClientError(String(error?.code ?? 'rejected'), String(error?.message ?? `${name} was rejected`));
    }
    return ack as Commands[C]['reply'];
  }

  function sessionFor(threadId: string): ThreadSession {
    let session = sessions.get(threadId);
    if (!session) {
      session = createThreadSession({
        threadId,
        subscribe: (lastEventId) =>
          command('thread:subscribe', lastEventId === null ? { threadId } : { threadId, lastEventId }),
        fetchHistory: async () => fetchHistory({ baseUrl: options.url, agentId, threadId, token: await getToken(), fetch: doFetch }),
        onDuplicate: () => (stats.duplicateFrames += 1),
        retryDelayMs: (attempt) => Math.min(500 * 2 ** (attempt - 1), 8_000),
      });
      sessions.set(threadId, session);
    }
    return session;
  }

  function watch(threadId: string, listener: ThreadListener): () => void {
    const session = sessionFor(threadId);
    const wasIdle = session.listenerCount === 0;
    session.addListener(listener);
    if (wasIdle && session.state === 'idle' && socket.connected) void session.start();
    return () => {
      session.removeListener(listener);
      // Deferred so an unwatch followed at once by a watch (React StrictMode) keeps the subscription.
      setTimeout(() => {
        if (session.listenerCount > 0 || sessions.get(threadId) !== session) return;
        sessions.delete(threadId);
        session.pause();
        if (socket.connected && !closed) command('thread:unsubscribe', { threadId }).catch(() => {});
      }, 0);
    };
  }

  async function send(threadId: string, text: string, sendOptions?: { clientMessageId?: string }) {
    const clientMessageId = sendOptions?.clientMessageId ?? newClientMessageId();
    const reply = await command('message:send', { threadId, clientMessageId, text });
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
            connection.subscribe((state) => {
              if (state === 'closed' || state === 'offline' || state === 'unauthorized') {
                listener(new PlatosClientError(state, `The connection is ${state}; the turn's remaining events will not arrive`));
              }
            }),
          whenLive: () => withTimeout(session.whenLive(), ackTimeoutMs, 'The thread did not become live in time'),
          send: () => send(threadId, message, { clientMessageId }),
        });
      },
      watch,
      send,
      cancel: async (threadId, turnId) => void (await command('turn:cancel', { threadId, turnId })),
      lastEventId: (threadId) => sessions.get(threadId)?.lastEventId ?? null,
    },
    respondToApproval: async (approvalId, decision, note) =>
      void (await command('approval:respond', note === undefined ? { approvalId, decision } : { approvalId, decision, note })),
    connection: { getState: connection.getState, subscribe: connection.subscribe },
    getStats: () => ({ ...stats }),
    close() {
      if (closed) return;
      closed = true;
      sessions.forEach((session) => session.pause());
      sessions.clear();
      socket.disconnect();
      connection.markClosed();
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
