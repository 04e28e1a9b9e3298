import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EntitiesResponse } from '../../protocol/index.js';
import { createFakeSocketPair, type FakeSocket } from '../../../test/support/fake-socket.js';
import type { PlatosClientOptions } from '../client-options.js';
import { createPlatosClient } from '../create-platos-client.js';
import type { ClientTool, EntityRecord, ToolExecutionContext, ToolInvocation } from './types.js';

const preparation = vi.hoisted(() => ({ gates: new WeakMap<object, Promise<void>>() }));
vi.mock('./prepare-tool.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./prepare-tool.js')>();
  return {
    ...actual,
    prepareTool: async (tool: ClientTool<unknown, unknown>) => {
      await preparation.gates.get(tool);
      return actual.prepareTool(tool);
    },
  };
});

/** Holds the preparation of `tool` (as a slow load of its schema support would) until the returned function is called. */
const holdPreparation = (tool: ClientTool) => {
  let release = () => {};
  preparation.gates.set(tool, new Promise<void>((resolve) => (release = resolve)));
  return release;
};

const baseUrl = 'http://127.0.0.1:4000';
const clients: { close(): void }[] = [];
afterEach(() => {
  clients.splice(0).forEach((client) => client.close());
});

/** What the gateway answers: resumes whenever the client names a resume point, acknowledges the rest. */
const gatewayServer = (name: string, request: { lastEventId?: string; revision?: number }) => {
  switch (name) {
    case 'connections:subscribe':
      return { ok: true, resumed: request.lastEventId !== undefined, lastEventId: request.lastEventId ?? null };
    case 'tools:sync':
      return { ok: true, revision: request.revision };
    default:
      return { ok: true };
  }
};

/** The entities endpoint of a gateway with no entities and nothing open, which the first subscribe rebuilds from. */
const emptyEntities = async () => Response.json({ lastEventId: null, entities: [], invocations: [] } satisfies EntitiesResponse);

function setup(overrides: Partial<PlatosClientOptions> = {}) {
  const pair = createFakeSocketPair();
  pair.gateway.respond = gatewayServer;
  const malformed: string[] = [];
  const client = createPlatosClient({
    url: baseUrl,
    token: 'dev-token',
    socketFactory: pair.factory,
    liveness: false,
    network: null,
    fetch: emptyEntities,
    onMalformedFrame: (_frame, reason) => malformed.push(reason),
    ...overrides,
  });
  clients.push(client);
  return { pair, gateway: pair.gateway, client, malformed };
}

/** Lets the schema support finish loading (tools are prepared on first need), then what it started run its course. */
const flush = async () => {
  await vi.dynamicImportSettled();
  await new Promise((resolve) => setTimeout(resolve, 0));
};

/** Frames of one gateway session, numbered as the server numbers them. */
function gatewayFrames(epoch = 'ep') {
  let seq = 0;
  return <T extends object>(type: string, fields: T) => {
    seq += 1;
    return { type, id: `${epoch}-${seq}`, seq, ts: 1_700_000_000_000, ...fields };
  };
}

const emit = (gateway: FakeSocket, frame: { type: string }) => gateway.serverEmit(frame.type, frame);
const commandNames = (gateway: FakeSocket) => gateway.commands.map((command) => command.name);
const commandsNamed = (gateway: FakeSocket, name: string) => gateway.commands.filter((command) => command.name === name);

const filtersTool = (execute: ClientTool['execute'] = (args) => ({ applied: args })): ClientTool => ({
  name: 'set_filters',
  description: 'Sets the dashboard filters',
  parameters: { type: 'object', properties: { region: { type: 'string' } }, required: ['region'] },
  execute,
});

async function connected(overrides: Partial<PlatosClientOptions> = {}, tool: ClientTool = filtersTool()) {
  const context = setup(overrides);
  context.client.connections.registerTool(tool);
  await context.client.connections.ready();
  context.gateway.serverConnect();
  await flush();
  return context;
}

