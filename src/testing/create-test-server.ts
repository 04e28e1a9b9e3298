import type { PlatosClientOptions } from '../client/client-options.js';
import { createPlatosClient } from '../client/create-platos-client.js';
import type { PlatosClient } from '../client/types.js';
import type { ServerEvent } from '../protocol/index.js';
import { createActivity } from './activity.js';
import { checkedScenario, type ScenarioSource } from './checked-scenario.js';
import { createInMemoryAgent, type SentMessage } from './in-memory-agent.js';
import { createHistoryFetch } from './in-memory-history.js';
import { createInMemorySocket } from './in-memory-socket.js';

/** Options of a client of the test server: those of `createPlatosClient` but where it connects to. */
export type TestClientOptions = Omit<PlatosClientOptions, 'url' | 'socketFactory' | 'fetch'>;

export interface TestServerOptions {
  /**
   * What the agent answers every message with: steps in the format of the mock server's scenario files, or a
   * function of the message (`{ userText, turnIndex }`) returning steps or an async generator of them. Every step is
   * checked against the event schemas: a bad one throws here, or fails the turn and rejects `idle()`.
   */
  scenario: ScenarioSource;
  /**
   * Divides every step's `delayMs`: 1 plays in real time (on timers, so fake timers drive it), 10 ten times faster.
   * 0 plays the steps back to back in microtasks, with no timer at all.
   * @default 0
   */
  speed?: number;
  /**
   * Options of `client`.
   * @default { liveness: false, network: null, reconnect: { baseMs: 20, capMs: 1000 } }
   */
  client?: TestClientOptions;
}

export interface TestServer {
  /** A real client (`createPlatosClient`), connected to this server in memory. */
  readonly client: PlatosClient;
  /** The messages the server received, oldest first; a message retried with the same `clientMessageId` counts once. */
  readonly sent: readonly SentMessage[];
  /** The thread's events as the server stored them, in order (what a resume replays and history folds). */
  events(threadId: string): ServerEvent[];
  /**
   * Resolves once nothing moves without the test: every turn has finished or waits for an approval, every frame and
   * acknowledgement has reached the client, and no client is connecting. Rejects with the error of a scenario that
   * threw. Components render what arrived on their next animation frame: follow with `findBy...` or `waitFor`.
   */
  idle(): Promise<void>;
  /** Plays a turn for a message sent from elsewhere (before the test, or another tab), then waits for `idle()`; resolves with its turn id. */
  playTurn(threadId: string, text: string): Promise<string>;
  /** Drops every connection, as a network failure would; clients reconnect and resume on their own. */
  disconnect(): void;
  /** While `false`, connections and history requests fail and open connections drop; clients show `reconnecting`. */
  setReachable(reachable: boolean): void;
  /** As if the server restarted with its history kept: connections drop and clients rebuild their threads from history. */
  restart(): void;
  /** Another client of this server, e.g. a second tab; `close()` closes it too. */
  createClient(options?: TestClientOptions): PlatosClient;
  /** Stops every turn and closes every client. */
  close(): void;
}

const serverUrl = 'http://platos.test';
/** Microtask turns `idle()` waits after the last work it saw, for the client to act on what it just received. */
const settleMicrotasks = 50;

/**
 * An agent server in memory for tests of apps built on the kit: real clients connect to it without a network and
 * each message plays `scenario`.
 * @example
 * const server = createTestServer({ scenario: [{ type: 'text-delta', delta: 'Hi!' }] });
 * render(<PlatosChat client={server.client} threadId="t1" />);
 * // ...type and send a message...
 * await server.idle();
 * expect(await screen.findByText('Hi!')).toBeTruthy();
 * server.close();
 */
export function createTestServer(options: TestServerOptions): TestServer {
  const activity = createActivity();
  const agent = createInMemoryAgent({ scenario: checkedScenario(options.scenario), speed: options.speed ?? 0, activity });
  const sockets = new Set<{ cut(): void }>();
  const clients = new Set<PlatosClient>();
  let reachable = true;
  let closed = false;

  const endpoint = {
    activity,
    accept(agentId: string, _token: string, toClient: (name: string, payload: unknown) => void) {
      if (closed) return { refused: 'The test server is closed' };
      if (!reachable) return { refused: 'The test server is unreachable' };
      return agent.connect(agentId, (event) => toClient(event.type, event));
    },
  };
  const historyFetch = createHistoryFetch({ history: agent.history, reachable: () => reachable && !closed, activity });
  const cutAll = () => [...sockets].forEach((socket) => socket.cut());

  function createClient(clientOptions: TestClientOptions = {}): PlatosClient {
    const client = createPlatosClient({
      liveness: false,
      network: null,
      ...clientOptions,
      reconnect: { baseMs: 20, capMs: 1_000, ...clientOptions.reconnect },
      url: serverUrl,
      socketFactory(namespaceUrl, socketOptions) {
        const socket = createInMemorySocket(namespaceUrl, socketOptions, endpoint);
        sockets.add(socket);
        return socket.socket;
      },
      fetch: historyFetch,
    });
    clients.add(client);
    client.connection.subscribe(activity.changed);
    return client;
  }

  const isBusy = () =>
    activity.pending > 0 ||
    agent.isPlaying() ||
    (reachable && [...clients].some((client) => ['connecting', 'reconnecting', 'resyncing'].includes(client.connection.getState())));

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
      clients.forEach((each) => each.close());
      activity.changed();
    },
  };
}
