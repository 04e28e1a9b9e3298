import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../mock-server/create-mock-server.js';
import type { FaultSchedule } from '../../mock-server/faults/fault-schedule.js';
import { createPlatosClient } from '../../src/client/create-platos-client.js';
import type { PlatosClientOptions } from '../../src/client/client-options.js';
import { fetchHistory } from '../../src/client/history-fetch.js';
import type { ClientStats, PlatosClient } from '../../src/client/types.js';
import { createPlatosStore } from '../../src/store/create-platos-store.js';
import type { PlatosStore } from '../../src/store/types.js';
import { viewToHistory } from '../../src/store/view/history.js';
import { parseEventId } from '../../src/protocol/index.js';
import { auditDeliveries, runTurn, sleep, until, type DeliveryAudit } from '../support/system-turns.js';

const TOKEN = 'fault-token';
let server: MockServer;
let open: { client: PlatosClient; store: PlatosStore }[] = [];
/** Faults injected across this file, for the report. */
const injected: Record<string, number> = {};

beforeAll(async () => {
  server = await createMockServer({ port: 0, tokens: [TOKEN], speed: 20 });
});
afterEach(() => {
  for (const [kind, count] of Object.entries(server.faults.clear())) {
    if (kind !== 'framesSent' && kind !== 'total') injected[kind] = (injected[kind] ?? 0) + count;
  }
  open.forEach(({ client, store }) => (store.destroy(), client.close()));
  open = [];
});
afterAll(async () => {
  console.info(`faults injected against the real client: ${JSON.stringify(injected)}`);
  await server.close();
});

let threadCounter = 0;
function setup(overrides: Partial<PlatosClientOptions> = {}, stallTimeoutMs?: number) {
  let socket: Socket | undefined;
  const client = createPlatosClient({
    url: server.url,
    token: TOKEN,
    transports: ['websocket'],
    reconnect: { baseMs: 20, capMs: 100 },
    gap: { timeoutMs: 200 },
    liveness: { intervalMs: 300, timeoutMs: 300 },
    network: null,
    socketFactory: (url, options) => (socket = io(url, options)),
    ...overrides,
  });
  const store = createPlatosStore(stallTimeoutMs === undefined ? { client } : { client, stallTimeoutMs });
  open.push({ client, store });
  const threadId = `fault-${++threadCounter}-${Date.now()}`;
  const audit = auditDeliveries(client, threadId);
  store.watchThread(threadId);
  return { client, store, threadId, audit, socket: () => socket! };
}

/** The client's view of the thread equals the server's history, and the stream it applied had no hole or repeat. */
async function expectGolden(setupResult: { client: PlatosClient; store: PlatosStore; threadId: string; audit: DeliveryAudit }) {
  const { client, store, threadId, audit } = setupResult;
  store.flush();
  const history = await fetchHistory({ baseUrl: server.url, agentId: 'default', threadId, token: TOKEN, fetch });
  expect(viewToHistory(store.getState().threads[threadId]!.view)).toEqual(history);
  expect(audit).toMatchObject({ doubled: 0, skipped: 0 });
  expect(history.messages.filter((message) => message.role === 'assistant')).toHaveLength(1);
  expect(client.getStats().malformedFrames).toBe(0);
}

async function turnUnder(schedule: FaultSchedule, expected: Partial<ClientStats>, overrides: Partial<PlatosClientOptions> = {}) {
  const run = setup(overrides);
  await until(() => run.client.connection.getState() === 'open', 'the connection');
  await until(() => run.store.getState().threads[run.threadId]?.sync === 'live', 'the thread going live');
  server.faults.set(schedule);
  await runTurn(run.store, run.client, run.threadId, 'Plan a trip to Lisbon');
  await expectGolden(run);
  expect(run.client.getStats()).toMatchObject(expected);
  return run;
}

