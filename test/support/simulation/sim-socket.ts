import type { ClientSocket, SocketFactoryOptions } from '../../../src/client/client-options.js';
import type { ClientBoundPacket, Connection, ServerBoundFrame } from './connection.js';
import type { Network } from './network.js';
import { createHandlerRegistry, type Handler } from '../../../src/testing/handler-registry.js';

type AckCallback = (...args: unknown[]) => void;

export type HandshakeResult = { ok: true; connection: Connection } | { ok: false; reason: 'unauthorized' | 'unreachable' };

/** The server side of a handshake. */
export interface HandshakeEndpoint {
  handshake(auth: object): HandshakeResult;
}

/** Engine.IO's heartbeat: the server pings every 25 s and the client gives up 20 s after a missed one. */
const PING_INTERVAL_MS = 25_000;
const PING_TIMEOUT_MS = 20_000;
const HEARTBEAT_CHECK_MS = 5_000;

/** socket.io's Manager waits 1 s, doubling up to 5 s; without its random factor so a run replays exactly. */
const reconnectDelayMs = (attempt: number) => Math.min(1_000 * 2 ** (attempt - 1), 5_000);

export type SimSocket = ReturnType<typeof createSimSocket>;

/**
 * A socket.io-client Socket over a simulated connection, keeping the behaviour the client relies on:
 * emits made while disconnected wait in `sendBuffer` and go out first on the next connect; an emit with a
 * timeout fails after it (and leaves the buffer); acks of frames already sent fail with
 * "socket has been disconnected" when the connection drops; the Manager reconnects after a transport close
 * (not after "io server disconnect", not after `disconnect()`), unless `reconnection: false` was passed.
 */
