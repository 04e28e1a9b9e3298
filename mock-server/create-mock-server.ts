import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { CONNECTIONS_NAMESPACE, SOCKET_PATH } from '../src/protocol/index.js';
import { createApprovalRegistry } from '../src/testing/agent/approval-registry.js';
import { asksForBatches, createFrameBatcher } from '../src/testing/agent/frame-batcher.js';
import { createGatewayAgent } from '../src/testing/agent/gateway/gateway-agent.js';
import { createConnectionsGateway, type ConnectionsApi } from './connections/connections-gateway.js';
import { createEntitiesHandler, isEntitiesPath } from './connections/entities-handler.js';
import { sessionIdMiddleware } from './connections/gateway-session-id.js';
import { isLocalOrigin, originMatcher, type AllowedOrigins } from './cors.js';
import { createFaultInjector, type FaultControls } from './faults/fault-injector.js';
import type { FaultSchedule } from './faults/fault-schedule.js';
import { createFaultsHttpHandler, isFaultsPath } from './faults/faults-http-handler.js';
import { withEarlierReplays } from './faults/replay-from-earlier.js';
import type { SocketFaultPipeline } from './faults/socket-fault-pipeline.js';
import { createHandshakeOriginCheck } from './handshake-origin-check.js';
import { handshakeToken } from './handshake-token.js';
import { createHistoryHandler } from './history-handler.js';
import { loadTurnSource } from './load-turn-source.js';
import type { EventBody, Scenario } from './scenarios/index.js';
import { batchingSocket, createAuthMiddleware, socketCommandContext, startSocketSession } from './socket-session.js';
import { createThreadMembership } from './thread-membership.js';
import { runCommand } from '../src/testing/agent/command-handlers.js';
import { createThreadStore, type ThreadRecord } from '../src/testing/agent/thread-store.js';
import { agentIdOfNamespace, agentNamespacePattern } from '../src/testing/agent/agent-namespace.js';
import { createThreadsHttpHandler, isThreadsSwitchPath } from './threads-http-handler.js';
import { createTokensHttpHandler, isTokensPath } from './tokens-http-handler.js';
import type { TurnRunnerDeps } from '../src/testing/agent/turn-runner.js';

export interface MockServerOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Accepted tokens. @default ['dev-token'] */
  tokens?: string[];
  /** How long events stay available for replay. @default 30000 */
  replayWindowMs?: number;
  /** How long the session lookup after connecting takes, on the chat namespaces and the gateway. @default 0 */
  authDelayMs?: number;
  /** How long a browser has to answer a tool call a turn makes, unless the scenario's step says otherwise. @default 90000 */
  clientToolTimeoutMs?: number;
  /** How often every token with a connected gateway session gets a new version of the demo entity `workspace/demo`; 0 never. @default 0 */
  entityTickMs?: number;
  /** Divides every scenario delay and every recorded delay; 0 plays without delays. @default 1 */
  speed?: number;
  /**
   * A JSON file played for every message instead of the built-in scenarios: scenario steps, or a recording (a
   * cassette, or an array of recorded events with or without their envelopes) played as `cassetteFile` is.
   */
  scenarioFile?: string;
  /**
   * A cassette (`recordSession`'s JSON) whose recorded turns answer every message: the one whose recorded user text
   * equals the message, else the thread's n-th turn plays the n-th recorded one; ids and timings as recorded.
   */
  cassetteFile?: string;
  /** Picks each message's scenario instead of the built-in ones; in process only (a test's or a script's scenarios). */
  scenarioFor?: (userText: string) => Scenario;
  /** The folder `hostile NAME` plays `NAME.json` from; every file in it is checked at startup. @default 'mock-server/scenarios/hostile' */
  hostileScenarioDirectory?: string;
  /**
   * Origins whose pages may open a socket and read the history: exact origins (`'https://app.example:8443'`) or a
   * test. It replaces the default. A handshake without `Origin` (not a browser) is always let through.
   * @default the local origins: http(s)://localhost, 127.0.0.1 or [::1], any port
   */
  allowedOrigins?: AllowedOrigins;
  /** Clock for event timestamps and the replay window. @default Date.now */
  now?: () => number;
  /** A fault schedule active from the start (see docs/mock-server.md, "Fault injection"). */
  faults?: FaultSchedule;
  /** Seeds `random-drops` of schedules that name no seed. @default 1 */
  faultSeed?: number;
}

export interface MockServer {
  url: string;
  port: number;
  /** The fault switch; also reachable over HTTP at `/__faults`. */
  faults: FaultControls;
  /** Stops accepting the token: new handshakes and history calls with it fail, and so does the next command of a socket that connected with it. Also `POST /__tokens/revoke`. */
  revokeToken(token: string): void;
  /** Accepts the token (again). Also `POST /__tokens/accept`. */
  acceptToken(token: string): void;
  /** The connections gateway: entities, browser-side tool calls without a turn, its sessions and stats. */
  connections: ConnectionsApi;
  close(): Promise<void>;
}

/**
 * Starts the mock Socket.IO server, its history endpoint and the connections gateway. Rejects when a scenario file,
 * a cassette, a hostile scenario file or the fault schedule cannot be played.
 * @example const server = await createMockServer({ port: 0, speed: 0 }); await server.close();
 */
