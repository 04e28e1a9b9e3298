import { describe, expect, it } from 'vitest';
import { createEventFactory } from '../../test/support/event-factory.js';
import type { DurableCommand } from '../client/types.js';
import { createFakeClient, type FakeClient } from '../testing/index.js';
import { createPlatosStore } from './create-platos-store.js';
import { createManualScheduler } from './frame-scheduler.js';

function sendCommand(key: string, text: string, overrides: Partial<DurableCommand> = {}): DurableCommand {
  return {
    name: 'message:send',
    request: { threadId: 'thread-1', clientMessageId: key, text },
    key,
    threadId: 'thread-1',
    since: 1,
    origin: 'restored',
    state: 'pending',
    ...overrides,
  } as DurableCommand;
}

function approvalCommand(approvalId: string, origin: DurableCommand['origin'] = 'peer'): DurableCommand {
  return {
    name: 'approval:respond',
    request: { approvalId, decision: 'approved' },
    key: approvalId,
    threadId: 'thread-1',
    since: 1,
    origin,
    state: 'pending',
  };
}

function setup(client: FakeClient = createFakeClient()) {
  const scheduler = createManualScheduler();
  const store = createPlatosStore({ client, scheduler });
  store.watchThread('thread-1');
  const thread = () => store.getState().threads['thread-1'];
  return { client, scheduler, store, thread };
}

const offline = { code: 'offline', message: 'no connection' };

describe('outbox commands in the view', () => {
  it('shows a send restored after a reload as a pending message with its text', () => {
    const client = createFakeClient();
    client.emitOutbox({ kind: 'queued', command: sendCommand('cm-1', 'from before the reload') });
    const { thread } = setup(client);
    expect(thread()?.pendingMessages).toEqual([{ clientMessageId: 'cm-1', text: 'from before the reload', state: 'sending' }]);
  });

  it('shows a restored send that already failed as failed, with its text', () => {
    const client = createFakeClient();
    client.emitOutbox({ kind: 'failed', command: sendCommand('cm-1', 'keep me', { state: 'failed', error: offline }) });
    const { thread } = setup(client);
    expect(thread()?.pendingMessages).toEqual([{ clientMessageId: 'cm-1', text: 'keep me', state: 'failed', error: offline }]);
  });

  it('follows a peer send: queued, failed with its text kept, then discarded', () => {
    const { client, thread } = setup();
    const command = sendCommand('cm-1', 'from the other tab', { origin: 'peer' });
    client.emitOutbox({ kind: 'queued', command });
    client.emitOutbox({ kind: 'queued', command });
    expect(thread()?.pendingMessages).toHaveLength(1);
    client.emitOutbox({ kind: 'failed', command: { ...command, state: 'failed', error: offline } });
    expect(thread()?.pendingMessages).toEqual([{ clientMessageId: 'cm-1', text: 'from the other tab', state: 'failed', error: offline }]);
    client.emitOutbox({ kind: 'discarded', command });
    expect(thread()?.pendingMessages).toEqual([]);
  });

  it('leaves a delivered send to the turn-start echo, and does not show one the view already has', () => {
    const { client, scheduler, thread } = setup();
    const event = createEventFactory('thread-1');
    client.emitOutbox({ kind: 'queued', command: sendCommand('cm-1', 'hello') });
    client.emitOutbox({ kind: 'delivered', command: sendCommand('cm-1', 'hello') });
    expect(thread()?.pendingMessages).toHaveLength(1);
    client.emitEvent(event('turn-start', 'turn-1', { messageId: 'a1', userMessage: { id: 'u1', text: 'hello', clientMessageId: 'cm-1' } }));
    scheduler.runFrame();
    expect(thread()?.pendingMessages).toEqual([]);

    client.emitOutbox({ kind: 'queued', command: sendCommand('cm-1', 'hello') });
    expect(thread()?.pendingMessages).toEqual([]);
  });

  it("ignores this store's own commands, except a failed send it does not show", () => {
    const { client, thread } = setup();
    client.emitOutbox({ kind: 'queued', command: sendCommand('cm-local', 'mine', { origin: 'local' }) });
    client.emitOutbox({ kind: 'queued', command: approvalCommand('ap1', 'local') });
    expect(thread()?.pendingMessages).toEqual([]);
    expect(thread()?.approvalResponses).toEqual({});

    client.emitOutbox({ kind: 'failed', command: sendCommand('cm-local', 'mine', { origin: 'local', state: 'failed', error: offline }) });
    expect(thread()?.pendingMessages).toEqual([{ clientMessageId: 'cm-local', text: 'mine', state: 'failed', error: offline }]);
  });

  it('retries a restored failed send with the same key', async () => {
    const client = createFakeClient();
    client.emitOutbox({ kind: 'failed', command: sendCommand('cm-1', 'again', { state: 'failed', error: offline }) });
    const { store } = setup(client);
    await expect(store.retry('thread-1', 'cm-1')).resolves.toMatchObject({ ok: true, clientMessageId: 'cm-1' });
    expect(client.calls).toEqual([{ command: 'send', threadId: 'thread-1', text: 'again', clientMessageId: 'cm-1' }]);
  });

  it('discard drops the message and tells the client outbox to forget it', () => {
    const client = createFakeClient();
    client.emitOutbox({ kind: 'failed', command: sendCommand('cm-1', 'gone', { state: 'failed', error: offline }) });
    const { store, thread } = setup(client);
    store.discard('thread-1', 'cm-1');
    expect(thread()?.pendingMessages).toEqual([]);
    expect(client.outbox.list()).toEqual([]);
  });

  it('shows an approval answered in another tab as sending, then sent, and ignores a second answer here', async () => {
    const { client, store, thread } = setup();
    client.emitOutbox({ kind: 'queued', command: approvalCommand('ap1') });
    expect(thread()?.approvalResponses.ap1).toEqual({ decision: 'approved', state: 'sending' });

    await store.respondToApproval('thread-1', 'ap1', 'denied');
    expect(client.calls).toEqual([]);

    client.emitOutbox({ kind: 'delivered', command: approvalCommand('ap1') });
    expect(thread()?.approvalResponses.ap1).toEqual({ decision: 'approved', state: 'sent' });
  });

  it('marks a restored approval answer that failed as failed with its error', () => {
    const { client, thread } = setup();
    client.emitOutbox({ kind: 'failed', command: { ...approvalCommand('ap1', 'restored'), state: 'failed', error: offline } });
    expect(thread()?.approvalResponses.ap1).toEqual({ decision: 'approved', state: 'failed', error: offline });
  });

  it('passes the thread with an approval answer', async () => {
    const { client, store } = setup();
    await store.respondToApproval('thread-1', 'ap1', 'approved');
    expect(client.calls).toEqual([{ command: 'approval', approvalId: 'ap1', decision: 'approved', threadId: 'thread-1' }]);
  });

  it('stops following the outbox once destroyed', () => {
    const { client, store, thread } = setup();
    const before = thread();
    store.destroy();
    client.emitOutbox({ kind: 'queued', command: sendCommand('cm-1', 'late') });
    expect(thread()).toBe(before);
  });
});
