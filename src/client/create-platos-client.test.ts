import { describe, expect, it, vi } from 'vitest';
import type { HistoryResponse, ServerEvent } from '../protocol/index.js';
import { createEventFactory, shortTurnEvents } from '../../test/support/event-factory.js';
import { createFakeSocket, type FakeSocket } from '../../test/support/fake-socket.js';
import { createPlatosClient } from './create-platos-client.js';
import type { PlatosClientOptions } from './client-options.js';
import type { ThreadUpdate } from './types.js';

function setup(overrides: Partial<PlatosClientOptions> = {}) {
  const fake = createFakeSocket();
  const malformed: string[] = [];
  const client = createPlatosClient({
    url: 'http://127.0.0.1:4000',
    token: 'dev-token',
    socketFactory: fake.factory,
    onMalformedFrame: (_frame, reason) => malformed.push(reason),
    ...overrides,
  });
  return { fake, client, malformed };
}

function collect(client: ReturnType<typeof setup>['client'], threadId: string) {
  const updates: ThreadUpdate[] = [];
  const unwatch = client.threads.watch(threadId, (update) => updates.push(update));
  const events = () => updates.flatMap((update) => (update.kind === 'event' ? [update.event] : []));
  return { updates, events, unwatch };
}

/** Keeps the subscription unacknowledged until the test calls the returned function with the ack. */
function holdSubscribeAck(fake: FakeSocket) {
  let release: (value: unknown) => void = () => {};
  fake.respond = () => new Promise((resolve) => (release = resolve));
  return (value: unknown) => release(value);
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const emitEvent = (fake: FakeSocket, event: ServerEvent) => fake.serverEmit(event.type, event);

const turnEvents = shortTurnEvents;

describe('createPlatosClient', () => {
  it('connects to the agent namespace on the streaming path', () => {
    const { fake } = setup({ agentId: 'research bot' });
    expect(fake.namespaceUrl).toBe('http://127.0.0.1:4000/agents/research%20bot/chat/stream');
  });

  it('subscribes once connected and routes each thread its own frames on one socket', async () => {
    const { fake, client } = setup();
    fake.respond = () => ({ ok: true, resumed: false, lastEventId: null });
    const a = collect(client, 'thread-a');
    const b = collect(client, 'thread-b');
    expect(fake.commands).toHaveLength(0);
    fake.serverConnect();
    await flush();
    expect(fake.commands.map((command) => command.request.threadId).sort()).toEqual(['thread-a', 'thread-b']);
    const [startA, deltaA] = turnEvents('thread-a');
    const [startB] = turnEvents('thread-b');
    emitEvent(fake, startA!);
    emitEvent(fake, startB!);
    emitEvent(fake, deltaA!);
    expect(a.events().map((event) => event.id)).toEqual(['e1-1', 'e1-2']);
    expect(b.events().map((event) => event.threadId)).toEqual(['thread-b']);
  });

  it('counts and drops malformed frames without breaking the stream', async () => {
    const { fake, client, malformed } = setup();
    fake.respond = () => ({ ok: true, resumed: false, lastEventId: null });
    const watcher = collect(client, 'thread-1');
    fake.serverConnect();
    await flush();
    const [start, delta] = turnEvents('thread-1');
    emitEvent(fake, start!);
    fake.serverEmit('text-delta', { ...delta, seq: 'two' });
    fake.serverEmit('text-delta', delta, 'extra');
    fake.serverEmit('made-up-event', { type: 'made-up-event' });
    fake.serverEmit('finish', delta);
    fake.serverEmit('text-delta', null);
    emitEvent(fake, delta!);
    expect(client.getStats().malformedFrames).toBe(5);
    expect(client.getStats().rejectedFrames).toMatchObject({ invalid: 2, 'bad-arity': 1, 'unknown-event': 1, 'type-mismatch': 1 });
    expect(malformed).toHaveLength(5);
    expect(malformed[0]).toContain('seq');
    expect(watcher.events().map((event) => event.type)).toEqual(['turn-start', 'text-delta']);
  });

  it('checks the frame limits before validation, with the defaults or the ones given', async () => {
    const reasons: string[] = [];
    const { fake, client } = setup({ limits: { depth: 8 }, onMalformedFrame: (_frame, _reason, rejection) => reasons.push(rejection) });
    fake.respond = () => ({ ok: true, resumed: false, lastEventId: null });
    const watcher = collect(client, 'thread-1');
    fake.serverConnect();
    await flush();
    const [start, delta] = turnEvents('thread-1');
    let deep: unknown = 1;
    for (let level = 0; level < 8; level += 1) deep = { deep };
    emitEvent(fake, start!);
    fake.serverEmit('text-delta', { ...delta, extra: deep });
    fake.serverEmit('text-delta', { ...delta, delta: 'x'.repeat(256 * 1024 + 1) });
    fake.serverEmit('text-delta', { ...delta, extra: Array.from({ length: 5 }, () => 'x'.repeat(250 * 1024)) });
    emitEvent(fake, delta!);
    expect(reasons).toEqual(['too-deep', 'string-too-long', 'too-large']);
    expect(client.getStats()).toMatchObject({ malformedFrames: 3, rejectedFrames: { 'too-deep': 1, 'string-too-long': 1, 'too-large': 1 } });
    expect(watcher.events().map((event) => event.seq)).toEqual([1, 2]);
  });

  it('buffers frames that arrive before the subscription is acknowledged and applies them in order', async () => {
    const { fake, client } = setup();
    const events = turnEvents('thread-1');
    const ack = holdSubscribeAck(fake);
    const watcher = collect(client, 'thread-1');
    fake.serverConnect();
    events.forEach((event) => emitEvent(fake, event));
    expect(watcher.events()).toHaveLength(0);
    ack({ ok: true, resumed: true, lastEventId: 'e1-4' });
    await flush();
    expect(watcher.events().map((event) => event.seq)).toEqual([1, 2, 3, 4]);
    expect(client.threads.lastEventId('thread-1')).toBe('e1-4');
  });

  it('moves the resume point only after the listeners took the event, and drops duplicates', async () => {
    const { fake, client } = setup();
    fake.respond = () => ({ ok: true, resumed: false, lastEventId: null });
    const seenDuringListener: (string | null)[] = [];
    client.threads.watch('thread-1', (update) => {
      if (update.kind === 'event') seenDuringListener.push(client.threads.lastEventId('thread-1'));
    });
    fake.serverConnect();
    await flush();
    const [start, delta] = turnEvents('thread-1');
    emitEvent(fake, start!);
    emitEvent(fake, delta!);
    emitEvent(fake, delta!);
    emitEvent(fake, start!);
    expect(seenDuringListener).toEqual([null, 'e1-1']);
    expect(client.getStats().duplicateFrames).toBe(2);
  });

  it('rebuilds from history when the server cannot resume, then applies only newer buffered frames', async () => {
    const history: HistoryResponse = { threadId: 'thread-1', messages: [], lastEventId: 'e1-2' };
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(history), { status: 200 }));
    const { fake, client } = setup({ fetch: fetchMock as unknown as typeof fetch });
    const events = turnEvents('thread-1');
    const ack = holdSubscribeAck(fake);
    const watcher = collect(client, 'thread-1');
    fake.serverConnect();
    events.forEach((event) => emitEvent(fake, event));
    ack({ ok: true, resumed: false, lastEventId: 'e1-2' });
    await vi.waitFor(() => expect(watcher.updates.some((update) => update.kind === 'reset')).toBe(true));
    await flush();
    const [request] = fetchMock.mock.calls[0] as unknown as [URL, RequestInit];
    expect(String(request)).toBe('http://127.0.0.1:4000/api/threads/thread-1/messages?agentId=default');
    expect(watcher.updates.map((update) => (update.kind === 'event' ? update.event.seq : update.kind))).toEqual([
      'sync',
      'reset',
      'sync',
      3,
      4,
    ]);
  });

  it('after a server restart keeps only buffered frames of the new epoch that are newer than the history', async () => {
    const history: HistoryResponse = { threadId: 'thread-1', messages: [], lastEventId: 'e2-3' };
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(history), { status: 200 }));
    const { fake, client } = setup({ fetch: fetchMock as unknown as typeof fetch });
    const ack = holdSubscribeAck(fake);
    const watcher = collect(client, 'thread-1');
    fake.serverConnect();
    const oldEpoch = createEventFactory('thread-1', 'e1');
    const newEpoch = createEventFactory('thread-1', 'e2');
    const stale = [1, 2, 3, 4, 5].map(() => oldEpoch('text-delta', 'turn-1', { messageId: 'a1', delta: 'old' })).at(-1)!;
    const fresh = [1, 2, 3, 4].map(() => newEpoch('text-delta', 'turn-2', { messageId: 'a2', delta: 'new' }));
    emitEvent(fake, stale);
    fresh.forEach((event) => emitEvent(fake, event));
    ack({ ok: true, resumed: false, lastEventId: 'e2-3' });
    await vi.waitFor(() => expect(watcher.updates).toContainEqual({ kind: 'sync', state: 'live' }));
    expect(watcher.events().map((event) => event.id)).toEqual(['e2-4']);
    expect(client.getStats()).toMatchObject({ staleFrames: 1, duplicateFrames: 3 });
  });

  it('resubscribes from the last applied event after a reconnect', async () => {
    const { fake, client } = setup();
    fake.respond = () => ({ ok: true, resumed: true, lastEventId: null });
    collect(client, 'thread-1');
    fake.serverConnect();
    await flush();
    turnEvents('thread-1').slice(0, 2).forEach((event) => emitEvent(fake, event));
    fake.serverDisconnect();
    expect(client.connection.getState()).toBe('reconnecting');
    fake.serverConnect();
    await flush();
    expect(fake.commands.at(-1)).toEqual({ name: 'thread:subscribe', request: { threadId: 'thread-1', lastEventId: 'e1-2' } });
  });

  it('streams one turn as an async iterable that ends after finish', async () => {
    const { fake, client } = setup();
    const event = createEventFactory('thread-1');
    const script = [
      event('turn-start', 'turn-1', { messageId: 'a1', userMessage: { id: 'u1', text: 'hi', clientMessageId: 'cm-1' } }),
      event('text-delta', 'turn-0', { messageId: 'a0', delta: 'another turn' }),
      event('text-delta', 'turn-1', { messageId: 'a1', delta: 'Hello' }),
      event('finish', 'turn-1', { finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 2 }, durationMs: 5 }),
    ];
    fake.respond = (name) => {
      if (name === 'message:send') {
        setTimeout(() => script.forEach((frame) => emitEvent(fake, frame)), 0);
        return { ok: true, turnId: 'turn-1' };
      }
      return { ok: true, resumed: false, lastEventId: null };
    };
    fake.serverConnect();
    const stream = client.threads.stream({ threadId: 'thread-1', message: 'hi', clientMessageId: 'cm-1' });
    const seen: string[] = [];
    for await (const event of stream) seen.push(event.type);
    expect(seen).toEqual(['turn-start', 'text-delta', 'finish']);
    await expect(stream.turnId).resolves.toBe('turn-1');
    expect(fake.commands.find((command) => command.name === 'message:send')?.request).toEqual({
      threadId: 'thread-1',
      clientMessageId: 'cm-1',
      text: 'hi',
    });
  });

  it('rejects the stream with the server error code when the send is refused', async () => {
    const { fake, client } = setup();
    fake.respond = (name) =>
      name === 'message:send'
        ? { ok: false, error: { code: 'rate_limited', message: 'Slow down' } }
        : { ok: true, resumed: false, lastEventId: null };
    fake.serverConnect();
    const stream = client.threads.stream({ threadId: 'thread-1', message: 'hi' });
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toMatchObject({ code: 'rate_limited', message: 'Slow down' });
  });

  it('ends a turn stream with an error instead of hanging when the client is closed mid-turn', async () => {
    const { fake, client } = setup();
    const [start] = turnEvents('thread-1');
    fake.respond = (name) => {
      if (name === 'message:send') {
        setTimeout(() => emitEvent(fake, start!), 0);
        return { ok: true, turnId: 'turn-1' };
      }
      return { ok: true, resumed: false, lastEventId: null };
    };
    fake.serverConnect();
    const iterator = client.threads.stream({ threadId: 'thread-1', message: 'hi', clientMessageId: 'cm-1' })[Symbol.asyncIterator]();
    await expect(iterator.next()).resolves.toMatchObject({ value: { type: 'turn-start' } });
    client.close();
    await expect(iterator.next()).rejects.toMatchObject({ code: 'closed' });
  });

  it('reports an unauthorized handshake and never reconnects after close', () => {
    const { fake, client } = setup();
    const states: string[] = [];
    client.connection.subscribe((state) => states.push(state));
    fake.serverConnectError('unauthorized');
    client.close();
    expect(states).toEqual(['unauthorized', 'closed']);
    expect(fake.connectCalls).toBe(0);
  });

  it('retries an unauthorized handshake with a fresh token a bounded number of times when getToken is given', () => {
    let tokens = 0;
    const { fake, client } = setup({ token: undefined, getToken: () => `token-${++tokens}`, auth: { maxRetries: 2 } });
    fake.serverConnectError('unauthorized');
    fake.serverConnectError('unauthorized');
    expect(fake.connectCalls).toBe(2);
    expect(client.connection.getState()).toBe('connecting');
    fake.serverConnectError('unauthorized');
    expect(fake.connectCalls).toBe(2);
    expect(client.connection.getState()).toBe('unauthorized');
  });
});
