import { createPlatosClient } from '../../../src/client/create-platos-client.js';
import type { ElectionTiming, LockManagerLike } from '../../../src/client/shared-connection/leader-election.js';
import type { PlatosClient, ThreadUpdate } from '../../../src/client/types.js';
import { createPlatosStore } from '../../../src/store/create-platos-store.js';
import { createManualScheduler } from '../../../src/store/frame-scheduler.js';
import type { PlatosStore, SendResult } from '../../../src/store/types.js';
import type { BroadcastChannelFactory } from '../../../src/client/shared-connection/tab-channel.js';
import type { Network } from './network.js';
import { seededRandom } from './run-simulation.js';
import { SIM_TOKEN, type SimServer } from './sim-server.js';
import { createSimSocket, type SimSocket } from './sim-socket.js';

/**
 * Election timing on the simulated clock: a frame may wait up to MAX_LATENCY_MS (800 ms) plus a 200 ms tick, so a
 * leader is only presumed frozen after silences no live leader's heartbeats can leave.
 */
export const TAB_TIMING: ElectionTiming = { heartbeatMs: 400, leaderTimeoutMs: 2_400, claimMs: 200 };

export interface TabSend {
  tab: number;
  threadId: string;
  text: string;
  /** The tab's connection was not open when the message was sent. */
  whileDisconnected: boolean;
  result: SendResult | 'pending';
}

export interface SimTab {
  index: number;
  client: PlatosClient;
  store: PlatosStore;
  runFrame(): void;
  /** The real sockets this tab made, one each time it started leading. */
  sockets: SimSocket[];
  /** What its `client.threads.watch` listeners received while the tab was open. */
  updates: Map<string, ThreadUpdate[]>;
  closedAt: number | null;
  /** Whether it leads now: its latest real socket is still wanted. */
  readonly leading: boolean;
}

/** What every tab of the simulated origin shares: the server, the network, one BroadcastChannel namespace, one lock manager. */
export interface TabsOrigin {
  server: SimServer;
  network: Network;
  broadcastChannel: BroadcastChannelFactory;
  /** `null`: the tabs elect over the channel. */
  locks: LockManagerLike | null;
  clientSeed: number;
  threadIds: readonly string[];
  /** Every real socket made, by which tab and when, in order. */
  socketsMade: { tab: number; at: number }[];
}

/** Opens one tab: its own client sharing the connection, its own store, watching every thread. */
export function openTab(origin: TabsOrigin, index: number): SimTab {
  const sockets: SimSocket[] = [];
  const client = createPlatosClient({
    url: 'http://127.0.0.1:4000',
    token: SIM_TOKEN,
    socketFactory: (namespaceUrl, socketOptions) => {
      const simSocket = createSimSocket({ network: origin.network, endpoint: origin.server });
      sockets.push(simSocket);
      origin.socketsMade.push({ tab: index, at: Date.now() });
      return simSocket.factory(namespaceUrl, socketOptions);
    },
    fetch: origin.server.fetch,
    random: seededRandom(origin.clientSeed + index),
    network: null,
    persist: false,
    sharedConnection: { broadcastChannel: origin.broadcastChannel, locks: origin.locks, timing: TAB_TIMING },
  });
  const frames = createManualScheduler();
  const store = createPlatosStore({ client, scheduler: frames });
  const tab: SimTab = {
    index,
    client,
    store,
    runFrame: () => frames.runFrame(),
    sockets,
    updates: new Map(origin.threadIds.map((threadId) => [threadId, []])),
    closedAt: null,
    get leading() {
      return tab.closedAt === null && sockets.at(-1)?.socket.active === true;
    },
  };
  for (const threadId of origin.threadIds) {
    client.threads.watch(threadId, (update) => {
      if (tab.closedAt === null) tab.updates.get(threadId)!.push(update);
    });
    store.watchThread(threadId);
  }
  return tab;
}

/** The tab goes away as a closed browser tab does: its store and client end, its lock is let go. */
export function closeTab(tab: SimTab): void {
  tab.closedAt = Date.now();
  tab.client.close();
  tab.store.destroy();
}
