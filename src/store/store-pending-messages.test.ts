import { describe, expect, it, vi } from 'vitest';
import { createEventFactory } from '../../test/support/event-factory.js';
import { createFakeClient } from '../testing/index.js';
import { createPlatosStore } from './create-platos-store.js';
import { createManualScheduler } from './frame-scheduler.js';

function setup() {
  const client = createFakeClient();
  const scheduler = createManualScheduler();
  const store = createPlatosStore({ client, scheduler });
  store.watchThread('thread-1');
  const pending = () => store.getState().threads['thread-1']?.pendingMessages ?? [];
  return { client, scheduler, store, pending, event: createEventFactory() };
}

function sentIds(client: ReturnType<typeof createFakeClient>): string[] {
  return client.calls.flatMap((call) => (call.command === 'send' ? [call.clientMessageId] : []));
}

describe('send', () => {
  it('shows the message as sending in one store update, then removes it when turn-start echoes it', async () => {
    const { client, scheduler, store, pending, event } = setup();
    const listener = vi.fn();
    store.subscribe(listener);
    const sending = store.send('thread-1', 'hello');
    expect(listener).toHaveBeenCalledTimes(1);
    const [clientMessageId] = sentIds(client);
    expect(pending()).toEqual([{ clientMessageId, text: 'hello', state: 'sending' }]);

    await expect(sending).resolves.toEqual({ ok: true, clientMessageId, turnId: expect.any(String) });
    expect(pending()).toHaveLength(1);

    client.emitEvent(event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'hello', clientMessageId } }));
    scheduler.runFrame();
    expect(pending()).toEqual([]);
  });

  it('gives every send its own clientMessageId', async () => {
    const { client, store } = setup();
    await Promise.all([store.send('thread-1', 'a'), store.send('thread-1', 'b')]);
    const ids = sentIds(client);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });

  it('on failure keeps the text as a failed pending message and returns the error', async () => {
    const { client, store, pending } = setup();
    client.reply = async () => Promise.reject({ code: 'offline', message: 'no connection' });
    const result = await store.send('thread-1', 'keep me');
    expect(result).toEqual({ ok: false, clientMessageId: sentIds(client)[0], error: { code: 'offline', message: 'no connection' } });
    expect(pending()).toEqual([
      { clientMessageId: sentIds(client)[0], text: 'keep me', state: 'failed', error: { code: 'offline', message: 'no connection' } },
    ]);
  });

  it('turns an Error rejection into a command error', async () => {
    const { client, store } = setup();
    client.reply = async () => Promise.reject(new Error('boom'));
    await expect(store.send('thread-1', 'x')).resolves.toEqual({ ok: false, clientMessageId: sentIds(client)[0], error: { code: 'send_failed', message: 'boom' } });
  });
});

describe('retry', () => {
  it('re-sends a failed message with the same clientMessageId and text', async () => {
    const { client, store, pending } = setup();
    client.reply = async () => Promise.reject({ code: 'offline', message: 'no connection' });
    await store.send('thread-1', 'again');
    client.reply = async () => ({ turnId: 'turn-9' });

    const retrying = store.retry('thread-1', sentIds(client)[0] ?? '');
    expect(pending()[0]).toEqual({ clientMessageId: sentIds(client)[0], text: 'again', state: 'sending' });
    await expect(retrying).resolves.toEqual({ ok: true, clientMessageId: sentIds(client)[0], turnId: 'turn-9' });

    const [first, second] = client.calls;
    expect(second).toEqual({ ...first, command: 'send', text: 'again' });
    expect(sentIds(client)).toHaveLength(2);
  });

  it('refuses to retry a message that is not failed, without calling the client', async () => {
    const { client, store } = setup();
    const sending = store.send('thread-1', 'x');
    const result = await store.retry('thread-1', sentIds(client)[0] ?? '');
    expect(result).toMatchObject({ ok: false, error: { code: 'not_retryable' } });
    expect(await store.retry('thread-1', 'unknown')).toMatchObject({ ok: false });
    await sending;
    expect(sentIds(client)).toHaveLength(1);
  });
});

describe('discard', () => {
  it('drops a failed message but never one still sending', async () => {
    const { client, store, pending } = setup();
    client.reply = async () => Promise.reject({ code: 'offline', message: 'x' });
    await store.send('thread-1', 'failed one');
    let release: () => void = () => {};
    client.reply = () => new Promise((resolve) => (release = () => resolve({ turnId: 't' })));
    const sending = store.send('thread-1', 'in flight');
    const [failedId, sendingId] = sentIds(client);

    store.discard('thread-1', sendingId ?? '');
    store.discard('thread-1', failedId ?? '');
    expect(pending().map((message) => message.text)).toEqual(['in flight']);
    release();
    await sending;
  });
});
