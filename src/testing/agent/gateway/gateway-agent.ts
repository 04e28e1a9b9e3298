import type { Ack, EntitiesResponse, EntitySnapshot, OpenInvocation } from '../../../protocol/index.js';
import type { ClientToolOutcome } from '../../scenarios/scenario-types.js';
import type { ClientTools } from '../client-tools.js';
import { createClientToolInvoker, type InvocationRequest } from './client-tool-invoker.js';
import { createEntityStore, type EntityChange } from './entity-store.js';
import { runGatewayCommand, type GatewayCommandContext } from './gateway-commands.js';
import { createGatewaySessionStore, type ConnectionEventBody, type GatewayConnection, type GatewaySession } from './gateway-session-store.js';
import { createGatewayStats, type GatewayStats } from './gateway-stats.js';

/** A gateway session as `sessions()` shows it. */
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

export interface GatewayAgentOptions {
  now(): number;
  /** How long frames stay replayable and a session outlives its last socket; read at each use, so it may change. */
  replayWindowMs(): number;
  /** How long a browser has to answer a tool call that names no timeout of its own. */
  clientToolTimeoutMs: number;
}

/** One socket's hold on its gateway session, from its handshake until it goes away. */
export interface GatewayLink {
  /** Runs one command of the socket synchronously (so commands take effect in arrival order) and returns its acknowledgement. */
  run(name: string, payload: unknown): Ack;
  /** The socket went away: the session waits the replay window for another one (a session without a name ends now). */
  release(): void;
}

export type GatewayAgent = ReturnType<typeof createGatewayAgent>;

/**
 * The connections gateway without a transport: gateway sessions (epochs, replay window, takeover, drop after the
 * window), their commands, entities and browser-side tool calls. The mock server runs it behind Socket.IO, the test
 * server and the stories' mock agent behind their in-memory sockets.
 * @example
 * const gateway = createGatewayAgent({ now: Date.now, replayWindowMs: () => 30_000, clientToolTimeoutMs: 90_000 });
 * const link = gateway.connect('token', 'tab-1', { deliver: (frame) => socket.emit(frame.type, frame), disconnect: () => socket.disconnect() });
 * socket.onAny((name, payload, ack) => ack(link.run(name, payload)));
 */
export function createGatewayAgent(options: GatewayAgentOptions) {
  const sessions = createGatewaySessionStore({ now: options.now });
  const entities = createEntityStore();
  const stats = createGatewayStats();
  let disposed = false;

  const publish = (session: GatewaySession, body: ConnectionEventBody) => {
    const frame = sessions.append(session, body);
    if (session.subscribed) session.connection?.deliver(frame);
  };
  const invoker = createClientToolInvoker({ sessions, publish, stats, defaultTimeoutMs: options.clientToolTimeoutMs });

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
    // Set before disconnecting the older socket, so its release sees it no longer owns the session.
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
    // Sockets closed by the shutdown itself leave no timer behind.
    if (disposed) return;
    session.dropTimer = setTimeout(() => drop(session), options.replayWindowMs());
  };

  const clientTools: ClientTools = {
    invoke: (turn, request, signal) => invoker.invoke({ token: turn.owner, ...request }, signal),
  };

  return {
    /** A socket of `(token, sessionId)` finished its handshake: it takes the session over (created if need be). */
    connect(token: string, sessionId: string | null, connection: GatewayConnection): GatewayLink {
      const session = takeOver(token, sessionId, connection);
      const context: GatewayCommandContext = {
        session,
        sessions,
        get replayWindowMs() {
          return options.replayWindowMs();
        },
        now: options.now,
        attach(replayed) {
          for (const frame of replayed) connection.deliver(frame);
          session.subscribed = session.connection === connection;
        },
        answer: (invocationId, outcome) => invoker.answer(session, invocationId, outcome),
      };
      return {
        run(name, payload) {
          stats.count('framesHandled');
          return runGatewayCommand(context, name, payload);
        },
        release: () => release(session, connection),
      };
    },

    /** For the turn runner: a turn's browser-side tool calls go to its owner's sessions. */
    clientTools,

    /**
     * Stores the entity's next version and sends `entity:updated` to every gateway session of the token. A patch is
     * applied to the current snapshot.
     * @throws Error when a patch is malformed, cannot apply, or the entity has no version yet
     */
    updateEntity(token: string, entityType: string, entityId: string, change: EntityChange): EntitySnapshot {
      const updated = entities.update(token, entityType, entityId, change);
      stats.count('entityUpdates');
      const { version } = updated.entity;
      for (const session of sessions.sessionsOf(token)) publish(session, { type: 'entity:updated', entityType, entityId, version, ...updated.change });
      return updated.entity;
    },

    /** Calls a browser-side tool of the token's sessions without a turn; settles as a turn's call would. */
    invoke: ({ signal, ...request }: InvocationRequest & { signal?: AbortSignal }): Promise<ClientToolOutcome> => invoker.invoke(request, signal),

    sessions: (): GatewaySessionInfo[] =>
      sessions.all().map((session) => ({
        sessionId: session.sessionId,
        token: session.token,
        revision: session.tools?.revision ?? null,
        tools: session.tools?.descriptors.map((tool) => tool.name) ?? [],
        connected: session.connection !== null,
        openInvocations: session.openInvocations.size,
        answered: session.answeredInvocationIds.size,
      })),

    stats: (): GatewayStats => stats.snapshot(),

    /** Invocations sent and not answered, cancelled or failed yet, of every session. */
    openInvocations: (): OpenInvocation[] => sessions.all().flatMap((session) => [...session.openInvocations.values()].map((invocation) => structuredClone(invocation))),

    /** What `GET /api/connections/entities?sessionId=` answers; an unknown or missing session has no position and no invocations. */
    entities(token: string, sessionId: string | null): EntitiesResponse {
      const session = sessionId === null ? undefined : sessions.find(token, sessionId);
      return {
        lastEventId: session ? sessions.lastEventId(session) : null,
        entities: entities.list(token),
        invocations: session ? [...session.openInvocations.values()].map((invocation) => structuredClone(invocation)) : [],
      };
    },

    /** As after a restart from persisted state: every session gets a new epoch, keeping its tools and open invocations. */
    restartEpoch: sessions.restartEpoch,
    /** Ages every stored frame past any replay window. */
    expireReplay: sessions.expireReplay,

    /** Every open invocation settles as cancelled, and no timer is left behind. */
    dispose() {
      disposed = true;
      for (const session of sessions.all()) clearTimeout(session.dropTimer);
      invoker.dispose();
    },
  };
}
