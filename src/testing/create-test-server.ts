import type { PlatosClientOptions } from '../client/client-options.js';
import { createPlatosClient } from '../client/create-platos-client.js';
import type { PlatosClient } from '../client/types.js';
import type { EntitySnapshot, ServerEvent } from '../protocol/index.js';
import { createActivity } from './activity.js';
import { asksForBatches } from './agent/frame-batcher.js';
import type { EntityChange } from './agent/gateway/entity-store.js';
import type { GatewaySessionInfo } from './agent/gateway/gateway-agent.js';
import type { GatewayStats } from './agent/gateway/gateway-stats.js';
import { createRecordedTurnChoice } from './cassettes/recorded-turn-choice.js';
import type { RecordedTurns } from './cassettes/recorded-turn.js';
import { recordingFromSource, type RecordingSource } from './cassettes/recording-from-source.js';
import { checkedScenario, type ScenarioSource } from './checked-scenario.js';
import { createInMemoryAgent, type InMemoryAgentScript, type SentMessage } from './in-memory-agent.js';
import { createHistoryFetch } from './in-memory-history.js';
import { createInMemorySocket, type InMemoryEndpoint } from './in-memory-socket.js';

/** Options of a client of the test server: those of `createPlatosClient` but where it connects to. */
export type TestClientOptions = Omit<PlatosClientOptions, 'url' | 'socketFactory' | 'fetch'>;

/** What the agent answers every message with: a scenario, or the turns of a recorded session. */
export type TestServerScript =
  | {
      /**
       * Steps in the format of the mock server's scenario files, or a function of the message (`{ userText, turnIndex }`)
       * returning steps or an async generator of them. Every step is checked against the event schemas: a bad one
       * throws here, or fails the turn and rejects `idle()`.
       */
      scenario: ScenarioSource;
      cassette?: undefined;
    }
  | {
      /**
       * A recorded session played again: a cassette (`recordSession(client).stop()`), its JSON text, or an array of
       * recorded events. Each message plays the recorded turn whose user text it equals, else the thread's n-th turn
       * the n-th recorded one; ids stay as recorded (see docs/testing.md, "Replaying a recorded session").
       * @throws Error here when it holds no valid event
       */
      cassette: RecordingSource;
      scenario?: undefined;
    };

export type TestServerOptions = TestServerScript & TestServerSettings;

export interface TestServerSettings {
  /**
   * Divides every step's `delayMs`: 1 plays in real time (on timers, so fake timers drive it), 10 ten times faster.
   * 0 plays the steps back to back in microtasks, with no timer at all.
   * @default 0
   */
  speed?: number;
  /**
   * Options of `client`.
   * @default { liveness: false, network: null, reconnect: { baseMs: 20, capMs: 1000 }, connections: { sessionId: 'client-1' } }
   */
  client?: TestClientOptions;
}

/** The connections gateway as the test server sees it. */
export interface TestServerConnections {
  /**
   * Every gateway session: one per client whose gateway opened (its first tool or entity listener). A client's
   * `sessionId` is its `connections.sessionId` option, by default `client-1`, `client-2`, ... in creation order.
   */
  sessions(): GatewaySessionInfo[];
  /** What the gateway did since the server started: invocations, results, errors, timeouts, entity updates, ... */
  stats(): GatewayStats;
}

export interface TestServer {
  /** A real client (`createPlatosClient`), connected to this server in memory. */
  readonly client: PlatosClient;
  /** The messages the server received, oldest first; a message retried with the same `clientMessageId` counts once. */
  readonly sent: readonly SentMessage[];
  /** The thread's events as the server stored them, in order (what a resume replays and history folds). */
  events(threadId: string): ServerEvent[];
  /**
   * Stores the entity's next version (one above the current, or 1) and sends `entity:updated` to every client's
   * gateway. `change` is `{ snapshot }`, or `{ patch }` (RFC 6902) applied to the current snapshot. Returns the stored version.
   * @throws Error when a patch is malformed, cannot apply, or the entity has no version yet
   */
  updateEntity(entityType: string, entityId: string, change: EntityChange): EntitySnapshot;
  readonly connections: TestServerConnections;
  /**
   * Resolves once nothing moves without the test: every turn has finished or waits for an approval, every frame and
   * acknowledgement has reached the client, no client is connecting, every tool a client offers is known to the
   * server, and no browser tool a turn waits for is still running in a client. Rejects with the error of a scenario
   * that threw. Components render what arrived on their next animation frame: follow with `findBy...` or `waitFor`.
   */
  idle(): Promise<void>;
  /** Plays a turn for a message sent from elsewhere (before the test, or another tab), then waits for `idle()`; resolves with its turn id. */
  playTurn(threadId: string, text: string): Promise<string>;
  /** Drops every connection (the gateway's too), as a network failure would; clients reconnect and resume on their own. */
  disconnect(): void;
  /** While `false`, connections, history and entities requests fail and open connections drop; clients show `reconnecting`. */
  setReachable(reachable: boolean): void;
  /**
   * As if the server restarted with its history, gateway sessions and entities kept: connections drop, clients
   * rebuild their threads from history and their gateways from the entities endpoint.
   */
  restart(): void;
  /** Another client of this server, e.g. a second tab; `close()` closes it too. */
  createClient(options?: TestClientOptions): PlatosClient;
  /** Stops every turn and closes every client. */
  close(): void;
}

const serverUrl = 'http://platos.test';
/** Microtask turns `idle()` waits after the last work it saw, for the client to act on what it just received. */
const settleMicrotasks = 50;

const isConnecting = (state: string) => state === 'connecting' || state === 'reconnecting' || state === 'resyncing';
const toolSetKey = (names: readonly string[]) => JSON.stringify([...names].sort());

