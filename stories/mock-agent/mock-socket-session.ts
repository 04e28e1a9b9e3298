import type { WebSocketHandlerConnection } from 'msw';
import { runMockCommand } from './mock-commands.js';
import type { MockSubscriber, MockWorld } from './mock-world.js';
import {
  ackFrame,
  connectErrorFrame,
  connectFrame,
  createClientFrameReader,
  ENGINE_PING_FRAME,
  engineOpenFrame,
  eventFrame,
  PacketType,
  type Packet,
} from './socket-io-frames.js';

const PING_INTERVAL_MS = 25_000;
const agentNamespacePattern = /^\/agents\/([^/]+)\/chat\/stream$/;

export interface MockSessionOptions {
  client: WebSocketHandlerConnection['client'];
  /** The current world: read on every frame, because a story reset replaces it. */
  world(): MockWorld;
  tokens: ReadonlySet<string>;
}

/**
 * Speaks Socket.IO over one intercepted WebSocket: the engine.io handshake, a CONNECT per namespace
 * checked against the `auth.token`, commands answered with acks, and thread events pushed to the
 * namespaces that subscribed to them.
 */
export function startMockSocketSession({ client, world, tokens }: MockSessionOptions): void {
  /** Connected namespaces of this socket, by namespace name. */
  const namespaces = new Map<string, MockSubscriber & { world: MockWorld }>();

  const leave = (nsp: string) => {
    const subscriber = namespaces.get(nsp);
    subscriber?.world.subscribers.delete(subscriber);
    namespaces.delete(nsp);
  };
  const close = () => {
    clearInterval(pingTimer);
    for (const nsp of [...namespaces.keys()]) leave(nsp);
  };

  const connect = (packet: Packet) => {
    const agentId = agentIdOf(packet.nsp);
    if (agentId === null) return client.send(connectErrorFrame(packet.nsp, 'Invalid namespace'));
    const token: unknown = (packet.data as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || !tokens.has(token)) return client.send(connectErrorFrame(packet.nsp, 'unauthorized'));
    leave(packet.nsp);
    const current = world();
    const subscriber = {
      agentId,
      world: current,
      threadIds: new Set<string>(),
      deliver: (event: { type: string }) => client.send(eventFrame(packet.nsp, event.type, event)),
    };
    namespaces.set(packet.nsp, subscriber);
    current.subscribers.add(subscriber);
    client.send(connectFrame(packet.nsp, `${client.id}${packet.nsp}`));
  };

  const command = (packet: Packet) => {
    const subscriber = namespaces.get(packet.nsp);
    const [name, payload] = Array.isArray(packet.data) ? (packet.data as [unknown, unknown]) : [];
    if (!subscriber || typeof name !== 'string') return;
    const reply = runMockCommand(subscriber.world, subscriber, name, payload);
    if (packet.id !== undefined) client.send(ackFrame(packet.nsp, packet.id, reply));
  };

  const read = createClientFrameReader({
    onClose: close,
    onPacket(packet) {
      if (packet.type === PacketType.CONNECT) connect(packet);
      else if (packet.type === PacketType.DISCONNECT) leave(packet.nsp);
      else if (packet.type === PacketType.EVENT) command(packet);
    },
  });
  client.addEventListener('message', (event) => read(event.data));
  client.addEventListener('close', close);

  // Sent on the next task: a frame sent while the connection event is still running reaches no listener.
  setTimeout(() => client.send(engineOpenFrame(client.id, PING_INTERVAL_MS)), 0);
  const pingTimer = setInterval(() => client.send(ENGINE_PING_FRAME), PING_INTERVAL_MS);
}

function agentIdOf(nsp: string): string | null {
  if (nsp === '/') return 'default';
  const encoded = agentNamespacePattern.exec(nsp)?.[1];
  if (encoded === undefined) return null;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}