const invokeFields = (invocationId: string, args: unknown = { region: 'eu' }) => ({
  invocationId,
  threadId: 'thread-1',
  toolCallId: `call-${invocationId}`,
  name: 'set_filters',
  args,
});

describe('client.connections over the gateway socket', () => {
  it('opens the gateway socket on the first tool, not before', async () => {
    const { pair, client } = setup();
    expect(pair.factoryUrls).toEqual([`${baseUrl}/`]);
    client.connections.onInvocation(() => {});
    client.connections.toolNames();
    await client.connections.ready();
    await flush();
    expect(pair.factoryUrls).toHaveLength(1);
    expect(client.connections.getState()).toBe('idle');

    client.connections.registerTool(filtersTool());
    await client.connections.ready();
    expect(pair.factoryUrls).toEqual([`${baseUrl}/`, `${baseUrl}/connections`]);
    expect(pair.gateway.options).toMatchObject({ path: '/streaming', reconnection: false });
    expect(client.connections.getState()).toBe('connecting');

    client.connections.onEntity(() => {});
    client.connections.registerTool({ ...filtersTool(), name: 'other' });
    await client.connections.ready();
    expect(pair.factoryUrls).toHaveLength(2);
  });

  it('opens the gateway socket on the first entity listener too', async () => {
    const { pair, client } = setup();
    client.connections.onEntity(() => {});
    await client.connections.ready();
    expect(pair.factoryUrls.at(-1)).toBe(`${baseUrl}/connections`);
  });

  it('subscribes, then syncs its whole tool set with its revision, once connected', async () => {
    const { gateway, client } = setup();
    const filters = filtersTool();
    client.connections.registerTool(filters);
    client.connections.registerTool({
      name: 'pick_columns',
      description: 'Picks the table columns',
      parameters: v.object({ columns: v.array(v.picklist(['name', 'date'])) }),
      execute: () => null,
    });
    await client.connections.ready();
    await flush();
    expect(gateway.commands).toEqual([]);

    gateway.serverConnect();
    await flush();
    expect(commandNames(gateway)).toEqual(['connections:subscribe', 'tools:sync']);
    expect(gateway.commands[0]!.request).toEqual({});
    expect(gateway.commands[1]!.request).toEqual({
      revision: 2,
      tools: [
        { name: 'set_filters', description: 'Sets the dashboard filters', parameters: filters.parameters },
        {
          name: 'pick_columns',
          description: 'Picks the table columns',
          parameters: expect.objectContaining({
            type: 'object',
            properties: { columns: { type: 'array', items: { type: 'string', enum: ['name', 'date'] } } },
            required: ['columns'],
          }),
        },
      ],
    });
    expect(client.connections.getState()).toBe('open');
    expect(client.connections.getStats().toolSyncs).toBe(1);
  });

  it('sends one more tools:sync with a higher revision per change, one for changes made in one task', async () => {
    const { gateway, client } = await connected();
    const syncs = () => commandsNamed(gateway, 'tools:sync').map(({ request }) => ({ revision: request.revision, names: request.tools.map((tool: { name: string }) => tool.name) }));
    expect(syncs()).toEqual([{ revision: 1, names: ['set_filters'] }]);

    const unregister = client.connections.registerTool({ ...filtersTool(), name: 'second' });
    await flush();
    expect(syncs()).toEqual([
      { revision: 1, names: ['set_filters'] },
      { revision: 2, names: ['set_filters', 'second'] },
    ]);

    client.connections.registerTool({ ...filtersTool(), name: 'third' });
    unregister();
    await flush();
    expect(syncs().slice(2)).toEqual([{ revision: 4, names: ['set_filters', 'third'] }]);
  });

  it.each([
    ['replaces it', (first: ClientTool) => ({ ...first, description: 'Picks the table columns' }), ['set_filters', 'pick_columns']],
    ['adds another', () => ({ ...filtersTool(), name: 'sort_rows', description: 'Sorts the rows' }), ['set_filters', 'pick_columns', 'sort_rows']],
  ])(
    'never sends a lower tools:sync revision after a higher one, and ends with the latest set, when a registration slow to prepare is followed by one that %s',
    async (_what, next, names) => {
      const { gateway, client } = await connected();
      const first: ClientTool = { ...filtersTool(), name: 'pick_columns', description: 'Picks columns' };
      const release = holdPreparation(first);
      client.connections.registerTool(first);
      await flush();
      const second = next(first);
      client.connections.registerTool(second);
      await flush();
      release();
      await flush();
      const syncs = commandsNamed(gateway, 'tools:sync').map(({ request }) => request as { revision: number; tools: { name: string; description: string }[] });
      const revisions = syncs.map(({ revision }) => revision);
      expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
      expect(revisions).toEqual([1, 3]);
      expect(syncs.at(-1)!.tools.map((tool) => tool.name)).toEqual(names);
      expect(syncs.at(-1)!.tools.find((tool) => tool.name === second.name)?.description).toBe(second.description);
      expect(client.connections.getStats().toolSyncs).toBe(2);
    },
  );

  it('leaves a tool whose schema cannot be prepared out of tools:sync, and answers its invocations tool_failed', async () => {
    const { gateway, client } = setup();
    client.connections.registerTool(filtersTool());
    client.connections.registerTool({ ...filtersTool(), name: 'broken', parameters: { $id: 'http://[not-a-url' } });
    await client.connections.ready();
    gateway.serverConnect();
    await flush();
    expect(commandNames(gateway)).toEqual(['connections:subscribe', 'tools:sync']);
    expect(gateway.commands[1]!.request).toEqual({ revision: 2, tools: [expect.objectContaining({ name: 'set_filters' })] });

    emit(gateway, gatewayFrames()('tool:invoke', { ...invokeFields('inv-1'), name: 'broken' }));
    await flush();
    expect(commandsNamed(gateway, 'tool:error').map(({ request }) => request)).toEqual([
      { invocationId: 'inv-1', error: { code: 'tool_failed', message: expect.stringContaining('broken could not be prepared') } },
    ]);
  });

  it('runs a tool:invoke once, sends its tool:result and reports the invocation', async () => {
    const execute = vi.fn((args: unknown, context: ToolExecutionContext) => ({ applied: args, thread: context.threadId }));
    const { gateway, client } = await connected({}, filtersTool(execute));
    const heard: ToolInvocation[] = [];
    client.connections.onInvocation((invocation) => heard.push(invocation));
    const frame = gatewayFrames();
    emit(gateway, frame('tool:invoke', invokeFields('inv-1')));
    await flush();
    expect(execute).toHaveBeenCalledTimes(1);
    expect(commandsNamed(gateway, 'tool:result').map(({ request }) => request)).toEqual([
      { invocationId: 'inv-1', result: { applied: { region: 'eu' }, thread: 'thread-1' } },
    ]);
    expect(client.connections.getInvocation('inv-1')).toMatchObject({ state: 'succeeded', delivery: 'acknowledged', toolCallId: 'call-inv-1' });
    expect(heard.map(({ state, delivery }) => `${state}/${delivery}`)).toEqual(['running/none', 'running/none', 'succeeded/pending', 'succeeded/acknowledged']);
    expect(client.connections.getStats()).toMatchObject({ invocations: 1, answersSent: 1, answersAcknowledged: 1 });

    // The server is not sure it got the answer and asks again, in a frame of its own.
    emit(gateway, frame('tool:invoke', invokeFields('inv-1')));
    await flush();
    expect(execute).toHaveBeenCalledTimes(1);
    expect(commandsNamed(gateway, 'tool:result')).toHaveLength(2);
    expect(client.connections.getStats().duplicateInvocations).toBe(1);
  });

  it('answers tool:error invalid_args without running the tool', async () => {
    const execute = vi.fn();
    const { gateway } = await connected({}, filtersTool(execute));
    emit(gateway, gatewayFrames()('tool:invoke', invokeFields('inv-1', { region: 7 })));
    await flush();
    expect(execute).not.toHaveBeenCalled();
    expect(commandsNamed(gateway, 'tool:error').map(({ request }) => request)).toEqual([
      { invocationId: 'inv-1', error: { code: 'invalid_args', message: expect.stringContaining('/region') } },
    ]);
  });

  it('runs a tool:invoke repeated while its tool is still being prepared once, and answers once', async () => {
    const execute = vi.fn(() => 'once');
    const tool = filtersTool(execute);
    const release = holdPreparation(tool);
    const { gateway, client } = await connected({}, tool);
    const frame = gatewayFrames();
    emit(gateway, frame('tool:invoke', invokeFields('inv-1')));
    emit(gateway, frame('tool:invoke', invokeFields('inv-1')));
    await flush();
    expect(execute).not.toHaveBeenCalled();
    release();
    await flush();
    expect(execute).toHaveBeenCalledTimes(1);
    expect(commandsNamed(gateway, 'tool:result').map(({ request }) => request)).toEqual([{ invocationId: 'inv-1', result: 'once' }]);
    expect(client.connections.getStats()).toMatchObject({ invocations: 1, duplicateInvocations: 1, answersSent: 1 });
  });

  it.each(['tool:cancel', 'client.close()'])('never runs a tool:invoke stopped by %s while its tool is still being prepared, and answers nothing', async (stop) => {
    const execute = vi.fn(() => 'too late');
    const tool = filtersTool(execute);
    const release = holdPreparation(tool);
    const { gateway, client } = await connected({}, tool);
    const frame = gatewayFrames();
    emit(gateway, frame('tool:invoke', invokeFields('inv-1')));
    await flush();
    if (stop === 'tool:cancel') emit(gateway, frame('tool:cancel', { invocationId: 'inv-1', reason: 'turn-cancelled' }));
    else client.close();
    release();
    await flush();
    expect(execute).not.toHaveBeenCalled();
    expect(commandsNamed(gateway, 'tool:result')).toEqual([]);
    expect(commandsNamed(gateway, 'tool:error')).toEqual([]);
    expect(client.connections.getStats()).toMatchObject({ invocations: 0, answersSent: 0 });
    if (stop === 'tool:cancel') {
      expect(client.connections.getInvocation('inv-1')).toMatchObject({ state: 'cancelled', delivery: 'none' });
      expect(commandNames(gateway)).toEqual(['connections:subscribe', 'tools:sync']);
    }
  });

  it('aborts a running tool on tool:cancel and answers nothing', async () => {
    let signal: AbortSignal | undefined;
    let finish: (value: unknown) => void = () => {};
    const tool = filtersTool((_args, context) => {
      signal = context.signal;
      return new Promise((resolve) => (finish = resolve));
    });
    const { gateway, client } = await connected({}, tool);
    const frame = gatewayFrames();
    emit(gateway, frame('tool:invoke', invokeFields('inv-1')));
    await flush();
    emit(gateway, frame('tool:cancel', { invocationId: 'inv-1', reason: 'turn-cancelled' }));
    finish('too late');
    await flush();
    expect(signal?.aborted).toBe(true);
    expect(client.connections.getInvocation('inv-1')).toMatchObject({ state: 'cancelled', error: { code: 'cancelled', message: 'turn-cancelled' } });
    expect(commandNames(gateway)).toEqual(['connections:subscribe', 'tools:sync']);
    expect(client.connections.getStats().cancellations).toBe(1);
  });

  it('sends the result of a call that finished while offline once, after the reconnect', async () => {
    let finish: (value: unknown) => void = () => {};
    const execute = vi.fn(() => new Promise((resolve) => (finish = resolve)));
    const { gateway, client } = await connected({}, filtersTool(execute));
    emit(gateway, gatewayFrames()('tool:invoke', invokeFields('inv-1')));
    await flush();

    gateway.serverDisconnect();
    finish({ done: true });
    await flush();
    expect(commandsNamed(gateway, 'tool:result')).toEqual([]);
    expect(client.connections.getInvocation('inv-1')).toMatchObject({ state: 'succeeded', delivery: 'pending' });

    gateway.commands.length = 0;
    gateway.serverConnect();
    await flush();
    expect(commandNames(gateway)).toEqual(['connections:subscribe', 'tools:sync', 'tool:result']);
    expect(gateway.commands[0]!.request).toEqual({ lastEventId: 'ep-1' });
    expect(gateway.commands[2]!.request).toEqual({ invocationId: 'inv-1', result: { done: true } });
    expect(client.connections.getInvocation('inv-1')?.delivery).toBe('acknowledged');
    expect(execute).toHaveBeenCalledTimes(1);
    expect(client.connections.getStats().reconnects).toBe(1);
  });

  it('does not send again an answer the server refused for what it is', async () => {
    const { gateway, client } = await connected();
    gateway.respond = (name, request) =>
      name === 'tool:result' ? { ok: false, error: { code: 'invalid_request', message: 'tool:result: result is too large' } } : gatewayServer(name, request);
    emit(gateway, gatewayFrames()('tool:invoke', invokeFields('inv-1')));
    await flush();
    expect(client.connections.getInvocation('inv-1')?.delivery).toBe('rejected');
    gateway.serverDisconnect();
    gateway.serverConnect();
    await flush();
    expect(commandsNamed(gateway, 'tool:result')).toHaveLength(1);
    expect(client.connections.getStats()).toMatchObject({ answersSent: 1, answersRejected: 1, answersAcknowledged: 0 });
  });

  it('moves past a revision the session holds from another client, so the server takes the set of this one', async () => {
    const { gateway, client } = await connected({ connections: { sessionId: 'reused' } });
    let held = 7;
    gateway.respond = (name, request: { revision?: number; lastEventId?: string }) => {
      if (name !== 'tools:sync') return gatewayServer(name, request);
      held = Math.max(held, request.revision ?? 0);
      return { ok: true, revision: held };
    };
    client.connections.registerTool({ ...filtersTool(), name: 'second_tool' });
    await flush();
    await flush();
    const syncs = commandsNamed(gateway, 'tools:sync').map(({ request }) => request.revision);
    expect(syncs.at(-1)).toBe(8);
    expect(held).toBe(8);
    expect(commandsNamed(gateway, 'tools:sync').at(-1)!.request.tools.map((tool: { name: string }) => tool.name)).toEqual(['set_filters', 'second_tool']);
  });

  it('sends an answer again after a drop took its acknowledgement', async () => {
    const { gateway, client } = await connected();
    gateway.respond = (name, request) => (name === 'tool:result' ? new Promise(() => {}) : gatewayServer(name, request));
    emit(gateway, gatewayFrames()('tool:invoke', invokeFields('inv-1')));
    await flush();
    expect(commandsNamed(gateway, 'tool:result')).toHaveLength(1);

    gateway.serverDisconnect();
    await flush();
    gateway.respond = gatewayServer;
    gateway.serverConnect();
    await flush();
    expect(commandsNamed(gateway, 'tool:result')).toHaveLength(2);
    expect(client.connections.getInvocation('inv-1')?.delivery).toBe('acknowledged');
  });

  it('hands the handshake the token and one sessionId, the same across reconnects', async () => {
    const { gateway, pair } = await connected();
    const handshake = () => new Promise<object>((resolve) => gateway.options!.auth(resolve));
    const first = (await handshake()) as { token: string; sessionId: string };
    expect(first).toEqual({ token: 'dev-token', sessionId: expect.any(String) });
    expect(first.sessionId.length).toBeGreaterThanOrEqual(1);
    expect(first.sessionId.length).toBeLessThanOrEqual(128);

    gateway.serverDisconnect();
    gateway.serverConnect();
    expect(await handshake()).toEqual(first);
    expect(await new Promise((resolve) => pair.chat.options!.auth(resolve))).toEqual({ token: 'dev-token', batch: true });
  });

  it('uses the sessionId and the fresh token it is given', async () => {
    let token = 'first';
    const { gateway } = await connected({ token: undefined, getToken: () => token, connections: { sessionId: 'tab-1' } });
    const handshake = () => new Promise<object>((resolve) => gateway.options!.auth(resolve));
    expect(await handshake()).toEqual({ token: 'first', sessionId: 'tab-1' });
    token = 'second';
    expect(await handshake()).toEqual({ token: 'second', sessionId: 'tab-1' });
  });

  it('drops and counts malformed gateway frames without breaking the next good one', async () => {
    const { gateway, client, malformed } = setup();
    const heard: EntityRecord[] = [];
    client.connections.onEntity((entity) => heard.push(entity));
    await client.connections.ready();
    gateway.serverConnect();
    await flush();
    const frame = gatewayFrames();
    gateway.serverEmit('tool:invoke', { type: 'tool:invoke', id: 'ep-0', seq: 1, ts: 0 });
    gateway.serverEmit('entity:updated', { type: 'entity:updated', id: 'ep-0', seq: 1, ts: 0, entityType: 'workspace', entityId: 'demo', version: 1, snapshot: {}, patch: [] });
    gateway.serverEmit('made-up', {});
    emit(gateway, frame('entity:updated', { entityType: 'workspace', entityId: 'demo', version: 1, snapshot: { openTasks: 3 } }));
    expect(client.connections.getStats()).toMatchObject({ malformedFrames: 3, rejectedFrames: { invalid: 2, 'unknown-event': 1 } });
    expect(malformed).toHaveLength(3);
    expect(heard).toEqual([{ entityType: 'workspace', entityId: 'demo', version: 1, value: { openTasks: 3 } }]);
    expect(client.getStats().malformedFrames).toBe(0);
  });

  it('reaches the entity listeners whose filter matches', async () => {
    const { gateway, client } = setup();
    const heard: Record<string, string[]> = { all: [], workspaces: [], demo: [], otherWorkspace: [], stopped: [] };
    const listen = (name: string, filter?: { entityType?: string; entityId?: string }) =>
      client.connections.onEntity((entity) => heard[name]!.push(`${entity.entityType}/${entity.entityId}@${entity.version}`), filter);
    listen('all');
    listen('workspaces', { entityType: 'workspace' });
    listen('demo', { entityType: 'workspace', entityId: 'demo' });
    listen('otherWorkspace', { entityType: 'workspace', entityId: 'other' });
    const stop = listen('stopped');
    stop();
    await client.connections.ready();
    gateway.serverConnect();
    await flush();
    const frame = gatewayFrames();
    emit(gateway, frame('entity:updated', { entityType: 'workspace', entityId: 'demo', version: 1, snapshot: { openTasks: 3 } }));
    emit(gateway, frame('entity:updated', { entityType: 'project', entityId: 'demo', version: 1, snapshot: {} }));
    emit(gateway, frame('entity:updated', { entityType: 'workspace', entityId: 'demo', version: 2, patch: [{ op: 'replace', path: '/openTasks', value: 2 }] }));
    expect(heard).toEqual({
      all: ['workspace/demo@1', 'project/demo@1', 'workspace/demo@2'],
      workspaces: ['workspace/demo@1', 'workspace/demo@2'],
      demo: ['workspace/demo@1', 'workspace/demo@2'],
      otherWorkspace: [],
      stopped: [],
    });
    expect(client.connections.getEntity('workspace', 'demo')).toMatchObject({ version: 2, value: { openTasks: 2 } });
  });

  it('rebuilds from the entities endpoint when a patch has no base, and runs the open invocations it lists', async () => {
    const rebuilt: EntitiesResponse = {
      lastEventId: 'ep-9',
      entities: [{ entityType: 'workspace', entityId: 'demo', version: 7, snapshot: { openTasks: 1 } }],
      invocations: [{ invocationId: 'inv-open', threadId: 'thread-1', toolCallId: 'call-open', name: 'set_filters', args: { region: 'us' } }],
    };
    // The first subscribe rebuilds too (entities exist before a session's first frame): an empty gateway then.
    const fetch = vi.fn(async () => (fetch.mock.calls.length === 1 ? emptyEntities() : Response.json(rebuilt)));
    const execute = vi.fn(() => 'rebuilt');
    const { gateway, client } = await connected({ fetch: fetch as unknown as typeof globalThis.fetch, connections: { sessionId: 'tab-1' } }, filtersTool(execute));
    const heard: EntityRecord[] = [];
    client.connections.onEntity((entity) => heard.push(entity));
    emit(gateway, gatewayFrames()('entity:updated', { entityType: 'workspace', entityId: 'demo', version: 6, patch: [{ op: 'replace', path: '/openTasks', value: 2 }] }));
    await flush();
    await flush();
    expect(commandsNamed(gateway, 'connections:subscribe').map(({ request }) => request)).toEqual([{}, {}]);
    expect(fetch).toHaveBeenCalledTimes(2);
    const [url, init] = fetch.mock.calls[1] as unknown as [URL, RequestInit];
    expect(String(url)).toBe(`${baseUrl}/api/connections/entities?sessionId=tab-1`);
    expect(init.headers).toMatchObject({ authorization: 'Bearer dev-token' });
    expect(heard).toEqual([{ entityType: 'workspace', entityId: 'demo', version: 7, value: { openTasks: 1 } }]);
    expect(execute).toHaveBeenCalledTimes(1);
    expect(commandsNamed(gateway, 'tool:result').map(({ request }) => request)).toEqual([{ invocationId: 'inv-open', result: 'rebuilt' }]);
    expect(client.connections.getStats()).toMatchObject({ entityPatchFailures: 1, resyncs: 1 });
  });

  it('keeps a rebuild it owes until one succeeds: a failed entities request is retried as a rebuild, not a resume', async () => {
    const current: EntitiesResponse = { lastEventId: 'ep-4', entities: [{ entityType: 'note', entityId: 'n1', version: 2, snapshot: { text: 'b' } }], invocations: [] };
    let calls = 0;
    const fetch = async () => {
      calls += 1;
      if (calls === 1) return emptyEntities();
      if (calls === 2) return new Response('busy', { status: 503 });
      return Response.json(current);
    };
    const { gateway, client } = await connected({ fetch, reconnect: { baseMs: 1, capMs: 1 } });
    const frame = gatewayFrames();
    emit(gateway, frame('entity:updated', { entityType: 'note', entityId: 'n1', version: 1, snapshot: { text: 'a' } }));
    // Version 3 patches a version 2 the client never saw: it cannot apply, so the client owes a rebuild.
    emit(gateway, frame('entity:updated', { entityType: 'note', entityId: 'n1', version: 3, patch: [{ op: 'replace', path: '/text', value: 'c' }] }));
    await vi.waitFor(() => expect(calls).toBe(3));
    await flush();
    // Every subscribe after the failed patch asked for a rebuild (no lastEventId), the retry included.
    expect(commandsNamed(gateway, 'connections:subscribe').map(({ request }) => request)).toEqual([{}, {}, {}]);
    expect(client.connections.getEntity('note', 'n1')).toEqual({ entityType: 'note', entityId: 'n1', version: 2, value: { text: 'b' } });
  });

  it('closes the gateway with the client: running tools are aborted and nothing more is sent', async () => {
    let signal: AbortSignal | undefined;
    const { gateway, client } = await connected(
      {},
      filtersTool((_args, context) => {
        signal = context.signal;
        return new Promise((_resolve, reject) => context.signal.addEventListener('abort', () => reject(context.signal.reason)));
      }),
    );
    emit(gateway, gatewayFrames()('tool:invoke', invokeFields('inv-1')));
    await flush();
    client.close();
    await flush();
    expect(signal?.aborted).toBe(true);
    expect(client.connections.getState()).toBe('closed');
    expect(gateway.socket.connected).toBe(false);
    expect(commandsNamed(gateway, 'tool:error')).toEqual([]);
    expect(client.connections.getStats().answersSent).toBe(0);
  });
});
