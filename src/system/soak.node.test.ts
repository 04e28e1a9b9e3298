import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatosClient } from '../client/create-platos-client';
import type { PlatosClient, ThreadUpdate } from '../client/types';
import { fetchHistory } from '../client/history-fetch';
import { parseEventId } from '../protocol';
import { createPlatosStore } from '../store/create-platos-store';
import type { PlatosStore } from '../store/types';
import { viewToHistory } from '../store/view/history';
import { spawnMockServer, type SpawnedMockServer } from '../test-support/spawn-mock-server';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const THREADS = 10;
const DROPS = 50;
const TOKEN = 'soak-token';

let server: SpawnedMockServer;
beforeAll(async () => {
  server = await spawnMockServer({ PLATOS_MOCK_SPEED: '10', PLATOS_MOCK_TOKENS: TOKEN });
});
afterAll(async () => server?.stop());

/** A seeded generator, so a failing soak can be replayed. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), state | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string | (() => string), timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await sleep(10);
  }
}

function listenerCounts(socket: Socket) {
  return {
    connect: socket.listeners('connect').length,
    disconnect: socket.listeners('disconnect').length,
    connectError: socket.listeners('connect_error').length,
    any: socket.listenersAny().length,
  };
}

/** Every delivered id of a thread, checked as it arrives: between resets, seqs rise by exactly one. */
function deliveryAudit(client: PlatosClient, threadId: string) {
  const audit = { delivered: 0, doubled: 0, skipped: 0, resets: 0 };
  let lastSeq: number | null = null;
  client.threads.watch(threadId, (update: ThreadUpdate) => {
    if (update.kind === 'reset') {
      audit.resets += 1;
      lastSeq = update.history.lastEventId === null ? 0 : parseEventId(update.history.lastEventId)!.seq;
    } else if (update.kind === 'event') {
      audit.delivered += 1;
      const { seq } = update.event;
      if (lastSeq !== null && seq <= lastSeq) audit.doubled += 1;
      if (lastSeq !== null && seq > lastSeq + 1) audit.skipped += 1;
      lastSeq = seq;
    }
  });
  return audit;
}

/** What a stuck thread looks like, for the failure message. */
function describeThread(store: PlatosStore, client: PlatosClient, threadId: string): string {
  const thread = store.getState().threads[threadId];
  return JSON.stringify({
    sync: thread?.sync,
    connection: client.connection.getState(),
    activeTurnId: thread?.view.activeTurnId,
    lastEventId: thread?.view.lastEventId,
    clientLastEventId: client.threads.lastEventId(threadId),
    approvals: Object.values(thread?.view.approvals ?? {}).map((approval) => approval.state),
    responses: thread?.approvalResponses,
    pending: thread?.pendingMessages,
    stats: client.getStats(),
  });
}

function approvePending(store: PlatosStore, threadId: string) {
  const thread = store.getState().threads[threadId];
  for (const approval of Object.values(thread?.view.approvals ?? {})) {
    if (approval.state === 'pending' && !thread?.approvalResponses[approval.id]) {
      void store.respondToApproval(threadId, approval.id, 'approved');
    }
  }
}

describe('soak', () => {
  it(`streams ${THREADS} threads through ${DROPS} random drops without losing, doubling or leaking`, { timeout: 90_000 }, async () => {
    let socket: Socket | undefined;
    const client = createPlatosClient({
      url: server.url,
      token: TOKEN,
      transports: ['websocket'],
      reconnect: { baseMs: 20, capMs: 200 },
      network: null,
      socketFactory: (url, options) => (socket = io(url, options)),
    });
    const store = createPlatosStore({ client });
    const threadIds = Array.from({ length: THREADS }, (_, index) => `soak-${Date.now()}-${index}`);
    const audits = threadIds.map((threadId) => deliveryAudit(client, threadId));
    threadIds.forEach((threadId) => store.watchThread(threadId));
    await until(() => client.connection.getState() === 'open', 'the connection');

    let dropsDone = 0;
    let turnsFinished = 0;
    const turnLoops = threadIds.map(async (threadId) => {
      while (dropsDone < DROPS) {
        const sent = await store.send(threadId, `Plan a trip, turn ${turnsFinished}`);
        if (!sent.ok) throw new Error(`send failed: ${sent.error.code}`);
        await until(() => {
          approvePending(store, threadId);
          const thread = store.getState().threads[threadId];
          return thread?.view.turns[sent.turnId] !== undefined && thread.view.activeTurnId === null;
        }, () => `turn ${sent.turnId} of ${threadId}: ${describeThread(store, client, threadId)}`, 60_000);
        turnsFinished += 1;
      }
    });

    const random = seeded(20261121);
    let warm: { listeners: ReturnType<typeof listenerCounts>; heap: number; state: number } | null = null;
    const measure = () => {
      collectGarbage();
      return { listeners: listenerCounts(socket!), heap: process.memoryUsage().heapUsed, state: JSON.stringify(store.getState()).length };
    };
    for (; dropsDone < DROPS; dropsDone += 1) {
      await sleep(80 + Math.floor(random() * 240));
      socket!.io.engine.close();
      await until(() => client.connection.getState() === 'open', `reconnect after drop ${dropsDone + 1}`);
      if (dropsDone === 9) warm = measure();
    }
    await Promise.all(turnLoops);
    await sleep(300);
    store.flush();
    const end = measure();

    for (const [index, threadId] of threadIds.entries()) {
      const history = await fetchHistory({ baseUrl: server.url, agentId: 'default', threadId, token: TOKEN, fetch });
      expect(viewToHistory(store.getState().threads[threadId]!.view), threadId).toEqual(history);
      expect(audits[index]).toMatchObject({ doubled: 0, skipped: 0 });
    }
    const stats = client.getStats();
    expect(stats.reconnects).toBe(DROPS);
    expect(end.listeners).toEqual(warm!.listeners);
    const heapGrowth = end.heap - warm!.heap;
    const stateGrowth = end.state - warm!.state;
    // The store keeps every event it applied, so the heap grows with the data; beyond that it must stay flat.
    expect(heapGrowth - 4 * stateGrowth).toBeLessThan(8 * 1024 * 1024);
    const delivered = audits.reduce((sum, audit) => sum + audit.delivered, 0);
    console.info(
      `soak: ${THREADS} threads, ${DROPS} drops, ${turnsFinished} turns, ${delivered} events delivered, ` +
        `resets ${audits.reduce((sum, audit) => sum + audit.resets, 0)}, duplicates dropped ${stats.duplicateFrames}, ` +
        `heap +${(heapGrowth / 1e6).toFixed(1)} MB with state +${(stateGrowth / 1e6).toFixed(1)} MB, listeners ${JSON.stringify(end.listeners)}`,
    );
    store.destroy();
    client.close();
  });
});
