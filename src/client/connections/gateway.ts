import type { ConnectionCommands, ConnectionEvent, EntitiesResponse, FrameLimits } from '../../protocol/index.js';
import { fullJitterDelay } from '../backoff.js';
import { PlatosClientError } from '../client-error.js';
import type { ClientSocket, SocketFactoryOptions } from '../client-options.js';
import { createManagedConnection, handshakeAuth, type ConnectionPolicy } from '../managed-connection.js';
import { createResumableSession } from '../resumable-session.js';
import type { RejectReason } from '../reject-reason.js';
import type { createStateCell } from '../state-cell.js';
import { createEntityCache } from './entity-cache.js';
import { fetchEntities } from './fetch-entities.js';
import { createInvocationRunner, type AnswerReceipt, type ToolAnswer } from './invocation-runner.js';
import { createPreparedTools } from './prepared-tools.js';
import { routeConnectionFrame } from './route-connection-frame.js';
import type { ToolRegistry } from './tool-registry.js';
import type { ConnectionsCounter, ConnectionsStats, EntityRecord, GatewayState, ToolInvocation } from './types.js';

export interface GatewayDeps {
  baseUrl: string;
  namespaceUrl: string;
  sessionId: string;
  createSocket(namespaceUrl: string, options: SocketFactoryOptions): ClientSocket;
  socketOptions: Omit<SocketFactoryOptions, 'auth'>;
  getToken(): Promise<string>;
  fetch: typeof fetch;
  limits: FrameLimits;
  policy: ConnectionPolicy;
  historyTimeoutMs: number;
  toolTimeoutMs: number;
  gap: { bufferSize: number; timeoutMs: number };
  tools: ToolRegistry;
  stats: ConnectionsStats;
  state: ReturnType<typeof createStateCell<GatewayState>>;
  onEntity(entity: EntityRecord): void;
  onInvocation(invocation: ToolInvocation): void;
  onMalformedFrame?(frame: unknown, reason: string, rejection: RejectReason): void;
}

export type Gateway = ReturnType<typeof createGateway>;

/** Errors of a command that did not reach the server or whose answer was lost: worth sending again. */
const notDelivered = new Set(['disconnected', 'timeout', 'offline', 'closed', 'unauthorized', 'bad_ack', 'internal']);
const queued = { queue: true };

/**
 * The connections gateway's socket: resumes like a thread (same session, guard and rebuild), keeps the tool set in
 * sync, runs invocations exactly once and keeps the entity cache.
 */