describe('the real client against each mock-server fault', () => {
  it('drop after N frames: resumes, nothing lost or doubled', async () => {
    await turnUnder({ faults: [{ kind: 'drop', afterEvents: 30, times: 3 }] }, { reconnects: 3, resyncs: 0 });
  });

  it('drop at a time', async () => {
    await turnUnder({ faults: [{ kind: 'drop', atMs: 150 }] }, { reconnects: 1, resyncs: 0 });
  });

  it('half-open: the liveness ping notices, the client reconnects and resumes', async () => {
    const run = await turnUnder({ faults: [{ kind: 'half-open', afterEvents: 40 }] }, { reconnects: 1, resyncs: 0 });
    expect(run.client.getStats().livenessTimeouts).toBe(1);
  });

  it('duplicate frame: dropped once', async () => {
    await turnUnder({ faults: [{ kind: 'duplicate', atEvent: 12 }, { kind: 'duplicate', atEvent: 50 }] }, { duplicateFrames: 2 });
  });

  it('swapped frames: applied in seq order', async () => {
    await turnUnder({ faults: [{ kind: 'swap', atEvent: 20 }] }, { outOfOrderFrames: 1, gaps: 0 });
  });

  it('skipped seq: the hole is repaired by resubscribing, never rendered', async () => {
    await turnUnder({ faults: [{ kind: 'skip', atEvent: 25 }] }, { gaps: 1, resyncs: 0 });
  });

  it('replay from an earlier id: the overlap is dropped', async () => {
    await turnUnder(
      { faults: [{ kind: 'replay-from-earlier', by: 5 }, { kind: 'drop', afterEvents: 30 }] },
      { reconnects: 1, duplicateFrames: 5 },
    );
  });

  it('server restart with a new epoch: visible resync from history, same end state', async () => {
    const run = setup();
    const states: string[] = [];
    run.client.connection.subscribe((state) => states.push(state));
    await until(() => run.store.getState().threads[run.threadId]?.sync === 'live', 'the thread going live');
    server.faults.set({ faults: [{ kind: 'restart-epoch', afterEvents: 40 }] });
    await runTurn(run.store, run.client, run.threadId, 'Plan a trip to Lisbon');
    await expectGolden(run);
    expect(run.client.getStats()).toMatchObject({ resyncs: 1, reconnects: 1 });
    expect(run.audit.resets).toBe(1);
    expect(states).toContain('resyncing');
  });

  it('a drop longer than the replay window: resync from history, no doubled partial message', async () => {
    const awayMs = { reconnect: { baseMs: 400, factor: 1, capMs: 400 }, random: () => 0.99 };
    const run = setup(awayMs);
    await until(() => run.store.getState().threads[run.threadId]?.sync === 'live', 'the thread going live');
    // Expire only once the server stored events the client missed, so the resume must replay something expired.
    const dropped = until(() => run.client.connection.getState() === 'reconnecting', 'the drop').then(async () => {
      const missedFrom = parseEventId(run.client.threads.lastEventId(run.threadId)!)!.seq;
      for (let stored = missedFrom; stored <= missedFrom; await sleep(10)) {
        const history = await fetchHistory({ baseUrl: server.url, agentId: 'default', threadId: run.threadId, token: TOKEN, fetch });
        stored = parseEventId(history.lastEventId!)!.seq;
      }
      server.faults.expireReplay();
    });
    server.faults.set({ faults: [{ kind: 'drop', afterEvents: 35 }] });
    await runTurn(run.store, run.client, run.threadId, 'Plan a trip to Lisbon');
    await dropped;
    await expectGolden(run);
    expect(run.client.getStats()).toMatchObject({ resyncs: 1, reconnects: 1 });
  });

  it('slow session lookup after connecting: commands sent meanwhile are kept in order', async () => {
    const run = setup();
    await until(() => run.client.connection.getState() === 'open', 'the connection');
    server.faults.set({ faults: [{ kind: 'auth-delay', ms: 400 }, { kind: 'drop', afterEvents: 20 }] });
    await runTurn(run.store, run.client, run.threadId, 'Plan a trip to Lisbon');
    await expectGolden(run);
    expect(run.client.getStats().reconnects).toBe(1);
  });

  it('rejected handshakes: a fresh token is asked for, a bounded number of times', async () => {
    let tokensAsked = 0;
    server.faults.set({ faults: [{ kind: 'auth-reject', times: 2 }] });
    const recovering = setup({ token: undefined, getToken: () => (tokensAsked++, TOKEN), auth: { maxRetries: 2 } });
    await until(() => recovering.client.connection.getState() === 'open', 'the connection after two rejections');
    expect(tokensAsked).toBe(3);
    server.faults.set({ faults: [{ kind: 'auth-reject', times: 10 }] });
    const refused = setup({ token: undefined, getToken: () => TOKEN, auth: { maxRetries: 2 } });
    await until(() => refused.client.connection.getState() === 'unauthorized', 'the terminal unauthorized state');
    expect(server.faults.stats()['auth-reject']).toBe(3);
  });

  it('random drops from a seed: five reconnects, nothing lost', async () => {
    await turnUnder({ seed: 42, faults: [{ kind: 'random-drops', count: 5, minEvents: 10, maxEvents: 40 }] }, { reconnects: 5, resyncs: 0 });
  });

  it("a skipped last frame (nothing after it shows the hole): the stalled turn resyncs and finishes", async () => {
    const probe = setup();
    await until(() => probe.store.getState().threads[probe.threadId]?.sync === 'live', 'the probe thread going live');
    await runTurn(probe.store, probe.client, probe.threadId, 'echo count my events');
    const probeLastId = (await fetchHistory({ baseUrl: server.url, agentId: 'default', threadId: probe.threadId, token: TOKEN, fetch })).lastEventId;
    const finishFrame = parseEventId(probeLastId!)!.seq;

    const run = setup({}, 500);
    await until(() => run.store.getState().threads[run.threadId]?.sync === 'live', 'the thread going live');
    server.faults.set({ faults: [{ kind: 'skip', atEvent: finishFrame, threadId: run.threadId }] });
    await runTurn(run.store, run.client, run.threadId, 'echo count my events');
    await expectGolden(run);
    expect(server.faults.stats().skip).toBe(1);
    expect(run.client.getStats().gaps).toBe(0);
  });
});
