import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatosClient } from '../../src/client/create-platos-client.js';
import { fetchHistory } from '../../src/client/history-fetch.js';
import { createPlatosStore } from '../../src/store/create-platos-store.js';
import { viewToHistory } from '../../src/store/view/history.js';
import { mulberry32 } from '../../mock-server/faults/seeded-random.js';
import { auditDeliveries, runTurn, sleep, until } from '../support/system-turns.js';
import { spawnMockServer, type SpawnedMockServer } from '../support/spawn-mock-server.js';

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

function listenerCounts(socket: Socket) {
  return {
    connect: socket.listeners('connect').length,
    disconnect: socket.listeners('disconnect').length,
    connectError: socket.listeners('connect_error').length,
    any: socket.listenersAny().length,
  };
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
    const audits = threadIds.map((threadId) => auditDeliveries(client, threadId));
    threadIds.forEach((threadId) => store.watchThread(threadId));
    await until(() => client.connection.getState() === 'open', 'the connection');

    let dropsDone = 0;
    let turnsFinished = 0;
    const turnLoops = threadIds.map(async (threadId) => {
      while (dropsDone < DROPS) {
        await runTurn(store, client, threadId, `Plan a trip, turn ${turnsFinished}`, 60_000);
        turnsFinished += 1;
      }
    });

    const random = mulberry32(20261121);
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
