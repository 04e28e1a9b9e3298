import { ws, type AnyHandler } from 'msw';
import type { EventType } from '../../src/protocol/index.js';
import type { GatewaySessionInfo } from '../../src/testing/agent/gateway/gateway-agent.js';
import { createRecordedTurnChoice } from '../../src/testing/cassettes/recorded-turn-choice.js';
import type { RecordedTurn } from '../../src/testing/cassettes/recorded-turn.js';
import { recordingFromSource, type RecordingSource } from '../../src/testing/cassettes/recording-from-source.js';
import { runMockCommand } from './mock-commands.js';
import { mockEntitiesHandler } from './mock-entities-handler.js';
import { mockHistoryHandler } from './mock-history-handler.js';
import { startMockSocketSession } from './mock-socket-session.js';
import { createMockWorld, disposeMockWorld, type BuiltInScenarioName, type MockWorld } from './mock-world.js';

export interface MockAgentOptions {
  /** Origin the client is pointed at, e.g. `http://mock-agent.test`. */
  url: string;
  tokens: string[];
  /** @default 1 */
  speed?: number;
}

export interface MockAgent {
  /** MSW handlers: the Socket.IO endpoint (chat namespaces and `/connections`), the history and the entities endpoints. */
  handlers: AnyHandler[];
  /** Forgets every thread, stops turns still playing and sets the speed for what comes next. */
  reset(options: { speed: number }): void;
  /** Plays a turn without a client, e.g. to give a story a thread with history; resolves when it is over. */
  playTurn(threadId: string, text: string, agentId?: string): Promise<void>;
  /** The types of the events a thread has had, in order. */
  eventTypes(threadId: string, agentId?: string): EventType[];
  /** The gateway's sessions: whether each is connected, the tools it offers, its open invocations. */
  gatewaySessions(): GatewaySessionInfo[];
  /**
   * Cuts every socket now and refuses new ones for `ms`, like a network outage; turns go on meanwhile. With
   * `expireReplay`, everything stored until the outage ends is past the replay window by then: a client that missed
   * events has to rebuild the thread from history.
   */
  cut(ms: number, options?: { expireReplay?: boolean }): void;
  /** Ends an outage started by `cut` now. */
  restore(): void;
  /** Plays the next delays at `speed` (see `reset`), without forgetting anything. */
  setSpeed(speed: number): void;
  /** Plays `scenario` for every message, whatever its first word; null picks by the first word again. */
  playScenario(scenario: BuiltInScenarioName | null): void;
  /**
   * Answers every message with a turn of this recording (a cassette, its JSON text or recorded events), as the mock
   * server's `--cassette` does; null goes back to scenarios. Returns the recorded turns.
   * @throws Error when the recording holds no playable turn
   */
  playCassette(source: RecordingSource | null): readonly RecordedTurn[];
  /** Holds back every frame to the clients for the next `ms`, then sends them all at once, in order. */
  delayFrames(ms: number): void;
  /** Answers each namespace's handshake `ms` late, like a slow session lookup; 0 answers at once again. */
  delayAuth(ms: number): void;
  /** Answers the history endpoint `ms` late; 0 answers at once again. */
  delayHistory(ms: number): void;
}

interface Outage {
  until: number;
  /** Whether the replay window is expired when the outage ends. */
  expireReplay: boolean;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * An agent server inside the page. socket.io-client's WebSocket is intercepted by MSW, so the
 * client under test runs unchanged against it.
 * @example const agent = createMockAgent({ url: 'http://mock-agent.test', tokens: ['t'] }); setupWorker(...agent.handlers);
 */
export function createMockAgent(options: MockAgentOptions): MockAgent {
  const tokens = new Set(options.tokens);
  let world: MockWorld = createMockWorld(options.speed ?? 1);
  const currentWorld = () => world;
  // The socket's path (`/streaming/`) follows the origin; a link of the bare origin would not match it.
  const socketLink = ws.link(new RegExp(`^${escapeRegExp(wsOrigin(options.url))}/`));
  const openClients = new Set<{ close(): void }>();
  let outage: Outage | null = null;

  const endOutage = () => {
    if (!outage) return;
    clearTimeout(outage.timer);
    if (outage.expireReplay) {
      world.store.expireReplay();
      world.gateway.expireReplay();
    }
    outage = null;
  };
  // Checked on every new socket too: a client may come back in the instant before the timer ends the outage.
  const endOutageIfOver = () => {
    if (outage && Date.now() >= outage.until) endOutage();
  };

  return {
    handlers: [
      socketLink.addEventListener('connection', ({ client }) => {
        endOutageIfOver();
        if (outage) return client.close();
        openClients.add(client);
        client.addEventListener('close', () => openClients.delete(client));
        startMockSocketSession({ client, world: currentWorld, tokens });
      }),
      mockHistoryHandler({ baseUrl: options.url, world: currentWorld, tokens }),
      mockEntitiesHandler({ baseUrl: options.url, world: currentWorld, tokens }),
    ],
    reset({ speed }) {
      // An outage, and the expiry it may owe, belong to the story that started it.
      if (outage) clearTimeout(outage.timer);
      outage = null;
      disposeMockWorld(world);
      world = createMockWorld(speed);
    },
    async playTurn(threadId, text, agentId = 'default') {
      const clientMessageId = `seed-${Math.random().toString(36).slice(2)}`;
      const seeder = { agentId, threadIds: new Set<string>(), deliver: () => {} };
      const reply = runMockCommand(world, seeder, 'message:send', { threadId, clientMessageId, text });
      if (!reply.ok || !('turnId' in reply)) throw new Error(`seeding ${threadId} failed: ${JSON.stringify(reply)}`);
      const turnId = String(reply.turnId);
      await world.store.thread(agentId, threadId).turnQueue;
      if (!world.store.thread(agentId, threadId).turns.has(turnId)) throw new Error(`turn ${turnId} was not played`);
    },
    eventTypes: (threadId, agentId = 'default') => world.store.thread(agentId, threadId).log.map(({ event }) => event.type),
    gatewaySessions: () => world.gateway.sessions(),
    cut(ms, cutOptions) {
      // A cut during an outage replaces it, keeping an expiry the first one still owes.
      const expireReplay = Boolean(cutOptions?.expireReplay || outage?.expireReplay);
      if (outage) clearTimeout(outage.timer);
      outage = { until: Date.now() + ms, expireReplay, timer: setTimeout(endOutageIfOver, ms) };
      for (const client of [...openClients]) client.close();
      openClients.clear();
    },
    restore: endOutage,
    setSpeed(speed) {
      world.speed = speed;
    },
    playScenario(scenario) {
      world.scenario = scenario;
    },
    playCassette(source) {
      if (source === null) {
        world.recordedTurns = null;
        return [];
      }
      const { turns } = recordingFromSource(source);
      world.recordedTurns = createRecordedTurnChoice(turns);
      return turns;
    },
    delayFrames(ms) {
      world.delays.holdFramesUntil = Date.now() + ms;
    },
    delayAuth(ms) {
      world.delays.authMs = ms;
    },
    delayHistory(ms) {
      world.delays.historyMs = ms;
    },
  };
}

function wsOrigin(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol === 'https:' ? 'wss:' : 'ws:'}//${parsed.host}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
