import type { Socket } from 'socket.io';
import type { EntitiesResponse, EntitySnapshot } from '../../src/protocol/index.js';
import type { ClientTools } from '../../src/testing/agent/client-tools.js';
import type { ClientToolOutcome } from '../../src/testing/scenarios/scenario-types.js';
import type { FaultInjector } from '../faults/fault-injector.js';
import { handshakeToken } from '../handshake-token.js';
import { startSocketSession } from '../socket-session.js';
import { createClientToolInvoker, type InvocationRequest } from './client-tool-invoker.js';
import { createEntityStore, type EntityChange } from './entity-store.js';
import { startEntityTicker } from './entity-ticker.js';
import { runGatewayCommand, type GatewayCommandContext } from './gateway-commands.js';
import { handshakeSessionId } from './gateway-session-id.js';
import type { ConnectionEventBody, GatewayConnection, GatewaySession, GatewaySessionStore } from './gateway-session-store.js';
import { createGatewayStats, type GatewayStats } from './gateway-stats.js';

/** A gateway session as `server.connections.sessions()` shows it. */
export interface GatewaySessionInfo {
  /** `null` for a socket that named no session. */
  sessionId: string | null;
  token: string;
  /** The revision of the tool set held; `null` before the first `tools:sync`. */
  revision: number | null;
  tools: string[];
  /** Whether a socket owns the session now (subscribed or not). */
  connected: boolean;
  openInvocations: number;
  answered: number;
}

/** The gateway as tests drive it (`server.connections`). */
export interface ConnectionsApi {
  /**
   * Stores the entity's next version and sends `entity:updated` to every gateway session of the token. A patch is
   * applied to the current snapshot.
   * @throws Error when a patch is malformed, cannot apply, or the entity has no version yet
   */
  updateEntity(token: string, entityType: string, entityId: string, change: EntityChange): EntitySnapshot;
  /** Calls a browser-side tool of the token's sessions without a turn; settles as a turn's call would. */
  invoke(request: InvocationRequest & { signal?: AbortSignal }): Promise<ClientToolOutcome>;
  sessions(): readonly GatewaySessionInfo[];
  stats(): GatewayStats;
}

export interface ConnectionsGatewayDeps {
  sessions: GatewaySessionStore;
  tokens: ReadonlySet<string>;
  faults: FaultInjector;
  /** Read when needed, so the replay window can change while the server runs. */
  settings: { replayWindowMs: number };
  authDelayMs: number;
  clientToolTimeoutMs: number;
  /** 0: no demo entity updates. */
  entityTickMs: number;
  now(): number;
}

