import type { ConnectionEvent, OpenInvocation, ToolDescriptor } from '../../../protocol/index.js';
import { appendToLog, expireLog, lastLoggedId, renumberLog, replayLogAfter, type EpochLog, type LogReplay } from '../epoch-log.js';
import { createEpochNamer } from '../epoch-names.js';

type WithoutEnvelope<Frame> = Frame extends unknown ? Omit<Frame, 'id' | 'seq' | 'ts'> : never;

/** A gateway frame without its envelope. */
export type ConnectionEventBody = WithoutEnvelope<ConnectionEvent>;

/** The socket that owns a session, as the session sees it. */
export interface GatewayConnection {
  /** Sends one frame to the socket, through its faults. */
  deliver(frame: ConnectionEvent): void;
  disconnect(): void;
}

/** `epoch` names this copy of the session's frames (a restart gives it a new one); `log` holds every frame of it. */
export interface GatewaySession extends EpochLog<ConnectionEvent> {
  token: string;
  /** `null`: the socket named no session, so the session is its own and ends with it. */
  sessionId: string | null;
  /** The tool set of the highest revision synced, and when (`syncOrder`: higher is more recent); null before the first sync. */
  tools: { revision: number; descriptors: ToolDescriptor[]; syncOrder: number } | null;
  /** Invocations sent to the session and not answered, cancelled or failed yet, by invocationId. */
  openInvocations: Map<string, OpenInvocation>;
  answeredInvocationIds: Set<string>;
  /** The socket that owns the session, or null once it went away. */
  connection: GatewayConnection | null;
  /** True once `connection` subscribed: live frames go to it from then on. */
  subscribed: boolean;
  /** Drops the session once its last socket has been gone for the replay window. */
  dropTimer?: ReturnType<typeof setTimeout>;
}

export type GatewayReplayResult = LogReplay<ConnectionEvent>;

export type GatewaySessionStore = ReturnType<typeof createGatewaySessionStore>;

/** Every gateway session of the server, keyed by (token, sessionId). */
export function createGatewaySessionStore(options: { now: () => number }) {
  const sessions = new Map<string, GatewaySession>();
  const newEpoch = createEpochNamer();
  let anonymousCount = 0;
  let syncCount = 0;
  const keyOf = (token: string, sessionId: string | null) => JSON.stringify(sessionId === null ? [token, null, ++anonymousCount] : [token, sessionId]);

  const create = (token: string, sessionId: string | null): GatewaySession => ({
    token,
    sessionId,
    epoch: newEpoch(),
    log: [],
    tools: null,
    openInvocations: new Map(),
    answeredInvocationIds: new Set(),
    connection: null,
    subscribed: false,
  });

  return {
    /** The session (token, sessionId), created if need be; a null sessionId always makes a new one. */
    session(token: string, sessionId: string | null): GatewaySession {
      const key = keyOf(token, sessionId);
      const existing = sessions.get(key);
      if (existing) return existing;
      const created = create(token, sessionId);
      sessions.set(key, created);
      return created;
    },

    find(token: string, sessionId: string): GatewaySession | undefined {
      return sessions.get(keyOf(token, sessionId));
    },

    sessionsOf(token: string): GatewaySession[] {
      return [...sessions.values()].filter((session) => session.token === token);
    },

    all(): GatewaySession[] {
      return [...sessions.values()];
    },

    remove(session: GatewaySession) {
      clearTimeout(session.dropTimer);
      for (const [key, candidate] of sessions) if (candidate === session) sessions.delete(key);
    },

    /** Wraps a body in its envelope and stores it; the caller delivers it. */
    append: (session: GatewaySession, body: ConnectionEventBody): ConnectionEvent =>
      appendToLog(session, options.now(), (envelope) => ({ ...body, ...envelope }) as ConnectionEvent),

    lastEventId: (session: GatewaySession): string | null => lastLoggedId(session),

    /** The frames after `lastEventId`, if it belongs to this epoch and all of them are still inside the window. */
    replayAfter: (session: GatewaySession, lastEventId: string | undefined, replayWindowMs: number): GatewayReplayResult =>
      replayLogAfter(session, lastEventId, replayWindowMs, options.now()),

    /** Keeps the set of the highest revision; returns the revision held afterwards. */
    syncTools(session: GatewaySession, revision: number, descriptors: ToolDescriptor[]): number {
      if (session.tools && revision <= session.tools.revision) return session.tools.revision;
      syncCount += 1;
      session.tools = { revision, descriptors, syncOrder: syncCount };
      return revision;
    },

    /** As after a restart from persisted state: each session gets a new epoch, its frames keep their seqs under it. */
    restartEpoch() {
      for (const session of sessions.values()) renumberLog(session, newEpoch());
    },

    /** Ages every stored frame past any replay window. */
    expireReplay() {
      for (const session of sessions.values()) expireLog(session);
    },
  };
}
