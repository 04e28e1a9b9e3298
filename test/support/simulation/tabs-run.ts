import type fc from 'fast-check';
import { vi } from 'vitest';
import type { ServerEvent } from '../../../src/protocol/index.js';
import type { ConnectionState, ThreadUpdate } from '../../../src/client/types.js';
import type { ThreadState } from '../../../src/store/types.js';
import type { SentTurn } from './agent-turns.js';
import type { FaultCounts } from './faults.js';
import { createScheduledNetwork } from './network.js';
import { cycle, onFakeClock } from './run-simulation.js';
import { scheduleScript, tickUntilRest } from './script-playback.js';
import { createSimServer } from './sim-server.js';
import { createScheduledBroadcast } from './tabs-broadcast.js';
import { TAB_THREAD_IDS, SENDS_THREAD, type TabChange, type TabsPlan, type TabsStep } from './tabs-plan.js';
import { closeTab, openTab, type SimTab, type TabSend, type TabsOrigin } from './tabs-world.js';
import { createFakeLocks } from '../tabs/fake-locks.js';

/** Tabs opened midway stop here, so a plan cannot grow the world without bound. */
const MAX_TABS = 6;

export interface TabThreadOutcome {
  threadId: string;
  updates: ThreadUpdate[];
  /** The store's copy at the end; undefined for a tab closed before. */
  storeThread: ThreadState | undefined;
}

export interface TabOutcome {
  index: number;
  closedAt: number | null;
  connectionState: ConnectionState;
  threads: TabThreadOutcome[];
}

export interface TabsOutcome {
  /** The script ran to its end and every open tab came to rest: connected, every thread live and caught up, no send pending. */
  settled: boolean;
  settleMs: number;
  tabs: TabOutcome[];
  finalLogs: Map<string, ServerEvent[]>;
  sends: TabSend[];
  agentTurns: readonly SentTurn[];
  /** Real sockets connected at the end, over every tab that ever led. */
  connectedSockets: number;
  serverConnection: 'open' | 'half-open' | 'closed';
  socketsMade: { tab: number; at: number }[];
  tabChanges: { leaderCloses: number; followerCloses: number; opened: number };
  faults: FaultCounts;
  errors: unknown[];
}

/**
 * Runs `plan.tabCount` tabs of one origin, each with its own client and store, sharing one connection to the
 * simulated server; plays the script, the sends, the tab closes and opens and the network faults, with every
 * network step and every BroadcastChannel message interleaved by fast-check's scheduler on the fake clock.
 */
export function runTabsSimulation(plan: TabsPlan, scheduler: fc.Scheduler): Promise<TabsOutcome> {
  return onFakeClock(() => withCountedIds(() => run(plan, scheduler)));
}

