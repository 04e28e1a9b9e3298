import type fc from 'fast-check';
import { vi } from 'vitest';
import type { ServerEvent } from '../../../src/protocol/index.js';
import { createPlatosClient } from '../../../src/client/create-platos-client.js';
import type { ClientStats, ConnectionState, ThreadUpdate } from '../../../src/client/types.js';
import { createPlatosStore } from '../../../src/store/create-platos-store.js';
import { createManualScheduler } from '../../../src/store/frame-scheduler.js';
import type { SendResult, ThreadState } from '../../../src/store/types.js';
import type { SentTurn } from './agent-turns.js';
import type { FaultCounts } from './faults.js';
import { createScheduledNetwork } from './network.js';
import { createSimServer, SIM_TOKEN } from './sim-server.js';
import { createSimSocket } from './sim-socket.js';
import type { SimulationPlan, SimulationStep } from './simulation-plan.js';
import { scheduleScript, START_TIME, tickUntilRest } from './script-playback.js';

export { MAX_LATENCY_MS, SETTLE_LIMIT_MS, START_TIME, TICK_MS } from './script-playback.js';

export interface ThreadOutcome {
  threadId: string;
  /** Everything a `client.threads.watch` listener received, in order. */
  updates: ThreadUpdate[];
  /** The fake time at which each of `updates` arrived. */
  updateTimes: number[];
  finalLog: ServerEvent[];
  storeThread: ThreadState | undefined;
  clientLastEventId: string | null;
}

export interface SimulationOutcome {
  /** The script ran to its end and the world came to rest: connected (not half-open), every thread live and caught up. */
  settled: boolean;
  /** Fake time from the end of the script until rest (or until giving up). */
  settleMs: number;
  connectionState: ConnectionState;
  threads: ThreadOutcome[];
  faults: FaultCounts;
  /** Every `store.send` made, whether the socket was connected at that moment, and how it ended. */
  sends: { threadId: string; text: string; whileDisconnected: boolean; result: SendResult | 'pending' }[];
  /** Fake times at which the socket finished a handshake. */
  connectedAt: number[];
  /** Fake times at which each fault took effect. */
  faultTimes: { kind: string; at: number }[];
  agentTurns: readonly SentTurn[];
  approvalDecisions: ReadonlyMap<string, number>;
  historyRequests: number;
  stats: ClientStats;
  errors: unknown[];
}

/**
 * Runs the real client and store against the simulated server: plays `plan.steps` as a scheduled sequence,
 * lets fast-check's scheduler interleave every network step with it, ticks the fake clock, and returns once
 * the world is at rest or `SETTLE_LIMIT_MS` after the script ended.
 */
export function runSimulation(plan: SimulationPlan, scheduler: fc.Scheduler): Promise<SimulationOutcome> {
  return onFakeClock(() => run(plan, scheduler));
}

/** Runs `simulate` on a fake clock starting at `START_TIME`, and gives the real one back whatever happens. */
export async function onFakeClock<T>(simulate: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'], now: START_TIME });
  try {
    return await simulate();
  } finally {
    vi.clearAllTimers();
    vi.useRealTimers();
  }
}