export function createSimSocket(options: { network: Network; endpoint: HandshakeEndpoint }) {
  const { network, endpoint } = options;
  const handlers = createHandlerRegistry();
  const anyHandlers = new Set<Handler>();
  const managerHandlers = createHandlerRegistry();
  const acks = new Map<number, { callback: AckCallback; withError: boolean; timer?: ReturnType<typeof setTimeout> }>();
  const sendBuffer: ServerBoundFrame[] = [];
  let factoryOptions: (SocketFactoryOptions & { reconnection?: boolean; autoConnect?: boolean }) | null = null;
  let connection: Connection | null = null;
  let handshakeInFlight = false;
  let reconnecting = false;
  let reconnectAttempts = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  let lastPingAt = 0;
  let managerReconnection = true;
  let nextAckId = 0;
  const counters = { connectCalls: 0, disconnects: 0, connectedAt: [] as number[] };

  const reconnectionEnabled = () => socket.active && managerReconnection && factoryOptions?.reconnection !== false;

  function attemptConnect() {
    if (socket.connected || handshakeInFlight) return;
    handshakeInFlight = true;
    if (reconnecting) managerHandlers.fire('reconnect_attempt', reconnectAttempts);
    const proceed = (auth: object) => network.later('handshake reaches the server', () => handshake(auth));
    if (factoryOptions?.auth) factoryOptions.auth(proceed);
    else proceed({});
  }

  function handshake(auth: object) {
    if (!handshakeInFlight) return;
    handshakeInFlight = false;
    if (!socket.active || socket.connected) return;
    const result = endpoint.handshake(auth);
    if (result.ok) return open(result.connection);
    if (result.reason === 'unauthorized') {
      // A middleware rejection: socket.io does not retry it by itself.
      socket.active = false;
      reconnecting = false;
      reconnectAttempts = 0;
      handlers.fire('connect_error', new Error('unauthorized'));
      return;
    }
    const error = new Error('websocket error');
    managerHandlers.fire(reconnecting ? 'reconnect_error' : 'error', error);
    handlers.fire('connect_error', error);
    scheduleReconnect();
  }

  function open(next: Connection) {
    connection = next;
    counters.connectedAt.push(Date.now());
    const attempts = reconnectAttempts;
    const wasReconnecting = reconnecting;
    reconnecting = false;
    reconnectAttempts = 0;
    next.onClientPacket(receive);
    next.onClosedByServer((reason) => {
      if (connection === next) transportClosed(reason);
    });
    socket.connected = true;
    socket.id = `sim-${next.id}`;
    lastPingAt = Date.now();
    heartbeatTimer = setInterval(checkHeartbeat, HEARTBEAT_CHECK_MS);
    // Like socket.io: what was emitted while offline goes out before the app hears "connect".
    for (const frame of sendBuffer.splice(0)) next.sendToServer(frame);
    if (wasReconnecting) managerHandlers.fire('reconnect', attempts);
    handlers.fire('connect');
  }

  function checkHeartbeat() {
    if (!connection) return;
    if (connection.state === 'open' && Date.now() - lastPingAt >= PING_INTERVAL_MS) {
      lastPingAt = Date.now();
      managerHandlers.fire('ping');
    } else if (connection.state === 'half-open' && Date.now() - lastPingAt >= PING_INTERVAL_MS + PING_TIMEOUT_MS) {
      connection.close();
      transportClosed('ping timeout');
    }
  }

  function transportClosed(reason: string) {
    if (!connection) return;
    connection.close();
    connection = null;
    clearInterval(heartbeatTimer);
    socket.connected = false;
    counters.disconnects += 1;
    handlers.fire('disconnect', reason);
    clearAcks();
    if (reason !== 'io server disconnect' && reason !== 'io client disconnect') scheduleReconnect();
  }

  function scheduleReconnect() {
    if (!reconnectionEnabled() || reconnectTimer !== undefined) return;
    reconnecting = true;
    reconnectAttempts += 1;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      attemptConnect();
    }, reconnectDelayMs(reconnectAttempts));
  }

  /** socket.io fails the acks whose frame already left; those still in the send buffer wait for the next connection. */
  function clearAcks() {
    for (const [ackId, ack] of [...acks]) {
      if (sendBuffer.some((frame) => frame.ackId === ackId)) continue;
      acks.delete(ackId);
      clearTimeout(ack.timer);
      if (ack.withError) ack.callback(new Error('socket has been disconnected'));
    }
  }

  function receive(packet: ClientBoundPacket) {
    if (packet.kind === 'event') {
      for (const handler of [...anyHandlers]) handler(packet.name, packet.payload);
      handlers.fire(packet.name, packet.payload);
      return;
    }
    const ack = acks.get(packet.ackId);
    if (!ack) return;
    acks.delete(packet.ackId);
    clearTimeout(ack.timer);
    if (ack.withError) ack.callback(null, packet.reply);
    else ack.callback(packet.reply);
  }

  function send(name: string, args: unknown[], timeoutMs?: number) {
    const last = args.at(-1);
    const callback = typeof last === 'function' ? (last as AckCallback) : undefined;
    const payloadArgs = callback ? args.slice(0, -1) : args;
    const ackId = callback ? nextAckId++ : null;
    const frame: ServerBoundFrame = { name, payload: payloadArgs[0], ackId };
    if (callback && ackId !== null) {
      const ack: { callback: AckCallback; withError: boolean; timer?: ReturnType<typeof setTimeout> } = {
        callback,
        withError: timeoutMs !== undefined,
      };
      if (timeoutMs !== undefined) {
        ack.timer = setTimeout(() => {
          acks.delete(ackId);
          const buffered = sendBuffer.findIndex((candidate) => candidate.ackId === ackId);
          if (buffered >= 0) sendBuffer.splice(buffered, 1);
          callback(new Error('operation has timed out'));
        }, timeoutMs);
      }
      acks.set(ackId, ack);
    }
    if (socket.connected && connection) connection.sendToServer(frame);
    else sendBuffer.push(frame);
  }

  const emitWithAck = (name: string, args: unknown[], timeoutMs?: number) =>
    new Promise<unknown>((resolve, reject) => {
      const settle = timeoutMs === undefined ? (reply: unknown) => resolve(reply) : (error: unknown, reply: unknown) => (error ? reject(error) : resolve(reply));
      send(name, [...args, settle], timeoutMs);
    });

  const manager = {
    on(name: string, handler: Handler) {
      managerHandlers.add(name, handler);
      return manager;
    },
    off(name: string, handler?: Handler) {
      managerHandlers.remove(name, handler);
      return manager;
    },
    reconnection(value?: boolean) {
      if (value === undefined) return managerReconnection;
      managerReconnection = value;
      return manager;
    },
    get opts() {
      return { ...factoryOptions, reconnection: managerReconnection && factoryOptions?.reconnection !== false };
    },
    engine: {
      close: () => {
        if (connection) {
          connection.close();
          transportClosed('transport close');
        }
      },
    },
  };

  const socket = {
    connected: false,
    active: true,
    id: undefined as string | undefined,
    sendBuffer,
    get disconnected() {
      return !socket.connected;
    },
    io: manager,
    on(name: string, handler: Handler) {
      handlers.add(name, handler);
      return socket;
    },
    off(name: string, handler?: Handler) {
      handlers.remove(name, handler);
      return socket;
    },
    onAny(handler: Handler) {
      anyHandlers.add(handler);
      return socket;
    },
    offAny(handler?: Handler) {
      if (handler) anyHandlers.delete(handler);
      else anyHandlers.clear();
      return socket;
    },
    emit(name: string, ...args: unknown[]) {
      send(name, args);
      return socket;
    },
    emitWithAck(name: string, ...args: unknown[]) {
      return emitWithAck(name, args);
    },
    timeout(timeoutMs: number) {
      return {
        emit(name: string, ...args: unknown[]) {
          send(name, args, timeoutMs);
          return socket;
        },
        emitWithAck: (name: string, ...args: unknown[]) => emitWithAck(name, args, timeoutMs),
      };
    },
    connect() {
      counters.connectCalls += 1;
      socket.active = true;
      if (!socket.connected && !handshakeInFlight && reconnectTimer === undefined) attemptConnect();
      return socket;
    },
    disconnect() {
      socket.active = false;
      handshakeInFlight = false;
      reconnecting = false;
      reconnectAttempts = 0;
      clearTimeout(reconnectTimer);
      reconnectTimer = undefined;
      if (connection) {
        connection.close();
        transportClosed('io client disconnect');
      }
      return socket;
    },
  };

  return {
    socket: socket as unknown as ClientSocket,
    factory(_namespaceUrl: string, socketOptions: SocketFactoryOptions): ClientSocket {
      factoryOptions = socketOptions;
      if ((socketOptions as { autoConnect?: boolean }).autoConnect !== false) attemptConnect();
      return socket as unknown as ClientSocket;
    },
    get connected() {
      return socket.connected;
    },
    get bufferedFrames() {
      return sendBuffer.length;
    },
    counters,
  };
}
