import type { ConnectionEvent, OpenInvocation, ToolDescriptor } from '../../../src/protocol/index.js';
import { createConnection, type ClientBoundPacket, type Connection, type ServerBoundFrame } from './connection.js';
import { createGatewayAgent } from './gateway-agent.js';
import { invalid, invocationNotFound, parseAnswer, parseSubscribe, parseToolSync, requestOf, unknownCommand, type AnyAck } from './gateway-commands.js';
import { createEntitiesEndpoint } from './gateway-entities-endpoint.js';
import { createEntityUpdates } from './gateway-entity-updates.js';
import { countGatewayFault, type GatewayFault, type GatewayFaultCounts } from './gateway-faults.js';
import { createGatewayLog, type GatewayFrameBody, type GatewayLog } from './gateway-log.js';
import type { Network } from './network.js';
import { REPLAY_WINDOW_MS, SIM_TOKEN } from './sim-server.js';
import type { HandshakeResult } from './sim-socket.js';

export type { GatewayAnswer } from './gateway-commands.js';

interface GatewaySocket {
  connection: Connection;
  /** Live frames go to this socket once it subscribed. */
  subscribed: boolean;
  /** Ack ids of `tool:result`/`tool:error`, to count the acknowledgements a drop took. */
  answerAckIds: Set<number>;
}

interface GatewaySession {
  sessionId: string;
  log: GatewayLog;
  socket: GatewaySocket | null;
  /** Server time at which the session's last socket went away. */
  socketGoneAt: number;
  tools: { revision: number; tools: ToolDescriptor[] };
}

export type GatewaySimServer = ReturnType<typeof createGatewaySimServer>;

/**
 * The connections gateway of docs/protocol.md in memory: sessions named by `sessionId` with an epoch, a seq and a
 * 30 s replay window, the three frames, the five commands, answers idempotent per invocation, the highest tool
 * revision kept, and the entities endpoint; plus the faults of `GatewayFault`. A session starts at its first use
 * (a handshake, an invocation or an entity change). The agent side keeps its open invocations by `sessionId`
 * across the session's expiry, and offers them again to the session that follows.
 */
