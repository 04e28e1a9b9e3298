import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HistoryResponse, ServerEvent } from '../protocol/index.js';
import { createEventFactory } from '../../test/support/event-factory.js';
import { createFakeSocket, type FakeSocket } from '../../test/support/fake-socket.js';
import type { PlatosClientOptions } from './client-options.js';
import { createPlatosClient } from './create-platos-client.js';
import type { ConnectionState, ThreadUpdate } from './types.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(overrides: Partial<PlatosClientOptions> = {}) {
  const fake = createFakeSocket();
  const client = createPlatosClient({
    url: 'http://127.0.0.1:4000',
    token: 'dev-token',
    socketFactory: fake.factory,
    network: null,
    random: () => 0.5,
    reconnect: { baseMs: 100, capMs: 1_000 },
    gap: { bufferSize: 4, timeoutMs: 500 },
    liveness: false,
    ...overrides,
  });
  const states: ConnectionState[] = [];
  client.connection.subscribe((state) => states.push(state));
  return { fake, client, states };
}

function watchThread(client: ReturnType<typeof setup>['client'], threadId: string) {
  const updates: ThreadUpdate[] = [];
  client.threads.watch(threadId, (update) => updates.push(update));
  return {
    updates,
    ids: () => updates.flatMap((update) => (update.kind === 'event' ? [update.event.id] : [])),
  };
}

function deltas(threadId: string, epoch: string, count: number): ServerEvent[] {
  const event = createEventFactory(threadId, epoch);
  return Array.from({ length: count }, () => event('text-delta', 'turn-1', { messageId: 'a1', delta: 'x' }));
}
const emit = (fake: FakeSocket, ...events: ServerEvent[]) => events.forEach((event) => fake.serverEmit(event.type, event));
const subscribes = (fake: FakeSocket) => fake.commands.filter((command) => command.name === 'thread:subscribe').map((command) => command.request);

