import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HistoryResponse } from '../protocol/index.js';
import { createEventFactory } from '../../test/support/event-factory.js';
import { createFakeSocket } from '../../test/support/fake-socket.js';
import { createPlatosClient } from './create-platos-client.js';
import type { PlatosClientOptions } from './client-options.js';
import { createMemoryBackend } from './storage/memory-backend.js';
import type { ThreadUpdate } from './types.js';

function setup(overrides: Partial<PlatosClientOptions> = {}) {
  const fake = createFakeSocket();
  const client = createPlatosClient({ url: 'http://127.0.0.1:4000', token: 'dev-token', socketFactory: fake.factory, ...overrides });
  return { fake, client };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => vi.unstubAllGlobals());

describe('client persistence', () => {
  it('with persist: false never opens storage, and its storage is disabled', async () => {
    const open = vi.fn(() => {
      throw new DOMException('not here', 'SecurityError');
    });
    vi.stubGlobal('indexedDB', { open });
    const { client } = setup({ persist: false });
    void client.threads.send('t1', 'Hi', { clientMessageId: 'm1' }).catch(() => {});
    await client.storage.set('draft:t1', 'text');
    await client.clearStorage();
    await flush();
    expect(client.storage.enabled).toBe(false);
    expect(await client.storage.get('draft:t1')).toBeUndefined();
    expect(client.outbox.list()).toMatchObject([{ key: 'm1', state: 'pending' }]);
    expect(open).not.toHaveBeenCalled();
    client.close();

    // The same steps with persistence on do reach IndexedDB (and, as it cannot open, keep to memory).
    const persisted = setup();
    void persisted.client.threads.send('t1', 'Hi', { clientMessageId: 'm2' }).catch(() => {});
    await vi.waitFor(() => expect(open).toHaveBeenCalled());
    await persisted.client.storage.set('draft:t1', 'text');
    expect(await persisted.client.storage.get('draft:t1')).toBe('text');
    persisted.client.close();
  });

  it('delivers, in the next client of the same scope, what a closed client had queued: once, with the same key', async () => {
    const values = new Map<string, unknown>();
    const first = setup({ persist: { backend: createMemoryBackend(values) } });
    const sending = first.client.threads.send('t1', 'Hi', { clientMessageId: 'm1' });
    void first.client.respondToApproval('ap-1', 'approved', undefined, { threadId: 't1' }).catch(() => {});
    await vi.waitFor(() => expect(values.size).toBe(2));
    first.client.close();
    await expect(sending).rejects.toMatchObject({ code: 'closed' });
    await flush();

    const otherUser = setup({ token: 'other-token', persist: { backend: createMemoryBackend(values) } });
    const second = setup({ persist: { backend: createMemoryBackend(values) } });
    await vi.waitFor(() => expect(second.client.outbox.list()).toHaveLength(2));
    expect(second.client.outbox.list().map((command) => [command.key, command.threadId, command.origin])).toEqual([
      ['m1', 't1', 'restored'],
      ['ap-1', 't1', 'restored'],
    ]);
    second.fake.respond = (name) => (name === 'message:send' ? { ok: true, turnId: 'turn-1' } : { ok: true });
    second.fake.serverConnect();
    otherUser.fake.serverConnect();
    await vi.waitFor(() => expect(second.client.outbox.list()).toEqual([]));
    expect(second.fake.commands).toEqual([
      { name: 'message:send', request: { threadId: 't1', clientMessageId: 'm1', text: 'Hi' } },
      { name: 'approval:respond', request: { approvalId: 'ap-1', decision: 'approved' } },
    ]);
    expect(otherUser.fake.commands).toEqual([]);
    await vi.waitFor(() => expect(values.size).toBe(0));
  });

  it('clearStorage deletes this scope only', async () => {
    const values = new Map<string, unknown>();
    const alice = setup({ persist: { backend: createMemoryBackend(values), scope: 'alice' } });
    const bob = setup({ persist: { backend: createMemoryBackend(values), scope: 'bob' } });
    await alice.client.storage.set('draft:t1', 'from alice');
    await bob.client.storage.set('draft:t1', 'from bob');
    await alice.client.clearStorage();
    expect(await alice.client.storage.get('draft:t1')).toBeUndefined();
    expect(await bob.client.storage.get('draft:t1')).toBe('from bob');
  });

  it('scopes storage by the first token getToken gives, waiting for it', async () => {
    const values = new Map<string, unknown>();
    let release: (token: string) => void = () => {};
    const token = new Promise<string>((resolve) => (release = resolve));
    const { client } = setup({ token: undefined, getToken: () => token, persist: { backend: createMemoryBackend(values) } });
    const writing = client.storage.set('draft:t1', 'text');
    await flush();
    expect(values.size).toBe(0);
    release('opaque-token');
    await writing;
    expect([...values.keys()]).toEqual([expect.stringMatching(/^http%3A%2F%2F127\.0\.0\.1%3A4000\|default\|t[0-9a-f]{8}#draft:t1$/)]);
  });

  it('resumes a new thread session from resumeFrom, and rebuilds from history when the server cannot resume', async () => {
    const history: HistoryResponse = { threadId: 'thread-1', messages: [], lastEventId: 'e1-7' };
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(history), { status: 200 }));
    const { fake, client } = setup({ fetch: fetchMock as unknown as typeof fetch });
    fake.respond = () => ({ ok: true, resumed: false, lastEventId: 'e1-7' });
    const updates: ThreadUpdate[] = [];
    client.threads.watch('thread-1', (update) => updates.push(update), { resumeFrom: 'e1-5' });
    client.threads.watch('thread-1', () => {}, { resumeFrom: 'e1-1' });
    expect(client.threads.lastEventId('thread-1')).toBe('e1-5');
    fake.serverConnect();
    await vi.waitFor(() => expect(updates).toContainEqual({ kind: 'sync', state: 'live' }));
    expect(fake.commands[0]).toEqual({ name: 'thread:subscribe', request: { threadId: 'thread-1', lastEventId: 'e1-5' } });
    expect(updates.map((update) => (update.kind === 'sync' ? update.state : update.kind))).toEqual(['subscribing', 'resyncing', 'reset', 'live']);
    expect(client.threads.lastEventId('thread-1')).toBe('e1-7');
  });

  it('applies replayed events after a resumeFrom the server could resume from', async () => {
    const { fake, client } = setup();
    fake.respond = () => ({ ok: true, resumed: true, lastEventId: 'e1-2' });
    const event = createEventFactory('thread-1');
    const [, , third] = [event('turn-start', 'turn-1', { messageId: 'a1', userMessage: { id: 'u1', text: 'hi' } }), event('text-delta', 'turn-1', { messageId: 'a1', delta: 'a' }), event('text-delta', 'turn-1', { messageId: 'a1', delta: 'b' })];
    const updates: ThreadUpdate[] = [];
    client.threads.watch('thread-1', (update) => updates.push(update), { resumeFrom: 'e1-2' });
    fake.serverConnect();
    await vi.waitFor(() => expect(updates).toContainEqual({ kind: 'sync', state: 'live' }));
    fake.serverEmit(third!.type, third);
    expect(updates.flatMap((update) => (update.kind === 'event' ? [update.event.id] : []))).toEqual(['e1-3']);
  });
});
