import { createHandlerRegistry, type Handler } from '../../src/testing/handler-registry.js';
import type { ClientSocket, SocketFactoryOptions } from '../../src/client/client-options.js';

type Responder = (name: string, request: any) => unknown | Promise<unknown>;

/** An in-memory stand-in for a socket.io-client Socket, driven from the test as the server would. */
export interface FakeSocket {
  socket: ClientSocket;
  factory: (url: string, options: SocketFactoryOptions) => ClientSocket;
  commands: { name: string; request: any }[];
  respond: Responder;
  serverConnect(): void;
  serverDisconnect(reason?: string): void;
  serverConnectError(message: string): void;
  serverEmit(name: string, ...args: unknown[]): void;
  namespaceUrl: string | null;
  /** What the client passed to the factory (the handshake `auth` callback among them). */
  options: SocketFactoryOptions | null;
  connectCalls: number;
}

export function createFakeSocket(): FakeSocket {
  const handlers = createHandlerRegistry();
  const anyHandlers = new Set<Handler>();
  const managerHandlers = createHandlerRegistry();

  const awaitingAck = new Set<() => void>();
  const rejectAwaitingAcks = () => {
    const lost = [...awaitingAck];
    awaitingAck.clear();
    lost.forEach((reject) => reject());
  };

  const fake: FakeSocket = {
    commands: [],
    respond: () => ({ ok: true }),
    namespaceUrl: null,
    options: null,
    connectCalls: 0,
    socket: null as unknown as ClientSocket,
    factory: (url, options) => {
      fake.namespaceUrl = url;
      fake.options = options;
      return fake.socket;
    },
    serverConnect() {
      (socket as { connected: boolean }).connected = true;
      handlers.fire('connect');
    },
    serverDisconnect(reason = 'transport close') {
      (socket as { connected: boolean }).connected = false;
      handlers.fire('disconnect', reason);
      rejectAwaitingAcks();
    },
    serverConnectError(message) {
      handlers.fire('connect_error', new Error(message));
    },
    serverEmit(name, ...args) {
      for (const handler of [...anyHandlers]) handler(name, ...args);
    },
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
      fake.commands.push({ name, request });
      return socket;
    },
    timeout() {
      return {
        // Like socket.io-client, a drop rejects every acknowledgement still awaited.
        emitWithAck: (name: string, request: unknown) =>
          new Promise((resolve, reject) => {
            fake.commands.push({ name, request });
            const lost = () => reject(new Error('socket has been disconnected'));
            awaitingAck.add(lost);
            Promise.resolve(fake.respond(name, request)).then(
              (ack) => awaitingAck.delete(lost) && resolve(ack),
              (error: unknown) => awaitingAck.delete(lost) && reject(error),
            );
          }),
      };
    },
    connect() {
      fake.connectCalls += 1;
      return socket;
    },
    disconnect() {
      if (!socket.connected) return socket;
      socket.connected = false;
      handlers.fire('disconnect', 'io client disconnect');
      rejectAwaitingAcks();
      return socket;
    },
    io: {
      on(name: string, handler: Handler) {
        managerHandlers.add(name, handler);
      },
    },
  };
  fake.socket = socket as unknown as ClientSocket;
  return fake;
}

/** The chat stream's socket and the connections gateway's behind one factory, which routes by namespace. */
export interface FakeSocketPair {
  chat: FakeSocket;
  gateway: FakeSocket;
  /** Every URL the factory was called with, in order. */
  factoryUrls: string[];
  factory: (url: string, options: SocketFactoryOptions) => ClientSocket;
}

export function createFakeSocketPair(): FakeSocketPair {
  const chat = createFakeSocket();
  const gateway = createFakeSocket();
  const factoryUrls: string[] = [];
  return {
    chat,
    gateway,
    factoryUrls,
    factory(url, options) {
      factoryUrls.push(url);
      return (new URL(url).pathname === '/connections' ? gateway : chat).factory(url, options);
    },
  };
}
