import type { ClientSocket, SocketFactoryOptions } from '../client/client-options.js';
import { CONNECTIONS_NAMESPACE } from '../protocol/index.js';
import type { Activity } from './activity.js';
import { agentIdOfNamespace } from './agent/agent-namespace.js';
import { createHandlerRegistry, type Handler } from './handler-registry.js';

/** The server's side of one connection. */
export interface ServerConnection {
  /** Runs a command and returns its acknowledgement. */
  command(name: string, request: unknown): unknown;
  /** The connection went away, whichever side closed it. */
  close(): void;
}

/** How the server reaches the client of one connection. */
export interface ClientLink {
  /** Sends a frame, in order with everything else in transit. */
  send(name: string, payload: unknown): void;
  /** The server ends the connection (`io server disconnect`), e.g. when a newer socket took its gateway session over. */
  disconnect(): void;
}

export type Handshake = ServerConnection | { refused: string };

/** Where an in-memory socket connects to. Each handshake gets the connection, or the message of the `connect_error` that refuses it. */
export interface InMemoryEndpoint {
  /** A chat namespace (`/` or `/agents/{agentId}/chat/stream`); `auth` is the whole handshake auth, which may ask for batches. */
  accept(agentId: string, token: string, auth: object, link: ClientLink): Handshake;
  /** The connections gateway (`/connections`); `auth` is the whole handshake auth, which names the session. */
  acceptGateway(token: string, auth: object, link: ClientLink): Handshake;
  activity: Activity;
}

/**
 * A socket.io-client Socket over an in-memory link: it connects at once, as `io()` does, and both directions are
 * ordered queues delivered a microtask later, so nothing arrives inside the call that sent it. Payloads are copied
 * through JSON, as on the wire. The namespace `/connections` is the gateway's; any other is a chat stream's.
 */
export function createInMemorySocket(namespaceUrl: string, options: SocketFactoryOptions, endpoint: InMemoryEndpoint) {
  const namespace = new URL(namespaceUrl).pathname;
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
          // A server that still holds an old connection of this socket reaches nothing through it.
          const current = () => attempt === link;
          const clientLink: ClientLink = {
            send(name, payload) {
              if (current()) deliver(name, payload);
            },
            disconnect() {
              if (current()) drop('io server disconnect');
            },
          };
          const accepted =
            namespace === CONNECTIONS_NAMESPACE ? endpoint.acceptGateway(token, data, clientLink) : endpoint.accept(agentIdOfNamespace(namespace), token, data, clientLink);
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