/** The `/connections` namespace: gateway sessions, their commands, entities and browser-side tool calls. */
export function createConnectionsGateway(deps: ConnectionsGatewayDeps) {
  const { sessions } = deps;
  const entities = createEntityStore();
  const stats = createGatewayStats();

  const publish = (session: GatewaySession, body: ConnectionEventBody) => {
    const frame = sessions.append(session, body);
    if (session.subscribed) session.connection?.deliver(frame);
  };
  const invoker = createClientToolInvoker({ sessions, publish, stats, defaultTimeoutMs: deps.clientToolTimeoutMs });

  const drop = (session: GatewaySession) => {
    sessions.remove(session);
    stats.count('sessionsDropped');
    invoker.failSession(session);
  };

  /** The newer socket owns the session from now on; the older one is disconnected. */
  const takeOver = (token: string, sessionId: string | null, connection: GatewayConnection): GatewaySession => {
    const session = sessions.session(token, sessionId);
    clearTimeout(session.dropTimer);
    const previous = session.connection;
    // Set before disconnecting the older socket, so its disconnect handler sees it no longer owns the session.
    session.connection = connection;
    session.subscribed = false;
    if (previous) {
      stats.count('takeovers');
      previous.disconnect();
    }
    return session;
  };

  const release = (session: GatewaySession, connection: GatewayConnection) => {
    if (session.connection !== connection) return;
    session.connection = null;
    session.subscribed = false;
    // Nobody can come back to a session without a name: it ends with its socket.
    if (session.sessionId === null) return drop(session);
    session.dropTimer = setTimeout(() => drop(session), deps.settings.replayWindowMs);
  };

  const updateEntity = (token: string, entityType: string, entityId: string, change: EntityChange): EntitySnapshot => {
    const updated = entities.update(token, entityType, entityId, change);
    stats.count('entityUpdates');
    const { version } = updated.entity;
    for (const session of sessions.sessionsOf(token)) publish(session, { type: 'entity:updated', entityType, entityId, version, ...updated.change });
    return updated.entity;
  };

  const onConnection = (socket: Socket) => {
    const token = handshakeToken(socket.handshake) ?? '';
    const sessionId = handshakeSessionId(socket.handshake);
    const pipeline = deps.faults.attachGateway(socket);
    const connection: GatewayConnection = { deliver: pipeline.deliver, disconnect: () => void socket.disconnect() };
    let session: GatewaySession | undefined;
    socket.once('disconnect', () => {
      deps.faults.detach(pipeline);
      if (session) release(session, connection);
    });
    startSocketSession(socket, {
      authDelayMs: deps.faults.sessionDelayMs(deps.authDelayMs),
      isSilent: pipeline.isSilent,
      isTokenAccepted: () => deps.tokens.has(token),
      openSession: () => {
        const owned = takeOver(token, sessionId, connection);
        session = owned;
        const context: GatewayCommandContext = {
          session: owned,
          sessions,
          get replayWindowMs() {
            return deps.settings.replayWindowMs;
          },
          now: deps.now,
          attach(replayed) {
            for (const frame of replayed) connection.deliver(frame);
            owned.subscribed = owned.connection === connection;
          },
          answer: (invocationId, outcome) => invoker.answer(owned, invocationId, outcome),
        };
        return (name, payload) => {
          stats.count('framesHandled');
          return runGatewayCommand(context, name, payload);
        };
      },
    });
  };

  const stopTicker =
    deps.entityTickMs > 0
      ? startEntityTicker({
          intervalMs: deps.entityTickMs,
          connectedTokens: () => [...new Set(sessions.all().filter((session) => session.connection).map((session) => session.token))],
          current: entities.get,
          update: updateEntity,
          now: deps.now,
        })
      : () => {};

  const clientTools: ClientTools = {
    invoke: (turn, request, signal) => invoker.invoke({ token: turn.owner, ...request }, signal),
  };

  const api: ConnectionsApi = {
    updateEntity,
    invoke: ({ signal, ...request }) => invoker.invoke(request, signal),
    sessions: () =>
      sessions.all().map((session) => ({
        sessionId: session.sessionId,
        token: session.token,
        revision: session.tools?.revision ?? null,
        tools: session.tools?.descriptors.map((tool) => tool.name) ?? [],
        connected: session.connection !== null,
        openInvocations: session.openInvocations.size,
        answered: session.answeredInvocationIds.size,
      })),
    stats: stats.snapshot,
  };

  return {
    onConnection,
    /** For the turn runner: a turn's browser-side tool calls go to its owner's sessions. */
    clientTools,
    api,

    /** What `GET /api/connections/entities` answers. */
    entitiesFor(token: string, sessionId: string | null): EntitiesResponse {
      const session = sessionId === null ? undefined : sessions.find(token, sessionId);
      return {
        lastEventId: session ? sessions.lastEventId(session) : null,
        entities: entities.list(token),
        invocations: session ? [...session.openInvocations.values()].map((invocation) => structuredClone(invocation)) : [],
      };
    },

    dispose() {
      stopTicker();
      for (const session of sessions.all()) clearTimeout(session.dropTimer);
      invoker.dispose();
    },
  };
}
