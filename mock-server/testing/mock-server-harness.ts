import { io, type Socket } from 'socket.io-client';
import { SOCKET_PATH, type Ack, type CommandAck, type CommandName, type CommandRequest, type ServerEvent } from '../../src/protocol/index.js';

export interface TestSocketOptions {
  namespace?: string;
  /** Sent as `auth.token`; `null` sends none. @default 'test-token' */
  token?: string | null;
  /** More `auth` fields, e.g. the gateway's `sessionId`. */
  auth?: Record<string, unknown>;
  /** Handshake headers, e.g. `origin` to act as a page, or `authorization`. */
  extraHeaders?: Record<string, string>;
  query?: Record<string, string>;
  /** @default 'websocket' */
  transport?: 'websocket' | 'polling';
}

/** A test socket on a namespace of the mock server. */
export function connectSocket(url: string, options: TestSocketOptions = {}): Socket {
  const token = options.token === undefined ? 'test-token' : options.token;
  return io(`${url}${options.namespace ?? '/'}`, {
    path: SOCKET_PATH,
    transports: [options.transport ?? 'websocket'],
    forceNew: true,
    reconnection: false,
    auth: token === null ? { ...options.auth } : { ...options.auth, token },
    ...(options.extraHeaders ? { extraHeaders: options.extraHeaders } : {}),
    ...(options.query ? { query: options.query } : {}),
  });
}

export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

/**
 * Connects, then disconnects at once: `'connected'`, or the connect error as `describe` puts it (its message by
 * default, e.g. `'unauthorized'`).
 */
export async function handshakeOutcome(
  url: string,
  options: TestSocketOptions = {},
  describe: (error: Error) => string = (error) => error.message,
): Promise<string> {
  const socket = connectSocket(url, options);
  try {
    await connected(socket);
    return 'connected';
  } catch (error) {
    return describe(error as Error);
  } finally {
    socket.disconnect();
  }
}

export function command<C extends CommandName>(socket: Socket, name: C, request: CommandRequest<C>): Promise<CommandAck<C>> {
  return socket.emitWithAck(name, request) as Promise<CommandAck<C>>;
}

/** Expects a successful acknowledgement and returns it. */
export async function okCommand<C extends CommandName>(socket: Socket, name: C, request: CommandRequest<C>) {
  const ack = await command(socket, name, request);
  if (!ack.ok) throw new Error(`${name} failed: ${ack.error.code} ${ack.error.message}`);
  return ack as Extract<CommandAck<C>, { ok: true }>;
}

export type EventRecorder = ReturnType<typeof recordEvents>;

/** Records every frame a socket receives, raw and in order, and lets a test wait for one. */
export function recordEvents(socket: Socket) {
  const frames: { name: string; event: ServerEvent }[] = [];
  const waiters = new Set<() => void>();
  socket.onAny((name: string, event: ServerEvent) => {
    frames.push({ name, event });
    for (const waiter of [...waiters]) waiter();
  });
  return {
    frames,
    events: (threadId?: string) => frames.map((frame) => frame.event).filter((event) => !threadId || event.threadId === threadId),
    /** Resolves with the first recorded event matching `predicate`, waiting for it if need be. */
    waitFor(predicate: (event: ServerEvent) => boolean): Promise<ServerEvent> {
      return new Promise((resolve) => {
        const check = () => {
          const found = frames.find((frame) => predicate(frame.event));
          if (!found) return false;
          waiters.delete(check);
          resolve(found.event);
          return true;
        };
        if (!check()) waiters.add(check);
      });
    },
  };
}

export const isFinishOf = (turnId: string) => (event: ServerEvent) => event.type === 'finish' && event.turnId === turnId;

export type FailedAck = Extract<Ack, { ok: false }>;
