import { expect } from 'vitest';
import { auditDelivery } from './delivery-audit.js';
import { goldenView } from './golden-view.js';
import type { PropertyTally } from './property-report.js';
import { emptyTabsTally } from './property-report.js';
import type { TabOutcome, TabsOutcome } from './tabs-run.js';

const stillOpen = (tab: TabOutcome) => tab.closedAt === null;
const finalLog = (outcome: TabsOutcome, threadId: string) => outcome.finalLogs.get(threadId)!;

export function expectNoSimulationErrors(outcome: TabsOutcome) {
  expect(outcome.errors.map(String)).toEqual([]);
}

/** Every tab open at the end holds the view of a fault-free run, and got each event of the server's log once. */
export function expectOpenTabsLoseNothing(outcome: TabsOutcome) {
  expect(outcome.settled).toBe(true);
  for (const tab of outcome.tabs.filter(stillOpen)) {
    for (const thread of tab.threads) {
      const { lost, doubled } = auditDelivery(thread.updates, finalLog(outcome, thread.threadId));
      expect({ tab: tab.index, threadId: thread.threadId, lost, doubled }).toEqual({ tab: tab.index, threadId: thread.threadId, lost: [], doubled: [] });
      expect({ tab: tab.index, view: thread.storeThread?.view }).toEqual({ tab: tab.index, view: goldenView(thread.threadId, finalLog(outcome, thread.threadId)) });
    }
  }
}

/** No tab, closed ones included, got an event twice between two resets while it was open. */
export function expectNoTabGetsAnEventTwice(outcome: TabsOutcome) {
  for (const tab of outcome.tabs) {
    for (const thread of tab.threads) {
      const { doubled } = auditDelivery(thread.updates, finalLog(outcome, thread.threadId));
      expect({ tab: tab.index, closedAt: tab.closedAt, threadId: thread.threadId, doubled }).toEqual({ tab: tab.index, closedAt: tab.closedAt, threadId: thread.threadId, doubled: [] });
    }
  }
}

/**
 * At most one server turn per message, under the client message id the send resolved with; exactly one, and the
 * send resolved ok, for messages of tabs still open. A tab closed before its message went out may take it along.
 */
export function expectOneTurnPerSend(outcome: TabsOutcome) {
  expect(outcome.settled).toBe(true);
  const openAtEnd = new Set(outcome.tabs.filter(stillOpen).map((tab) => tab.index));
  const seen = outcome.sends.map((send) => {
    const turns = outcome.agentTurns.filter((turn) => turn.threadId === send.threadId && turn.text === send.text);
    const resolvedId = send.result === 'pending' ? null : send.result.clientMessageId;
    return {
      text: send.text,
      tab: send.tab,
      serverTurns: turns.length,
      sameClientMessageId: turns.every((turn) => resolvedId === null || turn.clientMessageId === resolvedId),
      ok: send.result !== 'pending' && send.result.ok,
    };
  });
  expect(seen).toEqual(
    seen.map((entry) =>
      openAtEnd.has(entry.tab)
        ? { ...entry, serverTurns: 1, sameClientMessageId: true, ok: true }
        : { ...entry, serverTurns: Math.min(entry.serverTurns, 1), sameClientMessageId: true },
    ),
  );
}

/** At rest: one real socket connected (the server's one session), every open tab connected and every thread live. */
export function expectOneSocketAndNothingStuck(outcome: TabsOutcome) {
  expect({ settled: outcome.settled, connectedSockets: outcome.connectedSockets, serverConnection: outcome.serverConnection }).toEqual({
    settled: true,
    connectedSockets: 1,
    serverConnection: 'open',
  });
  for (const tab of outcome.tabs.filter(stillOpen)) {
    expect({ tab: tab.index, connection: tab.connectionState, sync: tab.threads.map((thread) => thread.storeThread?.sync) }).toEqual({
      tab: tab.index,
      connection: 'open',
      sync: tab.threads.map(() => 'live'),
    });
  }
}

/** Adds one run's tabs, hand-overs, faults, deliveries and sends to the tally. */
export function tallyTabsRun(tally: PropertyTally, outcome: TabsOutcome, initialTabs: number): void {
  const tabs = (tally.tabs ??= emptyTabsTally());
  tally.executions += 1;
  if (!outcome.settled) tally.stuckRuns += 1;
  for (const [kind, count] of Object.entries(outcome.faults)) {
    tally.faults[kind as keyof typeof tally.faults] = (tally.faults[kind as keyof typeof tally.faults] ?? 0) + (count ?? 0);
  }
  tabs.tabsOpened += initialTabs + outcome.tabChanges.opened;
  tabs.tabsOpenedMidway += outcome.tabChanges.opened;
  tabs.leaderCloses += outcome.tabChanges.leaderCloses;
  tabs.followerCloses += outcome.tabChanges.followerCloses;
  const handOvers = outcome.socketsMade.filter((made, index) => index > 0 && made.tab !== outcome.socketsMade[index - 1]!.tab).length;
  tabs.handOvers += handOvers;
  tabs.socketsMade += outcome.socketsMade.length;
  if (handOvers > 0) tabs.runsWithHandOver += 1;
  tabs.networkDrops += (outcome.faults.drop ?? 0) + (outcome.faults['expire-window'] ?? 0);
  for (const tab of outcome.tabs) {
    for (const thread of tab.threads) {
      const audit = auditDelivery(thread.updates, finalLog(outcome, thread.threadId));
      tally.eventsDelivered += audit.delivered;
      if (stillOpen(tab)) tally.eventsLost += audit.lost.length;
      tally.eventsDoubled += audit.doubled.length;
    }
  }
  for (const send of outcome.sends) {
    const serverTurns = outcome.agentTurns.filter((turn) => turn.threadId === send.threadId && turn.text === send.text).length;
    tally.sends.total += 1;
    if (send.whileDisconnected) tally.sends.whileDisconnected += 1;
    if (serverTurns === 0 && outcome.tabs[send.tab]?.closedAt === null) tally.sends.lost += 1;
    if (serverTurns > 1) tally.sends.doubled += serverTurns - 1;
  }
}