/** Tab ids and message ids from a counter, so a failing run replays exactly from its seed. */
async function withCountedIds<T>(body: () => Promise<T>): Promise<T> {
  let next = 0;
  const spy = vi.spyOn(globalThis.crypto, 'randomUUID').mockImplementation(() => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`);
  try {
    return await body();
  } finally {
    spy.mockRestore();
  }
}

async function run(plan: TabsPlan, scheduler: fc.Scheduler): Promise<TabsOutcome> {
  const network = createScheduledNetwork(scheduler);
  const server = createSimServer({ network, threadIds: TAB_THREAD_IDS, burstSize: cycle(plan.timing.burstSizes) });
  const origin: TabsOrigin = {
    server,
    network,
    broadcastChannel: createScheduledBroadcast(network).factory,
    locks: plan.election === 'locks' ? createFakeLocks() : null,
    clientSeed: plan.timing.clientSeed,
    threadIds: TAB_THREAD_IDS,
    socketsMade: [],
  };
  const tabs: SimTab[] = Array.from({ length: plan.tabCount }, (_, index) => openTab(origin, index));
  const openTabs = () => tabs.filter((tab) => tab.closedAt === null);
  const sends: TabSend[] = [];
  const tabChanges = { leaderCloses: 0, followerCloses: 0, opened: 0 };

  const changeTabs = (change: TabChange) => {
    const open = openTabs();
    if (change === 'open-tab') {
      if (tabs.length >= MAX_TABS) return;
      tabs.push(openTab(origin, tabs.length));
      tabChanges.opened += 1;
      return;
    }
    if (open.length < 2) return;
    // Mid hand-over no tab leads: there is no leader to close then.
    const victim = change === 'close-leader' ? open.find((tab) => tab.leading) : open.find((tab) => !tab.leading);
    if (!victim) return;
    closeTab(victim);
    tabChanges[change === 'close-leader' ? 'leaderCloses' : 'followerCloses'] += 1;
  };
  const perform = (step: TabsStep) => {
    if (step.kind === 'event') return server.appendScripted(step.body, null);
    if (step.kind === 'fault') return server.inject(step.fault, null);
    if (step.kind === 'tab') return changeTabs(step.change);
    const open = openTabs();
    const tab = open[step.tab % open.length]!;
    const whileDisconnected = tab.client.connection.getState() !== 'open';
    const entry: TabSend = { tab: tab.index, threadId: SENDS_THREAD, text: step.text, whileDisconnected, result: 'pending' };
    sends.push(entry);
    void tab.store.send(SENDS_THREAD, step.text).then((result) => (entry.result = result));
  };
  const playback = scheduleScript(scheduler, plan.steps, describe, perform, network);

  const connectedSockets = () => tabs.reduce((total, tab) => total + tab.sockets.filter((socket) => socket.connected).length, 0);
  const caughtUp = (tab: SimTab) =>
    tab.client.connection.getState() === 'open' &&
    TAB_THREAD_IDS.every((threadId) => {
      const sync = tab.updates.get(threadId)!.findLast((update) => update.kind === 'sync');
      return sync?.kind === 'sync' && sync.state === 'live' && tab.client.threads.lastEventId(threadId) === server.thread(threadId).lastEventId;
    });
  const atRest = () =>
    playback.done &&
    server.quiet &&
    server.connectionState === 'open' &&
    connectedSockets() === 1 &&
    sends.every((send) => send.result !== 'pending' || tabs[send.tab]!.closedAt !== null) &&
    openTabs().every(caughtUp);

  const { settled, settleMs } = await tickUntilRest({
    scheduler,
    network,
    playback,
    stepsPerTick: cycle(plan.timing.stepsPerTick),
    atRest,
    afterTick: () => openTabs().forEach((tab) => tab.runFrame()),
  });

  for (const tab of openTabs()) tab.store.flush();
  const outcome: TabsOutcome = {
    settled,
    settleMs,
    tabs: tabs.map((tab) => ({
      index: tab.index,
      closedAt: tab.closedAt,
      connectionState: tab.client.connection.getState(),
      threads: TAB_THREAD_IDS.map((threadId) => ({
        threadId,
        updates: tab.updates.get(threadId)!,
        storeThread: tab.closedAt === null ? tab.store.getState().threads[threadId] : undefined,
      })),
    })),
    finalLogs: new Map(TAB_THREAD_IDS.map((threadId) => [threadId, server.thread(threadId).events])),
    sends,
    agentTurns: [...server.agent.turns],
    connectedSockets: connectedSockets(),
    serverConnection: server.connectionState,
    socketsMade: [...origin.socketsMade],
    tabChanges,
    faults: { ...server.faultsApplied },
    errors: network.errors,
  };
  for (const tab of openTabs()) closeTab(tab);
  return outcome;
}

function describe(step: TabsStep): string {
  if (step.kind === 'event') return `${step.body.type} of ${step.body.threadId}`;
  if (step.kind === 'fault') return `fault ${JSON.stringify(step.fault)}`;
  if (step.kind === 'tab') return step.change;
  return `tab #${step.tab} sends "${step.text}"`;
}