async function run(plan: SimulationPlan, scheduler: fc.Scheduler): Promise<SimulationOutcome> {
  const network = createScheduledNetwork(scheduler);
  const burstSizes = cycle(plan.timing.burstSizes);
  const server = createSimServer({ network, threadIds: plan.threadIds, burstSize: burstSizes });
  const simSocket = createSimSocket({ network, endpoint: server });
  const client = createPlatosClient({
    url: 'http://127.0.0.1:4000',
    token: SIM_TOKEN,
    socketFactory: simSocket.factory,
    fetch: server.fetch,
    random: seededRandom(plan.timing.clientSeed),
    network: null,
  });
  const frames = createManualScheduler();
  const store = createPlatosStore({ client, scheduler: frames });
  const updates = new Map(plan.threadIds.map((threadId) => [threadId, [] as ThreadUpdate[]]));
  const updateTimes = new Map(plan.threadIds.map((threadId) => [threadId, [] as number[]]));
  for (const threadId of plan.threadIds) {
    client.threads.watch(threadId, (update) => {
      updates.get(threadId)!.push(update);
      updateTimes.get(threadId)!.push(Date.now());
    });
    store.watchThread(threadId);
  }

  const sends: SimulationOutcome['sends'] = [];
  const answeredApprovals = new Set<string>();
  const perform = (step: SimulationStep) => {
    if (step.kind === 'event') server.appendScripted(step.body, step.fault);
    else if (step.kind === 'fault') server.inject(step.fault, step.threadId);
    else {
      const entry: SimulationOutcome['sends'][number] = {
        threadId: step.threadId,
        text: step.text,
        whileDisconnected: !simSocket.connected,
        result: 'pending',
      };
      sends.push(entry);
      void store.send(step.threadId, step.text).then((result) => (entry.result = result));
    }
  };
  const playback = scheduleScript(scheduler, plan.steps, describe, perform, network);

  const answerPendingApprovals = () => {
    for (const threadId of plan.threadIds) {
      const approvals = store.getState().threads[threadId]?.view.approvals ?? {};
      for (const approval of Object.values(approvals)) {
        if (approval.state !== 'pending' || answeredApprovals.has(approval.id)) continue;
        answeredApprovals.add(approval.id);
        network.later(`the user approves ${approval.id}`, () => void store.respondToApproval(threadId, approval.id, 'approved'));
      }
    }
  };
  const lastSync = (threadId: string) => updates.get(threadId)!.findLast((update) => update.kind === 'sync');
  const atRest = () =>
    playback.done &&
    server.quiet &&
    server.connectionState === 'open' &&
    simSocket.connected &&
    client.connection.getState() === 'open' &&
    sends.every((send) => send.result !== 'pending') &&
    plan.threadIds.every((threadId) => {
      const sync = lastSync(threadId);
      return sync?.kind === 'sync' && sync.state === 'live' && client.threads.lastEventId(threadId) === server.thread(threadId).lastEventId;
    });

  const { settled, settleMs } = await tickUntilRest({
    scheduler,
    network,
    playback,
    stepsPerTick: cycle(plan.timing.stepsPerTick),
    atRest,
    onPlaybackEnd: () => server.releaseHeldFrames(),
    afterTick() {
      frames.runFrame();
      if (plan.answerApprovals) answerPendingApprovals();
    },
  });

  store.flush();
  const outcome: SimulationOutcome = {
    settled,
    settleMs,
    connectionState: client.connection.getState(),
    threads: plan.threadIds.map((threadId) => ({
      threadId,
      updates: updates.get(threadId)!,
      updateTimes: updateTimes.get(threadId)!,
      finalLog: server.thread(threadId).events,
      storeThread: store.getState().threads[threadId],
      clientLastEventId: client.threads.lastEventId(threadId),
    })),
    faults: { ...server.faultsApplied },
    sends,
    connectedAt: [...simSocket.counters.connectedAt],
    faultTimes: [...server.faultTimes],
    agentTurns: [...server.agent.turns],
    approvalDecisions: new Map(server.agent.decisionsApplied),
    historyRequests: server.fetch.requests.count,
    stats: client.getStats(),
    errors: network.errors,
  };
  store.destroy();
  client.close();
  return outcome;
}

function describe(step: SimulationStep): string {
  if (step.kind === 'event') return `${step.body.type} of ${step.body.threadId}${step.fault ? ` (${step.fault})` : ''}`;
  if (step.kind === 'fault') return `fault ${JSON.stringify(step.fault)}`;
  return `send "${step.text}" to ${step.threadId}`;
}

/** Hands out `values` in turn, round and round. */
export function cycle(values: readonly number[]): () => number {
  let index = 0;
  return () => values[index++ % values.length] ?? 1;
}

/** mulberry32: a tiny seeded generator in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), state | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}