describe('client reliability', () => {
  it('applies frames that arrive out of order in seq order, each once', async () => {
    const { fake, client } = setup();
    fake.respond = () => ({ ok: true, resumed: false, lastEventId: null });
    const thread = watchThread(client, 't1');
    fake.serverConnect();
    await vi.advanceTimersByTimeAsync(0);
    const [e1, e2, e3, e4] = deltas('t1', 'ep', 4);
    emit(fake, e1!, e3!, e4!, e3!, e2!);
    expect(thread.ids()).toEqual(['ep-1', 'ep-2', 'ep-3', 'ep-4']);
    expect(client.getStats()).toMatchObject({ outOfOrderFrames: 1, duplicateFrames: 1, gaps: 0 });
  });

  it('resubscribes from the last applied id when a hole stays open, and the replay fills it', async () => {
    const { fake, client } = setup();
    fake.respond = () => ({ ok: true, resumed: false, lastEventId: null });
    const thread = watchThread(client, 't1');
    fake.serverConnect();
    await vi.advanceTimersByTimeAsync(0);
    const [e1, e2, e3, e4] = deltas('t1', 'ep', 4);
    emit(fake, e1!, e3!);
    fake.respond = () => {
      emit(fake, e2!, e3!);
      return { ok: true, resumed: true, lastEventId: 'ep-3' };
    };
    await vi.advanceTimersByTimeAsync(500);
    emit(fake, e4!);
    expect(subscribes(fake)).toEqual([{ threadId: 't1' }, { threadId: 't1', lastEventId: 'ep-1' }]);
    expect(thread.ids()).toEqual(['ep-1', 'ep-2', 'ep-3', 'ep-4']);
    expect(client.getStats().gaps).toBe(1);
  });

  it('drops a half-open connection that stops answering pings and resumes after reconnecting', async () => {
    const { fake, client } = setup({ liveness: { intervalMs: 1_000, timeoutMs: 500 } });
    fake.respond = (name) =>
      name === 'connection:ping'
        ? new Promise((_resolve, reject) => setTimeout(() => reject(new Error('operation has timed out')), 500))
        : { ok: true, resumed: true, lastEventId: 'ep-2' };
    const thread = watchThread(client, 't1');
    fake.serverConnect();
    await vi.advanceTimersByTimeAsync(0);
    emit(fake, ...deltas('t1', 'ep', 2));
    await vi.advanceTimersByTimeAsync(1_500);
    expect(client.getStats().livenessTimeouts).toBe(1);
    expect(client.connection.getState()).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(50);
    expect(fake.connectCalls).toBe(1);
    fake.serverConnect();
    await vi.advanceTimersByTimeAsync(0);
    expect(subscribes(fake).at(-1)).toEqual({ threadId: 't1', lastEventId: 'ep-2' });
    expect(thread.ids()).toEqual(['ep-1', 'ep-2']);
  });

  it('delivers a message sent while offline once the connection is back, exactly once across a lost acknowledgement', async () => {
    const { fake, client } = setup();
    const sends: unknown[] = [];
    let answerSends = false;
    fake.respond = (name, request) => {
      if (name !== 'message:send') return { ok: true, resumed: false, lastEventId: null };
      sends.push(request);
      return answerSends ? { ok: true, turnId: 'turn-1' } : new Promise(() => {});
    };
    const sent = client.threads.send('t1', 'hello', { clientMessageId: 'cm-1' });
    expect(sends).toHaveLength(0);
    fake.serverConnect();
    await vi.advanceTimersByTimeAsync(0);
    expect(sends).toHaveLength(1);
    fake.serverDisconnect();
    answerSends = true;
    await vi.advanceTimersByTimeAsync(100);
    fake.serverConnect();
    await expect(sent).resolves.toEqual({ turnId: 'turn-1', clientMessageId: 'cm-1' });
    expect(sends).toEqual([
      { threadId: 't1', clientMessageId: 'cm-1', text: 'hello' },
      { threadId: 't1', clientMessageId: 'cm-1', text: 'hello' },
    ]);
  });

  it('shows resyncing while a thread is rebuilt from history, then open again', async () => {
    let releaseHistory: (history: HistoryResponse) => void = () => {};
    const fetch = vi.fn(
      () => new Promise<Response>((resolve) => (releaseHistory = (history) => resolve(new Response(JSON.stringify(history))))),
    );
    const { fake, client, states } = setup({ fetch: fetch as unknown as typeof globalThis.fetch });
    fake.respond = () => ({ ok: true, resumed: true, lastEventId: null });
    watchThread(client, 't1');
    fake.serverConnect();
    await vi.advanceTimersByTimeAsync(0);
    emit(fake, ...deltas('t1', 'ep', 3));
    fake.serverDisconnect();
    fake.respond = () => ({ ok: true, resumed: false, lastEventId: 'ep-9' });
    await vi.advanceTimersByTimeAsync(100);
    fake.serverConnect();
    await vi.advanceTimersByTimeAsync(0);
    expect(client.connection.getState()).toBe('resyncing');
    releaseHistory({ threadId: 't1', messages: [], lastEventId: 'ep-9' });
    await vi.advanceTimersByTimeAsync(0);
    expect(states).toEqual(['open', 'reconnecting', 'open', 'resyncing', 'open']);
    expect(client.getStats().resyncs).toBe(1);
  });

  it("keeps applying one thread's live events while another waits for its history", async () => {
    const fetch = vi.fn(() => new Promise<Response>(() => {}));
    const { fake, client } = setup({ fetch: fetch as unknown as typeof globalThis.fetch, historyTimeoutMs: 60_000 });
    fake.respond = (_name, request) =>
      request.threadId === 'slow' ? { ok: true, resumed: false, lastEventId: 'old-3' } : { ok: true, resumed: false, lastEventId: null };
    const slow = watchThread(client, 'slow');
    const fast = watchThread(client, 'fast');
    fake.serverConnect();
    await vi.advanceTimersByTimeAsync(0);
    emit(fake, ...deltas('fast', 'ep', 3), ...deltas('slow', 'old', 4).slice(3));
    expect(fast.ids()).toEqual(['ep-1', 'ep-2', 'ep-3']);
    expect(slow.ids()).toEqual([]);
    expect(slow.updates.at(-1)).toEqual({ kind: 'sync', state: 'subscribing' });
  });

  it('ends a waiting history fetch with a visible, retried error after historyTimeoutMs', async () => {
    const fetch = vi.fn((_url: unknown, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
    );
    const { fake, client } = setup({ fetch: fetch as unknown as typeof globalThis.fetch, historyTimeoutMs: 2_000 });
    fake.respond = () => ({ ok: true, resumed: false, lastEventId: 'ep-3' });
    const thread = watchThread(client, 't1');
    fake.serverConnect();
    await vi.advanceTimersByTimeAsync(2_000);
    await vi.waitFor(() => expect(thread.updates.some((update) => update.kind === 'sync' && update.state === 'error')).toBe(true));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetch.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('never reconnects after close, and fails queued sends', async () => {
    const { fake, client } = setup();
    const sent = client.threads.send('t1', 'hello').catch((error: { code: string }) => error.code);
    client.close();
    expect(await sent).toBe('closed');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.connectCalls).toBe(0);
    expect(client.connection.getState()).toBe('closed');
  });
});
