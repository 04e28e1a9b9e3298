import type { Socket } from 'socket.io-client';
import {
  CONNECTIONS_NAMESPACE,
  ENTITIES_PATH,
  type ConnectionCommandAck,
  type ConnectionCommandName,
  type ConnectionCommandRequest,
  type ConnectionEvent,
  type ConnectionEventOf,
  type ConnectionEventType,
  type EntitiesResponse,
  type ToolDescriptor,
} from '../../src/protocol/index.js';
import { connectSocket, connected } from './mock-server-harness.js';

export interface GatewaySocketOptions {
  /** @default none: the socket is a session of its own */
  sessionId?: string;
  /** @default 'test-token' */
  token?: string;
}

/** A test socket on `/connections`. */
export function connectGateway(url: string, options: GatewaySocketOptions = {}): Socket {
  return connectSocket(url, {
    namespace: CONNECTIONS_NAMESPACE,
    ...(options.token === undefined ? {} : { token: options.token }),
    ...(options.sessionId === undefined ? {} : { auth: { sessionId: options.sessionId } }),
  });
}

export function gatewayCommand<C extends ConnectionCommandName>(socket: Socket, name: C, request: ConnectionCommandRequest<C>): Promise<ConnectionCommandAck<C>> {
  return socket.emitWithAck(name, request) as Promise<ConnectionCommandAck<C>>;
}

/** Expects a successful acknowledgement and returns it. */
export async function okGatewayCommand<C extends ConnectionCommandName>(socket: Socket, name: C, request: ConnectionCommandRequest<C>) {
  const ack = await gatewayCommand(socket, name, request);
  if (!ack.ok) throw new Error(`${name} failed: ${ack.error.code} ${ack.error.message}`);
  return ack as Extract<ConnectionCommandAck<C>, { ok: true }>;
}

export const tool = (name: string): ToolDescriptor => ({ name, description: `${name} for tests`, parameters: { type: 'object' } });

export type FrameRecorder = ReturnType<typeof recordFrames>;

/** Records every gateway frame a socket receives, in order, and lets a test wait for one. */
export function recordFrames(socket: Socket) {
  const frames: ConnectionEvent[] = [];
  const waiters = new Set<() => void>();
  socket.onAny((_name: string, frame: ConnectionEvent) => {
    frames.push(frame);
    for (const waiter of [...waiters]) waiter();
  });
  const waitFor = (predicate: (frame: ConnectionEvent) => boolean): Promise<ConnectionEvent> =>
    new Promise((resolve) => {
      const check = () => {
        const found = frames.find(predicate);
        if (!found) return false;
        waiters.delete(check);
        resolve(found);
        return true;
      };
      if (!check()) waiters.add(check);
    });
  return {
    frames,
    ofType: <T extends ConnectionEventType>(type: T) => frames.filter((frame): frame is ConnectionEventOf<T> => frame.type === type),
    waitFor,
    /** The first frame of that type, waiting for it if need be. */
    next: <T extends ConnectionEventType>(type: T) => waitFor((frame) => frame.type === type) as Promise<ConnectionEventOf<T>>,
  };
}

/** A connected, subscribed gateway socket that synced `tools` as revision 1, recording its frames. */
export async function gatewayWithTools(url: string, tools: string[], options: GatewaySocketOptions & { lastEventId?: string } = {}) {
  const socket = connectGateway(url, options);
  const recorder = recordFrames(socket);
  await connected(socket);
  const subscribed = await okGatewayCommand(socket, 'connections:subscribe', options.lastEventId === undefined ? {} : { lastEventId: options.lastEventId });
  await okGatewayCommand(socket, 'tools:sync', { revision: 1, tools: tools.map(tool) });
  return { socket, recorder, subscribed };
}

export async function fetchEntities(url: string, sessionId: string | null, token = 'test-token'): Promise<EntitiesResponse> {
  const query = sessionId === null ? '' : `?sessionId=${encodeURIComponent(sessionId)}`;
  const response = await fetch(`${url}${ENTITIES_PATH}${query}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`entities: HTTP ${response.status}`);
  return (await response.json()) as EntitiesResponse;
}