export function createGateway(deps: GatewayDeps) {
  const count = (stat: ConnectionsCounter) => (deps.stats[stat] += 1);
  let closed = false;

  const socket = deps.createSocket(deps.namespaceUrl, {
    ...deps.socketOptions,
    auth: handshakeAuth(deps.getToken, { sessionId: deps.sessionId }),
  });

  const connection = createManagedConnection<ConnectionCommands>(socket, deps.policy, {
    count,
    onConnect: () => {
      // In this order on the wire (the tool set waits only for tools not prepared before): the server handles them in
      // arrival order, its early buffer included.
      void session.start();
      void syncTools();
      invocations.resendPending();
    },
    onDisconnect: () => session.pause(),
    onStateChange: () => publishState(),
  });
  const { manager, command } = connection;

  const { prepared, ready: readyTool } = createPreparedTools(deps.tools);

  const invocations = createInvocationRunner({
    tool: prepared,
    sendAnswer: async (invocationId, answer: ToolAnswer): Promise<AnswerReceipt> => {
      try {
        // Queued: an overdue acknowledgement on a live connection is checked and the answer sent again (idempotent).
        await ('result' in answer
          ? command('tool:result', { invocationId, result: answer.result }, queued)
          : command('tool:error', { invocationId, error: answer.error }, queued));
        return 'acknowledged';
      } catch (error) {
        if (!(error instanceof PlatosClientError) || notDelivered.has(error.code)) throw error;
        // The server no longer knows the invocation: nothing left to deliver it to.
        if (error.code === 'invocation_not_found') return 'acknowledged';
        // Refused for what it is: sending it again after every reconnect would be refused again.
        return 'rejected';
      }
    },
    count,
    onChange: deps.onInvocation,
    defaultTimeoutMs: deps.toolTimeoutMs,
  });

  const session = createResumableSession<ConnectionEvent, EntitiesResponse>({
    streamId: 'connections',
    snapshotPrecedesEvents: true,
    subscribe: (lastEventId) => command('connections:subscribe', lastEventId === null ? {} : { lastEventId }),
    fetchHistory: async () =>
      fetchEntities({ baseUrl: deps.baseUrl, sessionId: deps.sessionId, token: await deps.getToken(), fetch: deps.fetch, timeoutMs: deps.historyTimeoutMs, limits: deps.limits }),
    count,
    retryDelayMs: (attempt) => fullJitterDelay(attempt, deps.policy.backoff, deps.policy.random),
    gap: deps.gap,
    onStateChange: () => publishState(),
  });

  const entities = createEntityCache({ count, onChange: deps.onEntity });

  session.addListener((update) => {
    if (update.kind === 'reset') {
      entities.reset(update.history.entities);
      invocations.cancelUnlisted(new Set(update.history.invocations.map((invocation) => invocation.invocationId)));
      for (const invocation of update.history.invocations) invocations.invoke(invocation);
      return;
    }
    if (update.kind !== 'event') return;
    const { event } = update;
    switch (event.type) {
      case 'tool:invoke':
        return invocations.invoke(event);
      case 'tool:cancel':
        return invocations.cancel(event.invocationId, event.reason);
      case 'entity:updated':
        if (entities.apply(event) === 'needs-rebuild') session.requestRebuild();
        return;
    }
  });

  connection.receiveFrames({
    route: (name, args) => routeConnectionFrame(name, args, deps.limits),
    accept: (routed) => session.receive(routed.event),
    stats: deps.stats,
    ...(deps.onMalformedFrame ? { onMalformedFrame: deps.onMalformedFrame } : {}),
  });

  let syncedRevision = 0;
  const syncTools = async () => {
    if (!socket.connected || closed) return;
    const revision = deps.tools.revision();
    const names = deps.tools.names();
    const ready = names.map(readyTool);
    // After a reconnect every tool is ready: the sync goes out at once, ahead of the answers re-sent after it. A tool
    // whose schema cannot be prepared is left out (its invocations answer tool_failed) instead of holding back the set.
    const prepare = () => Promise.all(names.map((name) => prepared(name).catch(() => undefined)));
    const tools = (ready.every(Boolean) ? ready : await prepare()).flatMap((tool) => tool?.descriptor ?? []);
    // A newer change sends its own sync; this one is outdated.
    if (revision !== deps.tools.revision() || !socket.connected || closed) return;
    count('toolSyncs');
    // Not queued: the next connect sends the set as it is then, so an older one must not follow it.
    command('tools:sync', { revision, tools }).then(
      (reply) => {
        syncedRevision = Math.max(syncedRevision, reply.revision);
        // The session holds a revision this client never sent (a reused session id): move past it, or the server
        // keeps the other client's set.
        if (reply.revision > deps.tools.revision()) deps.tools.advancePast(reply.revision);
      },
      // A sync lost with its connection is repeated by the next connect; a refused one waits for the next change.
      () => count('toolSyncFailures'),
    );
  };
  // Changes made in one task (a React commit that unmounts one tool and mounts another) go out as one sync.
  let syncScheduled = false;
  const stopToolWatch = deps.tools.subscribe(() => {
    if (syncScheduled) return;
    syncScheduled = true;
    queueMicrotask(() => {
      syncScheduled = false;
      void syncTools();
    });
  });

  const publishState = () => {
    const base = manager.getState();
    deps.state.set(base === 'open' && session.state === 'resyncing' ? 'resyncing' : base);
  };

  publishState();

  return {
    getEntity: entities.get,
    getInvocation: invocations.get,
    /** The highest tool-set revision the server acknowledged. */
    get syncedRevision() {
      return syncedRevision;
    },
    reconnect() {
      if (!closed && !socket.connected) manager.retryNow();
    },
    close() {
      if (closed) return;
      closed = true;
      stopToolWatch();
      connection.stop();
      session.pause();
      invocations.dispose();
      manager.close();
    },
  };
}
