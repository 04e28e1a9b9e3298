import type { WebSocketHandlerConnection } from 'msw';
import { CONNECTIONS_NAMESPACE, type Ack } from '../../src/protocol/index.js';
import type { GatewayLink } from '../../src/testing/agent/gateway/gateway-agent.js';
import { parseGatewaySessionId } from '../../src/testing/agent/gateway/gateway-session-id.js';
import { createHeldFrameSender } from './held-frame-sender.js';
import { runMockCommand } from './mock-commands.js';
import { MOCK_OWNER, type MockSubscriber, type MockWorld } from './mock-world.js';
import {
  ackFrame,
  connectErrorFrame,
  connectFrame,
  createClientFrameReader,
  disconnectFrame,
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
 * checked against the `auth.token`, commands answered with acks, thread events pushed to the
 * namespaces that subscribed to them, and the connections gateway on `/connections`.
 */
export function startMockSocketSession({ client, world, tokens }: MockSessionOptions): void {
  /** Connected chat namespaces of this socket, by namespace name. */
  const namespaces = new Map<string, MockSubscriber & { world: MockWorld }>();
  /** This socket's hold on its gateway session, once `/connections` connected. */
  let gateway: GatewayLink | null = null;
  let closed = false;
  /** Namespace frames go through here, so a story can hold them back (`delayFrames`); engine frames never wait. */
  const frames = createHeldFrameSender(
    (frame) => client.send(frame),
    () => world().delays.holdFramesUntil,
  );

  const leaveGateway = () => {
    gateway?.release();
    gateway = null;
  };
  const leave = (nsp: string) => {
    if (nsp === CONNECTIONS_NAMESPACE) return leaveGateway();
    const subscriber = namespaces.get(nsp);
    subscriber?.world.subscribers.delete(subscriber);
    namespaces.delete(nsp);
  };
  const close = () => {
    closed = true;
    frames.close();
    clearInterval(pingTimer);
    for (const nsp of [...namespaces.keys()]) leave(nsp);
    leaveGateway();
  };

  const connectGateway = (packet: Packet) => {
    const sessionId = parseGatewaySessionId(packet.data);
    if (!sessionId.ok) return frames.send(connectErrorFrame(packet.nsp, 'invalid_session_id'));
    leaveGateway();
    const link = world().gateway.connect(MOCK_OWNER, sessionId.sessionId, {
      deliver: (frame) => frames.send(eventFrame(packet.nsp, frame.type, frame)),
      // A newer socket took the session over.
      disconnect() {
        if (gateway === link) gateway = null;
        frames.send(disconnectFrame(packet.nsp));
      },
    });
    gateway = link;
    frames.send(connectFrame(packet.nsp, `${client.id}${packet.nsp}`));
  };

  const hasToken = (packet: Packet) => {
    const token: unknown = (packet.data as { token?: unknown } | undefined)?.token;
    return typeof token === 'string' && tokens.has(token);
  };

  const connect = (packet: Packet) => {
    if (packet.nsp === CONNECTIONS_NAMESPACE) return hasToken(packet) ? connectGateway(packet) : frames.send(connectErrorFrame(packet.nsp, 'unauthorized'));
    const agentId = agentIdOf(packet.nsp);
    if (agentId === null) return frames.send(connectErrorFrame(packet.nsp, 'Invalid namespace'));
    if (!hasToken(packet)) return frames.send(connectErrorFrame(packet.nsp, 'unauthorized'));
    leave(packet.nsp);
    const current = world();
    const subscriber = {
      agentId,
      world: current,
      threadIds: new Set<string>(),
      deliver: (event: { type: string }) => frames.send(eventFrame(packet.nsp, event.type, event)),
    };
    namespaces.set(packet.nsp, subscriber);
    current.subscribers.add(subscriber);
    frames.send(connectFrame(packet.nsp, `${client.id}${packet.nsp}`));
  };

  /** Runs a command of a connected namespace; null when the namespace is not connected. */
  const run = (nsp: string, name: string, payload: unknown): Ack | null => {
    if (nsp === CONNECTIONS_NAMESPACE) return gateway?.run(name, payload) ?? null;
    const subscriber = namespaces.get(nsp);
    return subscriber ? runMockCommand(subscriber.world, subscriber, name, payload) : null;
  };

  const command = (packet: Packet) => {
    const [name, payload] = Array.isArray(packet.data) ? (packet.data as [unknown, unknown]) : [];
    if (typeof name !== 'string') return;
    const reply = run(packet.nsp, name, payload);
    if (reply && packet.id !== undefined) frames.send(ackFrame(packet.nsp, packet.id, reply));
  };

  // A slow session lookup: the namespace is answered only after the story's auth delay.
  const connectAfterAuthDelay = (packet: Packet) => {
    const delayMs = world().delays.authMs;
    if (delayMs <= 0) return connect(packet);
    setTimeout(() => closed || connect(packet), delayMs);
  };

  const read = createClientFrameReader({
    onClose: close,
    onPacket(packet) {
      if (packet.type === PacketType.CONNECT) connectAfterAuthDelay(packet);
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
