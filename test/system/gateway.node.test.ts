import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../mock-server/create-mock-server.js';
import type { PlatosClientOptions } from '../../src/client/client-options.js';
import type { ClientTool, EntityRecord } from '../../src/client/connections/types.js';
import { createPlatosClient } from '../../src/client/create-platos-client.js';
import type { PlatosClient } from '../../src/client/types.js';
import type { ServerEvent } from '../../src/protocol/index.js';
import { sleep, until } from '../support/system-turns.js';

/** Waits until `condition` holds; a timeout names the condition. */
const eventually = (condition: () => boolean, timeoutMs = 10_000) => until(condition, condition.toString(), timeoutMs);

const TOKEN = 'gateway-token';
let server: MockServer;
let slowServer: MockServer;
let clients: PlatosClient[] = [];
const injected: Record<string, number> = {};

beforeAll(async () => {
  server = await createMockServer({ port: 0, tokens: [TOKEN], speed: 0 });
  slowServer = await createMockServer({ port: 0, tokens: [TOKEN], speed: 0, authDelayMs: 300 });
});
afterEach(() => {
  for (const [kind, count] of Object.entries(server.faults.clear())) {
    if (typeof count === 'number' && kind.startsWith('connections') && count > 0) injected[kind] = (injected[kind] ?? 0) + count;
  }
  clients.forEach((client) => client.close());
  clients = [];
});
afterAll(async () => {
  console.info(`gateway faults injected against the real client: ${JSON.stringify(injected)}`);
  await Promise.all([server.close(), slowServer.close()]);
});

function connect(overrides: Partial<PlatosClientOptions> = {}, target: MockServer = server) {
  const sockets: Socket[] = [];
  const client = createPlatosClient({
    url: target.url,
    token: TOKEN,
    transports: ['websocket'],
    reconnect: { baseMs: 20, capMs: 100 },
    liveness: { intervalMs: 300, timeoutMs: 300 },
    network: null,
    socketFactory: (url, options) => {
      const socket = io(url, options);
      sockets.push(socket);
      return socket;
    },
    ...overrides,
  });
  clients.push(client);
  return { client, sockets };
}

let toolCounter = 0;

/** A tool (named `name`, made unique to the test) that counts its runs per invocation and takes `workMs` to answer. */
function countingTool(baseName: string, workMs: number) {
  const name = `${baseName}_${++toolCounter}`;
  const runs = new Map<string, number>();
  const tool: ClientTool<{ n: number }, { doubled: number }> = {
    name,
    description: `Doubles n after ${workMs} ms`,
    parameters: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'], additionalProperties: false },
    async execute({ n }, { invocationId }) {
      runs.set(invocationId, (runs.get(invocationId) ?? 0) + 1);
      await sleep(workMs);
      return { doubled: n * 2 };
    },
  };
  return { tool, runs, name };
}

const sessionOf = (target: MockServer, toolName: string) => target.connections.sessions().find((session) => session.tools.includes(toolName));

async function collect(client: PlatosClient, threadId: string, message: string): Promise<ServerEvent[]> {
  const events: ServerEvent[] = [];
  for await (const event of client.threads.stream({ threadId, message })) events.push(event);
  return events;
}

