import type { ClientSocket, SocketFactoryOptions } from '../client/client-options.js';
import type { Activity } from './activity.js';
import { agentIdOfNamespace } from './agent/agent-namespace.js';
import { createHandlerRegistry, type Handler } from './handler-registry.js';

/** The server's side of one connection. */
export interface ServerConnection {
  /** Runs a command and returns its acknowledgement. */
  command(name: string, request: unknown): unknown;
  close(): void;
}

/** Where an in-memory socket connects to. */
export interface InMemoryEndpoint {
  /** A handshake: the connection, or the message of the `connect_error` that refuses it. */
  accept(agentId: string, token: string, toClient: (name: string, payload: unknown) => void): ServerConnection | { refused: string };
  activity: Activity;
}

/**
 * A socket.io-client Socket over an in-memory link: it connects at once, as `io()` does, and both directions are
 * ordered queues delivered a microtask later, so nothing arrives inside the call that sent it. Payloads are copied
 * through JSON, as on the wire.
 */
export function createInMemorySocket(namespaceUrl: string, options: SocketFactoryOptions, endpoint: InMemoryEndpoint) {
  const agentId = agentIdOfNamespace(new URL(namespaceUrl).pathname);
  const handlers = createHandlerRegistry();
  const anyHandlers = new Set<Handler>();
  const { activity } = endpoint;
  let connection: ServerConnection | null = null;
  /** Bumped by every connect and disconnect, so a late handshake or frame of an old link is dropped. */
  let link = 0;

  /** Runs `task` a microtask later, in order with everything else in transit, unless the link changed meanwhile. */
  const inTransit = (task: (current: boolean) => void) => {
    const sentOn = link;
    const done = activity.start();
    queueMicrotask(() => {
      try {
        task(sentOn === link);
      } finally {
        done();
      }
    });
  };

  const drop = (reason: string) => {
    if (!connection) return;
    connection.close();
    connection = null;
    link += 1;
    socket.connected = false;
    handlers.fire('disconnect', reason);
  };

  const socket = {
    connected: false,
    active: true,
    on(name: string, handler: Handler) {
      handlers.add(name, handler);
      return socket;
    },
    off(name: string, handler: Handler) {
      handlers.remove(name, handler);
      return socket;
    },
    onAny(handler: Handler) {
      anyHandlers.add(handler);
      return socket;
    },
    offAny(handler: Handler) {
      anyHandlers.delete(handler);
      return socket;
    },
    emit(name: string, request: unknown) {
      if (connection) void send(name, request).catch(() => {});
      return socket;
    },
    timeout() {
      return { emitWithAck: send };
    },
    connect() {
      if (connection) return socket;
      socket.active = true;
      const attempt = ++link;
      const done = activity.start();
      options.auth((data) => {
        inTransit(() => {
          done();
          if (attempt !== link) return;
          const token = String((data as { token?: unknown }).token ?? '');
          const accepted = endpoint.accept(agentId, token, (name, payload) => deliver(name, payload));
          if ('refused' in accepted) return handlers.fire('connect_error', new Error(accepted.refused));
          connection = accepted;
          socket.connected = true;
          handlers.fire('connect');
        });
      });
      return socket;
    },
    disconnect() {
      socket.active = false;
      link += 1;
      drop('io client disconnect');
      return socket;
    },
    io: { on() {} },
  };

  function send(name: string, request: unknown): Promise<unknown> {
    if (!connection) return Promise.reject(new Error('socket has been disconnected'));
    const server = connection;
    const payload = copy(request);
    return new Promise((resolve, reject) => {
      inTransit((current) => {
        if (!current) return reject(new Error('socket has been disconnected'));
        let ack: unknown;
        try {
          ack = copy(server.command(name, payload));
        } catch (error) {
          return reject(error);
        }
        inTransit((stillCurrent) => (stillCurrent ? resolve(ack) : reject(new Error('socket has been disconnected'))));
      });
    });
  }

  function deliver(name: string, payload: unknown) {
    const frame = copy(payload);
    inTransit((current) => {
      if (!current) return;
      for (const handler of [...anyHandlers]) handler(name, frame);
    });
  }

  // Like `io()`, which connects unless told otherwise.
  socket.connect();

  return {
    socket: socket as unknown as ClientSocket,
    /** The server closes the connection, as a network failure would. */
    cut: () => drop('transport close'),
  };
}

const copy = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