export function createGatewaySimServer(options: { network: Network; burstSize: () => number }) {
  const { network } = options;
  const sessions = new Map<string, GatewaySession>();
  const faultsApplied: GatewayFaultCounts = {};
  /** Every revision the server took as its tool set, in order. */
  const acceptedRevisions: { sessionId: string; revision: number }[] = [];
  const armed = { dropOnAnswer: false, resendInvocations: false, entitiesUnavailable: false };
  /** Every `connections:subscribe` that reached the server, in order, with whether it resumed. */
  const subscribes: { lastEventId: string | undefined; resumed: boolean }[] = [];
  /**
   * `blindStarts`: subscribes with no `lastEventId` answered `resumed: false, lastEventId: null` while entities
   * existed, so that only the entities endpoint could tell the client about them.
   */
  const counters = { sameRevisionConflicts: 0, answerAcksLost: 0, blindStarts: 0 };
  let heldForSwap: { session: GatewaySession; frame: ConnectionEvent } | null = null;
  let unreachableUntil = 0;
  let clockSkewMs = 0;
  let connectionCounter = 0;
  let epochCounter = 0;
  let straysInFlight = 0;
  let straysWaiting: ClientBoundPacket[] = [];

  const serverNow = () => Date.now() + clockSkewMs;
  const applied = (kind: string) => countGatewayFault(faultsApplied, kind);
  const packet = (frame: ConnectionEvent): ClientBoundPacket => ({ kind: 'event', name: frame.type, payload: frame });
  const invokeBody = (request: OpenInvocation): GatewayFrameBody => ({ type: 'tool:invoke', ...request });

  /** The session of `sessionId`; one whose socket has been gone for longer than the replay window starts again. */
  function sessionFor(sessionId: string): GatewaySession {
    const existing = sessions.get(sessionId);
    if (existing && (existing.socket !== null || serverNow() - existing.socketGoneAt <= REPLAY_WINDOW_MS)) return existing;
    const session: GatewaySession = { sessionId, log: createGatewayLog(`gw${++epochCounter}`), socket: null, socketGoneAt: serverNow(), tools: { revision: 0, tools: [] } };
    sessions.set(sessionId, session);
    if (existing) applied('session-expired');
    for (const open of agent.open(sessionId)) session.log.append(invokeBody(open.request), serverNow());
    return session;
  }

  function send(session: GatewaySession, frame: ConnectionEvent, fault: 'duplicate' | 'swap' | null) {
    const socket = session.socket;
    if (!socket?.subscribed) return;
    const open = socket.connection.state === 'open';
    if (fault === 'swap' && open && !heldForSwap) {
      heldForSwap = { session, frame };
      return applied('swap');
    }
    socket.connection.sendToClient(packet(frame));
    if (fault === 'duplicate' && open) {
      socket.connection.sendToClient(packet(frame));
      applied('duplicate');
    }
    if (heldForSwap && heldForSwap.frame !== frame) {
      const held = heldForSwap;
      heldForSwap = null;
      if (held.session === session) socket.connection.sendToClient(packet(held.frame));
    }
  }

  const emit = (session: GatewaySession, body: GatewayFrameBody, fault: 'duplicate' | 'swap' | null = null) =>
    send(session, session.log.append(body, serverNow()), fault);

  const agent = createGatewayAgent({
    network,
    offer: (sessionId, request, fault) => emit(sessionFor(sessionId), invokeBody(request), fault),
    cancel: (sessionId, invocationId) => emit(sessionFor(sessionId), { type: 'tool:cancel', invocationId, reason: 'turn-cancelled' }),
    applied,
  });
  const entityUpdates = createEntityUpdates({ emit: (sessionId, body, fault) => emit(sessionFor(sessionId), body, fault), applied });
  const { entities } = entityUpdates;

  function dropConnection(session: GatewaySession): ClientBoundPacket[] {
    const socket = session.socket;
    if (!socket) return [];
    if (heldForSwap?.session === session) heldForSwap = null;
    const undelivered = socket.connection.closeFromServer('transport close');
    counters.answerAcksLost += undelivered.filter((lost) => lost.kind === 'ack' && socket.answerAckIds.has(lost.ackId)).length;
    session.socket = null;
    session.socketGoneAt = serverNow();
    return undelivered;
  }

  function subscribe(session: GatewaySession, socket: GatewaySocket, request: Record<string, unknown>): { reply: AnyAck; after?: () => void } {
    const parsed = parseSubscribe(request);
    if (!parsed) return { reply: invalid('connections:subscribe') };
    const { lastEventId } = parsed;
    const replay = session.log.replayAfter(lastEventId, serverNow(), REPLAY_WINDOW_MS);
    // Replay and subscribe in one synchronous run: no live frame can come between them.
    if (replay.resumed) for (const frame of replay.events) socket.connection.sendToClient(packet(frame));
    socket.subscribed = true;
    subscribes.push({ lastEventId, resumed: replay.resumed });
    const reply = { ok: true as const, resumed: replay.resumed, lastEventId: session.log.lastEventId };
    if (lastEventId === undefined && reply.lastEventId === null && entities.all().length > 0) counters.blindStarts += 1;
    if (replay.resumed || !armed.resendInvocations) return { reply };
    const after = () => {
      const open = agent.open(session.sessionId);
      if (open.length === 0) return;
      armed.resendInvocations = false;
      for (const entry of open) emit(session, invokeBody(entry.request));
      applied('resend-invocations');
    };
    return { reply, after };
  }

  function syncTools(session: GatewaySession, request: Record<string, unknown>): AnyAck {
    const parsed = parseToolSync(request);
    if (!parsed) return invalid('tools:sync');
    const { revision, tools } = parsed;
    const held = session.tools;
    if (revision === held.revision && JSON.stringify(tools) !== JSON.stringify(held.tools)) counters.sameRevisionConflicts += 1;
    if (revision > held.revision) {
      session.tools = { revision, tools };
      acceptedRevisions.push({ sessionId: session.sessionId, revision });
    }
    return { ok: true, revision: session.tools.revision };
  }

  function answer(session: GatewaySession, name: 'tool:result' | 'tool:error', request: Record<string, unknown>): { reply: AnyAck; after?: () => void } {
    const parsed = parseAnswer(name, request);
    if (!parsed) return { reply: invalid(name) };
    const verdict = agent.answer(session.sessionId, parsed.invocationId, parsed.answer);
    if (verdict === 'not-found') return { reply: invocationNotFound(parsed.invocationId) };
    if (verdict === 'repeat' || !armed.dropOnAnswer) return { reply: { ok: true } };
    armed.dropOnAnswer = false;
    // The acknowledgement is queued first, so the drop takes it with the connection.
    return { reply: { ok: true }, after: () => (dropConnection(session), applied('drop-on-answer')) };
  }

  function runCommand(session: GatewaySession, socket: GatewaySocket, frame: ServerBoundFrame): { reply: AnyAck; after?: () => void } {
    const request = requestOf(frame.payload);
    switch (frame.name) {
      case 'connections:subscribe':
        return subscribe(session, socket, request);
      case 'tools:sync':
        return { reply: syncTools(session, request) };
      case 'tool:result':
      case 'tool:error':
        if (frame.ackId !== null) socket.answerAckIds.add(frame.ackId);
        return answer(session, frame.name, request);
      case 'connection:ping':
        return { reply: { ok: true, ts: serverNow() } };
      default:
        return { reply: unknownCommand(frame.name) };
    }
  }

  function handshake(auth: object): HandshakeResult {
    const { token, sessionId } = auth as { token?: unknown; sessionId?: unknown };
    if (token !== SIM_TOKEN) return { ok: false, reason: 'unauthorized' };
    if (Date.now() < unreachableUntil) return { ok: false, reason: 'unreachable' };
    connectionCounter += 1;
    const validSessionId = typeof sessionId === 'string' && sessionId.length >= 1 && sessionId.length <= 128;
    const session = sessionFor(validSessionId ? sessionId : `socket-${connectionCounter}`);
    // A newer socket of the same session takes it over.
    dropConnection(session);
    const connection = createConnection({ id: connectionCounter, network, burstSize: options.burstSize });
    const socket: GatewaySocket = { connection, subscribed: false, answerAckIds: new Set() };
    session.socket = socket;
    connection.onServerFrame((frame) => {
      const { reply, after } = runCommand(session, socket, frame);
      if (frame.ackId !== null) connection.sendToClient({ kind: 'ack', ackId: frame.ackId, reply });
      after?.();
    });
    network.later(`gateway connection ${connection.id}: the server finishes loading the session`, () => connection.markServerSessionReady());
    for (const stray of straysWaiting.splice(0)) {
      straysInFlight += 1;
      network.later(`gateway connection ${connection.id}: a stray frame of the old epoch`, () => {
        straysInFlight -= 1;
        connection.sendToClient(stray);
        if (connection.state === 'open') applied('stray-frame');
      });
    }
    return { ok: true, connection };
  }

  return {
    handshake,
    fetch: createEntitiesEndpoint({
      network,
      token: SIM_TOKEN,
      unavailable: () => {
        if (!armed.entitiesUnavailable) return false;
        armed.entitiesUnavailable = false;
        applied('entities-unavailable');
        return true;
      },
      entities: (sessionId) => {
        const session = sessions.get(sessionId);
        return {
          lastEventId: session?.log.lastEventId ?? null,
          entities: entities.all(),
          invocations: agent.open(sessionId).map((entry) => entry.request),
        };
      },
    }),
    faultsApplied,
    acceptedRevisions,
    subscribes: subscribes as readonly { lastEventId: string | undefined; resumed: boolean }[],
    counters,
    invocations: agent.invocations,
    invoke: agent.invoke,
    cancel: agent.cancel,
    entities: () => entities.all(),
    /** The session's current tool set and revision (a session that has not started holds none). */
    tools: (sessionId: string) => sessions.get(sessionId)?.tools ?? { revision: 0, tools: [] },

    /** Changes an entity and tells the session, as a snapshot or (after version 1) a patch, through `fault` if any. */
    updateEntity: entityUpdates.update,

    inject(sessionId: string, fault: GatewayFault) {
      const session = sessions.get(sessionId);
      switch (fault.kind) {
        case 'drop':
        case 'expire-window':
          if (fault.kind === 'expire-window') clockSkewMs += REPLAY_WINDOW_MS + 1;
          if (session) dropConnection(session);
          unreachableUntil = Math.max(unreachableUntil, Date.now() + fault.outageMs);
          return applied(fault.kind);
        case 'epoch-change': {
          if (!session) return;
          const oldTail = session.log.frames.slice(-2);
          session.log.renumber(`gw${++epochCounter}`);
          const undelivered = dropConnection(session).filter((lost) => lost.kind === 'event');
          if (fault.strays) straysWaiting = [...undelivered, ...oldTail.map(packet)];
          return applied('epoch-change');
        }
        case 'half-open':
          if (session?.socket?.connection.state !== 'open') return;
          session.socket.connection.goHalfOpen();
          return applied('half-open');
        case 'drop-on-answer':
          armed.dropOnAnswer = true;
          return;
        case 'resend-invocations':
          armed.resendInvocations = true;
          return;
        case 'entities-unavailable':
          armed.entitiesUnavailable = true;
          return;
      }
    },

    /** Frames held back for a swap whose successor never came go out now. */
    releaseHeldFrames() {
      entityUpdates.releaseHeld();
      if (heldForSwap) {
        const { session, frame } = heldForSwap;
        heldForSwap = null;
        if (session.socket?.subscribed) session.socket.connection.sendToClient(packet(frame));
      }
    },

    /** Nothing the server still owes: no held, stray or re-sent frame waiting, nothing in flight to the client. */
    quiet(sessionId: string) {
      const socket = sessions.get(sessionId)?.socket;
      return heldForSwap === null && !entityUpdates.holding && straysInFlight === 0 && agent.idle && (socket?.connection.pendingToClient ?? 0) === 0;
    },
    connectionState: (sessionId: string) => sessions.get(sessionId)?.socket?.connection.state ?? 'closed',
  };
}
