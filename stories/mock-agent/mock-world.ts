import type { ServerEvent } from '../../src/protocol/index.js';
import { createApprovalRegistry, type ApprovalRegistry } from '../../src/testing/agent/approval-registry.js';
import { createGatewayAgent, type GatewayAgent } from '../../src/testing/agent/gateway/gateway-agent.js';
import type { EventBody } from '../../mock-server/scenarios/index.js';
import type { RecordedTurnChoice } from '../../src/testing/cassettes/recorded-turn-choice.js';
import type { builtInScenarios } from '../../src/testing/scenarios/built-in-scenarios.js';
import { createThreadStore, type ThreadRecord, type ThreadStore } from '../../src/testing/agent/thread-store.js';

/** The mock accepts one token: every connection is the same user, whose turns call the tools of their gateway sessions. */
export const MOCK_OWNER = 'in-browser';

const replayWindowMs = 30_000;
const clientToolTimeoutMs = 90_000;

export type BuiltInScenarioName = keyof typeof builtInScenarios;

export interface MockDelays {
  /** How long a namespace CONNECT waits for its answer, like a slow session lookup. */
  authMs: number;
  /** How long the history endpoint takes to answer. */
  historyMs: number;
  /** Until this time (ms since the epoch) every frame to a client is held back, then they all go out in order. */
  holdFramesUntil: number;
}

/** A namespace connection of one socket, as the mock sees it. */
export interface MockSubscriber {
  agentId: string;
  /** Threads this connection joined with `thread:subscribe`. */
  threadIds: Set<string>;
  deliver(event: ServerEvent): void;
}

/** Everything the mock agent knows; `reset` throws it away and starts a new one. */
export interface MockWorld {
  store: ThreadStore;
  approvals: ApprovalRegistry;
  /** The connections gateway: browser tools and entities. */
  gateway: GatewayAgent;
  subscribers: Set<MockSubscriber>;
  /** Divides every scenario delay; 0 plays without delays. */
  speed: number;
  /** Played for every message whatever its first word; null picks by the first word. */
  scenario: BuiltInScenarioName | null;
  /** A recorded session whose turns answer every message instead of any scenario; null plays scenarios. */
  recordedTurns: RecordedTurnChoice | null;
  /** The delays a story asked for; none until it does. */
  delays: MockDelays;
  /** Aborted on reset: turns still playing stop without emitting anything more. */
  shutdown: AbortController;
  publish(thread: ThreadRecord, turnId: string, body: EventBody): ServerEvent;
}

export function createMockWorld(speed: number): MockWorld {
  const store = createThreadStore({ now: Date.now });
  const subscribers = new Set<MockSubscriber>();

  const publish = (thread: ThreadRecord, turnId: string, body: EventBody) => {
    const event = store.append(thread, turnId, body);
    for (const subscriber of subscribers) {
      if (subscriber.agentId === thread.agentId && subscriber.threadIds.has(thread.threadId)) subscriber.deliver(event);
    }
    return event;
  };
  const approvals = createApprovalRegistry(publish);
  const gateway = createGatewayAgent({ now: Date.now, replayWindowMs: () => replayWindowMs, clientToolTimeoutMs });

  return {
    store,
    approvals,
    gateway,
    subscribers,
    speed,
    scenario: null,
    recordedTurns: null,
    delays: { authMs: 0, historyMs: 0, holdFramesUntil: 0 },
    shutdown: new AbortController(),
    publish,
  };
}

export function disposeMockWorld(world: MockWorld): void {
  world.shutdown.abort();
  world.approvals.dispose();
  world.gateway.dispose();
  world.subscribers.clear();
}