/**
 * An agent server in memory for tests of apps built on the kit: real clients connect to it without a network and
 * each message plays `scenario`, or a recorded turn of `cassette`.
 * @example
 * const server = createTestServer({ scenario: [{ type: 'text-delta', delta: 'Hi!' }] });
 * render(<PlatosChat client={server.client} threadId="t1" />);
 * // ...type and send a message...
 * await server.idle();
 * expect(await screen.findByText('Hi!')).toBeTruthy();
 * server.close();
 */
export function createTestServer(options: TestServerOptions): TestServer {
  if (options.cassette !== undefined) return startTestServer({ recordedTurns: recordingFromSource(options.cassette) }, options);
  if (options.scenario === undefined) throw new Error('createTestServer needs a scenario or a cassette');
  return startTestServer({ scenario: options.scenario }, options);
}

/** The test server for a scenario (checked here) or for recorded turns already read. */
export function startTestServer(script: { scenario: ScenarioSource } | { recordedTurns: RecordedTurns }, options: TestServerSettings): TestServer {
  const activity = createActivity();
  const agentScript: InMemoryAgentScript =
    'scenario' in script ? { scenario: checkedScenario(script.scenario) } : { recordedTurns: createRecordedTurnChoice(script.recordedTurns.turns) };
  const agent = createInMemoryAgent({ ...agentScript, speed: options.speed ?? 0, activity });
  const sockets = new Set<{ cut(): void }>();
  /** Every client, with the gateway session it names. */
  const clients = new Map<PlatosClient, { gatewaySessionId: string }>();
  let reachable = true;
  let closed = false;

  const refusal = () => (closed ? { refused: 'The test server is closed' } : !reachable ? { refused: 'The test server is unreachable' } : null);
  const endpoint: InMemoryEndpoint = {
    activity,
    accept: (agentId, _token, auth, link) => refusal() ?? agent.connect(agentId, link, { batch: asksForBatches(auth) }),
    acceptGateway: (_token, auth, link) => refusal() ?? agent.connectGateway(auth, link),
  };
  const historyFetch = createHistoryFetch({ history: agent.history, entities: agent.gateway.entities, reachable: () => reachable && !closed, activity });
  const cutAll = () => [...sockets].forEach((socket) => socket.cut());

  function createClient(clientOptions: TestClientOptions = {}): PlatosClient {
    const gatewaySessionId = clientOptions.connections?.sessionId ?? `client-${clients.size + 1}`;
    const client = createPlatosClient({
      liveness: false,
      network: null,
      ...clientOptions,
      reconnect: { baseMs: 20, capMs: 1_000, ...clientOptions.reconnect },
      connections: { ...clientOptions.connections, sessionId: gatewaySessionId },
      url: serverUrl,
      socketFactory(namespaceUrl, socketOptions) {
        const socket = createInMemorySocket(namespaceUrl, socketOptions, endpoint);
        sockets.add(socket);
        return socket.socket;
      },
      fetch: historyFetch,
    });
    clients.set(client, { gatewaySessionId });
    client.connection.subscribe(activity.changed);
    client.connections.subscribe(activity.changed);
    client.connections.onInvocation(() => activity.changed());
    return client;
  }

  /** A turn waits for a browser tool that runs in one of the clients: its answer comes without the test. */
  const runsClientTool = () =>
    agent.gateway.openInvocations().some(({ invocationId }) => [...clients.keys()].some((client) => client.connections.getInvocation(invocationId)?.state === 'running'));

  /** The client's `tools:sync` is still to come: it goes out once the tools' schema support has loaded. */
  const syncsTools = (client: PlatosClient, gatewaySessionId: string) => {
    if (client.connections.getState() !== 'open') return false;
    const held = agent.gateway.sessions().find((session) => session.sessionId === gatewaySessionId)?.tools ?? [];
    return toolSetKey(client.connections.toolNames()) !== toolSetKey(held);
  };

  const isBusy = () =>
    activity.pending > 0 ||
    agent.isPlaying() ||
    runsClientTool() ||
    (reachable &&
      [...clients].some(
        ([client, { gatewaySessionId }]) =>
          isConnecting(client.connection.getState()) || isConnecting(client.connections.getState()) || syncsTools(client, gatewaySessionId),
      ));

  const throwTurnError = () => {
    const failed = agent.takeTurnError();
    if (failed) throw failed.error;
  };

  async function idle(): Promise<void> {
    for (;;) {
      throwTurnError();
      if (isBusy()) {
        await activity.nextChange();
        continue;
      }
      // A gateway opened by a first tool or entity listener has no socket until its code has loaded.
      await Promise.all([...clients.keys()].map((client) => client.connections.ready()));
      // The client may still be acting on the last thing it received (an acknowledgement, a history response).
      for (let turn = 0; turn < settleMicrotasks; turn += 1) await Promise.resolve();
      if (!isBusy()) return throwTurnError();
    }
  }

  const client = createClient(options.client);
  const agentId = client.agentId;

  return {
    client,
    sent: agent.sent,
    events: (threadId) => agent.events(agentId, threadId),
    updateEntity: agent.gateway.updateEntity,
    connections: { sessions: agent.gateway.sessions, stats: agent.gateway.stats },
    idle,
    async playTurn(threadId, text) {
      const turnId = agent.send(agentId, threadId, text);
      await idle();
      return turnId;
    },
    disconnect: cutAll,
    setReachable(next) {
      reachable = next;
      if (!next) cutAll();
      activity.changed();
    },
    restart() {
      agent.restartEpoch();
      cutAll();
    },
    createClient,
    close() {
      if (closed) return;
      closed = true;
      agent.dispose();
      clients.forEach((_, each) => each.close());
      activity.changed();
    },
  };
}