describe('the connections gateway against the mock server', () => {
  it('runs a browser tool the agent calls, and the answer uses its result', async () => {
    const { client, sockets } = connect();
    expect(sockets).toHaveLength(1);
    client.connections.registerTool({
      name: 'read_filters',
      description: 'Reads the filters',
      parameters: { type: 'object', properties: { fields: { type: 'array', items: { enum: ['region', 'budget', 'days'] } } } },
      execute: ({ fields }: { fields: string[] }) => Object.fromEntries(fields.map((field) => [field, field === 'region' ? 'Oceania' : 7])),
    });
    await eventually(() => sessionOf(server, 'read_filters') !== undefined);
    expect(sockets).toHaveLength(2);

    const events = await collect(client, `browser-${Date.now()}`, 'browser Which trip fits my filters?');
    const result = events.find((event) => event.type === 'tool-call-result');
    expect(result).toMatchObject({ result: { region: 'Oceania', budget: 7, days: 7 } });
    const text = events.flatMap((event) => (event.type === 'text-delta' ? [event.delta] : [])).join('');
    expect(text).toContain('Oceania');
    expect(events.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
    expect(client.connections.getStats()).toMatchObject({ invocations: 1, answersAcknowledged: 1, invalidArgs: 0 });
  });

  it('answers invalid_args without running the tool, and the agent reports it', async () => {
    const { client } = connect();
    let runs = 0;
    client.connections.registerTool({
      name: 'read_filters',
      description: 'Reads the filters',
      parameters: { type: 'object', properties: { fields: { type: 'array', items: { enum: ['region', 'budget', 'days'] } } } },
      execute: () => ++runs,
    });
    await eventually(() => sessionOf(server, 'read_filters') !== undefined);
    const events = await collect(client, `browser-fail-${Date.now()}`, 'browser-fail Check the weather filter');
    expect(events.find((event) => event.type === 'tool-call-error')).toMatchObject({ error: { code: 'invalid_args' } });
    expect(runs).toBe(0);
    expect(client.connections.getStats().invalidArgs).toBe(1);
  });

  it('answers each invocation exactly once while the gateway socket is cut again and again', async () => {
    const { client } = connect();
    const { tool, runs, name } = countingTool('double', 120);
    client.connections.registerTool(tool);
    await eventually(() => sessionOf(server, name)?.connected === true);
    server.faults.set({ faults: [{ kind: 'connections-drop', atMs: 60, times: 1000 }] });

    const invocations = Array.from({ length: 24 }, (_, index) => index);
    const answers = await Promise.all(
      invocations.map(async (n) => {
        await sleep(n * 25);
        return server.connections.invoke({ token: TOKEN, name, args: { n }, timeoutMs: 15_000 });
      }),
    );
    const drops = server.faults.stats()['connections-drop'];
    server.faults.clear();

    expect(answers).toEqual(invocations.map((n) => ({ result: { doubled: n * 2 } })));
    expect(runs.size).toBe(invocations.length);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    expect(drops).toBeGreaterThan(3);
    const stats = client.connections.getStats();
    console.info(`exactly once across ${drops} gateway cuts: ${invocations.length} invocations, ${stats.answersSent} answers sent, ${stats.reconnects} reconnects`);
    expect(stats.invocations).toBe(invocations.length);
  });

  it('drops a duplicated tool:invoke frame and runs the tool once', async () => {
    const { client } = connect();
    const { tool, runs, name } = countingTool('double', 10);
    client.connections.registerTool(tool);
    await eventually(() => sessionOf(server, name)?.connected === true);
    server.faults.set({ faults: [{ kind: 'connections-duplicate', atEvent: 1 }] });
    expect(await server.connections.invoke({ token: TOKEN, name, args: { n: 4 } })).toEqual({ result: { doubled: 8 } });
    expect(server.faults.stats()['connections-duplicate']).toBe(1);
    // Both copies are dropped as already applied when the first subscribe's rebuild from the entities endpoint (which
    // lists the open invocation) overtakes them; either way the tool runs once.
    await eventually(() => client.connections.getStats().duplicateFrames >= 1);
    expect([...runs.values()]).toEqual([1]);
  });

  it('does not run again an invocation the server lists again after a restart, and re-sends its answer', async () => {
    const { client } = connect();
    const { tool, runs, name } = countingTool('double', 300);
    client.connections.registerTool(tool);
    await eventually(() => sessionOf(server, name)?.connected === true);
    const answer = server.connections.invoke({ token: TOKEN, name, args: { n: 5 } });
    await eventually(() => runs.size === 1);
    server.faults.restartEpoch();
    expect(await answer).toEqual({ result: { doubled: 10 } });
    await eventually(() => client.connections.getStats().resyncs === 1);
    expect([...runs.values()]).toEqual([1]);
    expect(client.connections.getStats().duplicateInvocations).toBe(1);
  });

  it('ends with the latest tool set when tools change while the gateway is cut', async () => {
    const { client } = connect();
    const [first, second, third] = [countingTool('first', 0), countingTool('second', 0), countingTool('third', 0)];
    client.connections.registerTool(first.tool);
    await eventually(() => sessionOf(server, first.name)?.connected === true);
    // Changed the moment the gateway is cut, before it can reconnect.
    const changedWhileCut = new Promise<string>((resolve) => {
      const stop = client.connections.subscribe((state) => {
        if (state === 'open') return;
        stop();
        client.connections.unregisterTool(first.name);
        client.connections.registerTool(second.tool);
        client.connections.registerTool(third.tool);
        resolve(state);
      });
    });
    server.faults.set({ faults: [{ kind: 'connections-drop', atMs: 0 }] });
    expect(await changedWhileCut).toBe('reconnecting');
    server.faults.clear();
    const latest = [second.name, third.name].join();
    await until(
      () => server.connections.sessions().some((session) => session.connected && session.tools.join() === latest),
      () => `the latest set ${latest} on a connected session; sessions: ${JSON.stringify(server.connections.sessions())}, client: ${client.connections.getState()} ${JSON.stringify(client.connections.getStats())}`,
      5_000,
    );
    const session = server.connections.sessions().find((candidate) => candidate.tools.includes(third.name));
    expect(session?.revision).toBe(4);
    expect(client.connections.toolNames()).toEqual([second.name, third.name]);
  });

  it('keeps entities current, and ignores versions it already has after a rebuild', async () => {
    const { client } = connect();
    const seen: EntityRecord[] = [];
    client.connections.onEntity((entity) => seen.push(entity), { entityType: 'note' });
    await eventually(() => client.connections.getState() === 'open');
    await eventually(() => server.connections.sessions().some((session) => session.connected));
    server.connections.updateEntity(TOKEN, 'note', 'n1', { snapshot: { text: 'a', tags: [] } });
    server.connections.updateEntity(TOKEN, 'note', 'n1', { patch: [{ op: 'add', path: '/tags/-', value: 'x' }] });
    await eventually(() => client.connections.getEntity('note', 'n1')?.version === 2);
    server.faults.set({ faults: [{ kind: 'connections-duplicate', atEvent: 1 }] });
    server.faults.restartEpoch();
    server.connections.updateEntity(TOKEN, 'note', 'n1', { patch: [{ op: 'replace', path: '/text', value: 'b' }] });
    await eventually(() => client.connections.getEntity('note', 'n1')?.version === 3);
    expect(client.connections.getEntity('note', 'n1')?.value).toEqual({ text: 'b', tags: ['x'] });
    const versions = seen.filter((entity) => entity.entityId === 'n1').map((entity) => entity.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('has every frame sent during a slow session lookup handled, in order', async () => {
    const { client } = connect({}, slowServer);
    const { tool, name } = countingTool('slow_double', 0);
    client.connections.registerTool(tool);
    client.connections.registerTool(countingTool('another', 0).tool);
    await eventually(() => slowServer.connections.sessions().some((session) => session.tools.length === 2), 5_000);
    expect(await slowServer.connections.invoke({ token: TOKEN, name, args: { n: 21 } })).toEqual({ result: { doubled: 42 } });
    expect(slowServer.connections.sessions().find((session) => session.tools.length === 2)?.revision).toBe(2);
    expect(slowServer.connections.stats().framesHandled).toBeGreaterThanOrEqual(3);
  });
});