export async function createMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const now = options.now ?? Date.now;
  const tokens = new Set(options.tokens ?? ['dev-token']);
  const turnSource = await loadTurnSource({
    scenarioFile: options.scenarioFile,
    cassetteFile: options.cassetteFile,
    hostileDirectory: options.hostileScenarioDirectory,
    scenarioFor: options.scenarioFor,
  });
  const acceptsOrigin = originMatcher(options.allowedOrigins ?? isLocalOrigin);
  const store = createThreadStore({ now });
  const shutdown = new AbortController();
  const settings = { replayWindowMs: options.replayWindowMs ?? 30_000 };
  const gatewayAgent = createGatewayAgent({
    now,
    replayWindowMs: () => settings.replayWindowMs,
    clientToolTimeoutMs: options.clientToolTimeoutMs ?? 90_000,
  });
  const faults = createFaultInjector({ replayLogs: [store, gatewayAgent], settings, defaultSeed: options.faultSeed ?? 1 });
  if (options.faults) faults.controls.set(options.faults);
  const gateway = createConnectionsGateway({
    agent: gatewayAgent,
    tokens,
    faults,
    authDelayMs: options.authDelayMs ?? 0,
    entityTickMs: options.entityTickMs ?? 0,
    now,
  });
  const membership = createThreadMembership<SocketFaultPipeline>();

  // Each member gets the frame through its own fault pipeline, which a room broadcast would not allow.
  const publish = (thread: ThreadRecord, turnId: string, body: EventBody) => {
    const event = store.append(thread, turnId, body);
    for (const pipeline of membership.members(thread.agentId, thread.threadId)) pipeline.deliver(event);
    return event;
  };
  const approvals = createApprovalRegistry(publish);
  const turnRunner: TurnRunnerDeps = {
    approvals,
    publish,
    ...turnSource,
    clientTools: gatewayAgent.clientTools,
    speed: options.speed ?? 1,
    now,
    shutdown: shutdown.signal,
  };
  const commandStore = withEarlierReplays(store, faults.earlierReplayBy);

  const tokenSwitch = {
    revokeToken: (token: string) => void tokens.delete(token),
    acceptToken: (token: string) => void tokens.add(token),
  };
  const historyHandler = createHistoryHandler({ store, tokens, acceptsOrigin });
  const faultsHandler = createFaultsHttpHandler(faults.controls);
  const tokensHandler = createTokensHttpHandler(tokenSwitch);
  const threadsHandler = createThreadsHttpHandler(store);
  const entitiesHandler = createEntitiesHandler({ tokens, acceptsOrigin, entitiesFor: gateway.entitiesFor });
  const httpServer = createServer((request, response) => {
    if (isFaultsPath(request.url)) void faultsHandler(request, response).catch(() => response.destroy());
    else if (isTokensPath(request.url)) void tokensHandler(request, response).catch(() => response.destroy());
    else if (isThreadsSwitchPath(request.url)) void threadsHandler(request, response).catch(() => response.destroy());
    else if (isEntitiesPath(request.url)) entitiesHandler(request, response);
    else historyHandler(request, response);
  });
  const io = new Server(httpServer, {
    path: SOCKET_PATH,
    allowRequest: createHandshakeOriginCheck(acceptsOrigin),
    cors: { origin: (origin, callback) => callback(null, origin === undefined || acceptsOrigin(origin)), credentials: true },
  });
  const authMiddleware = createAuthMiddleware(tokens, faults.rejectsHandshake);

  const onConnection = (agentId: string) => (socket: Socket) => {
    const batcher = asksForBatches(socket.handshake.auth) ? createFrameBatcher({ emit: (frame) => socket.emit('batch', frame) }) : null;
    const pipeline = faults.attach(batcher ? batchingSocket(socket, batcher) : socket);
    socket.once('disconnect', () => {
      batcher?.dispose();
      membership.remove(pipeline);
      faults.detach(pipeline);
    });
    const token = handshakeToken(socket.handshake);
    // The auth middleware let only sockets with a token through.
    const owner = token ?? '';
    const context = socketCommandContext(pipeline, membership, settings, { agentId, owner, store: commandStore, approvals, turnRunner });
    startSocketSession(socket, {
      openSession: () => (name, payload) => runCommand(context, name, payload),
      authDelayMs: faults.sessionDelayMs(options.authDelayMs ?? 0),
      isSilent: pipeline.isSilent,
      isTokenAccepted: () => token !== undefined && tokens.has(token),
      ...(batcher ? { flushFrames: batcher.flush } : {}),
    });
  };
  io.of('/').use(authMiddleware).on('connection', onConnection('default'));
  const agentNamespaces = io.of(agentNamespacePattern).use(authMiddleware);
  agentNamespaces.on('connection', (socket) => onConnection(agentIdOfNamespace(socket.nsp.name))(socket));
  io.of(CONNECTIONS_NAMESPACE).use(authMiddleware).use(sessionIdMiddleware).on('connection', gateway.onConnection);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;

  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    faults: faults.controls,
    ...tokenSwitch,
    connections: gateway.api,
    close: async () => {
      shutdown.abort();
      approvals.dispose();
      gateway.dispose();
      faults.dispose();
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
        httpServer.closeAllConnections();
      });
    },
  };
}
