import { StrictMode, type ReactNode } from 'react';
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatosHarness } from '../../test/support/platos-test-harness.js';
import { PlatosProvider } from './platos-provider.js';
import { usePlatosStore } from './use-platos-store.js';
import { usePlatosStream } from './use-platos-stream.js';

afterEach(cleanup);

function setup() {
  const harness = createPlatosHarness();
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <StrictMode>
      <PlatosProvider client={harness.client} store={harness.store}>
        {children}
      </PlatosProvider>
    </StrictMode>
  );
  const hook = renderHook(() => usePlatosStream({ threadId: harness.threadId }), { wrapper });
  return { ...harness, hook };
}

describe('usePlatosStream', () => {
  it('watches the thread once while mounted, even under StrictMode', async () => {
    const { client, hook } = setup();
    await act(() => Promise.resolve());
    expect(client.watcherCount('thread-1')).toBe(1);
    hook.unmount();
    await act(() => Promise.resolve());
    expect(client.watcherCount('thread-1')).toBe(0);
  });

  it('is idle, then streaming while a turn is active, then idle after finish', () => {
    const { hook, startTurn, finishTurn, push, event } = setup();
    expect(hook.result.current.status).toBe('idle');
    const turnId = startTurn();
    expect(hook.result.current.status).toBe('streaming');
    push(event('text-delta', turnId, { messageId: 'assistant-1', delta: 'Hi' }));
    expect(hook.result.current.messages.map((message) => message.id)).toEqual(['user-1', 'assistant-1']);
    expect(hook.result.current.events.map((item) => item.type)).toEqual(['turn-start', 'text-delta']);
    finishTurn(turnId);
    expect(hook.result.current.status).toBe('idle');
  });

  it('is in error after a failed turn', () => {
    const { hook, startTurn, push, event } = setup();
    const turnId = startTurn();
    push(event('error', turnId, { code: 'model_failed', message: 'Model failed', retryable: false }));
    expect(hook.result.current.status).toBe('error');
  });

  it('keeps the messages array identity when nothing about the messages changed', () => {
    const { hook, startTurn, client } = setup();
    startTurn();
    const before = hook.result.current.messages;
    hook.rerender();
    act(() => client.setConnection('reconnecting'));
    expect(hook.result.current.connection).toBe('reconnecting');
    expect(hook.result.current.messages).toBe(before);
  });

  it('returns the last eventLogLimit events of a store the provider created, and how many were dropped', () => {
    const { client, event } = createPlatosHarness();
    const wrapper = ({ children }: { children?: ReactNode }) => (
      <PlatosProvider client={client} eventLogLimit={2}>
        {children}
      </PlatosProvider>
    );
    const hook = renderHook(() => ({ stream: usePlatosStream({ threadId: 'thread-1' }), store: usePlatosStore() }), { wrapper });
    const frame = (...events: Parameters<typeof client.emitEvent>[0][]) =>
      act(() => {
        for (const item of events) client.emitEvent(item);
        hook.result.current.store.flush();
      });
    frame(event('turn-start', 'turn-1', { messageId: 'assistant-1', userMessage: { id: 'user-1', text: 'Hello' } }));
    for (const delta of ['a', 'b', 'c']) frame(event('text-delta', 'turn-1', { messageId: 'assistant-1', delta }));
    const { events, droppedEvents, messages } = hook.result.current.stream;
    expect(events.map((item) => item.type === 'text-delta' && item.delta)).toEqual(['b', 'c']);
    expect(droppedEvents).toBe(2);
    expect(messages[1]).toMatchObject({ parts: [{ type: 'text', text: 'abc' }] });
  });

  it('keeps the events array identity until an event arrives', () => {
    const { hook, startTurn, push, event, client } = setup();
    const turnId = startTurn();
    const before = hook.result.current.events;
    expect(before.map((item) => item.type)).toEqual(['turn-start']);
    hook.rerender();
    act(() => client.setConnection('reconnecting'));
    expect(hook.result.current.events).toBe(before);
    push(event('text-delta', turnId, { messageId: 'assistant-1', delta: 'Hi' }));
    expect(hook.result.current.events).not.toBe(before);
    expect(hook.result.current.events.map((item) => item.type)).toEqual(['turn-start', 'text-delta']);
    expect(hook.result.current.droppedEvents).toBe(0);
  });

  it('builds the events array only when a component reads it', () => {
    const { hook, startTurn } = setup();
    startTurn();
    const { events } = Object.getOwnPropertyDescriptors(hook.result.current);
    expect(events?.get).toBeTypeOf('function');
    expect(events?.value).toBeUndefined();
  });

  it('reports the sync state and its error', () => {
    const { hook, client, scheduler } = setup();
    act(() => {
      client.emit('thread-1', { kind: 'sync', state: 'error', error: { code: 'history_failed', message: 'No history' } });
      scheduler.runFrame();
    });
    expect(hook.result.current.sync).toBe('error');
    expect(hook.result.current.syncError).toEqual({ code: 'history_failed', message: 'No history' });
    expect(hook.result.current.status).toBe('error');
  });

  it('sends, shows the message as pending, retries and cancels through the client', async () => {
    const { hook, client, startTurn } = setup();
    client.reply = async (call) => {
      if (call.command === 'send') throw Object.assign(new Error('Nope'), { code: 'rate_limited' });
      return {};
    };
    let result: Awaited<ReturnType<typeof hook.result.current.send>> | undefined;
    await act(async () => {
      result = await hook.result.current.send('Hi there');
    });
    expect(result?.ok).toBe(false);
    expect(hook.result.current.pendingMessages).toMatchObject([{ text: 'Hi there', state: 'failed' }]);

    client.reply = async () => ({ turnId: 'turn-9' });
    const clientMessageId = hook.result.current.pendingMessages[0]?.clientMessageId ?? '';
    await act(async () => {
      result = await hook.result.current.retry(clientMessageId);
    });
    expect(result).toEqual({ ok: true, clientMessageId, turnId: 'turn-9' });
    expect(client.calls.filter((call) => call.command === 'send').map((call) => call.command === 'send' && call.clientMessageId)).toEqual([
      clientMessageId,
      clientMessageId,
    ]);

    const turnId = startTurn();
    await act(() => hook.result.current.cancel());
    expect(client.calls.at(-1)).toEqual({ command: 'cancel', threadId: 'thread-1', turnId });
  });

  it('responds to an approval through the client', async () => {
    const { hook, client, startTurn, push, event } = setup();
    const turnId = startTurn();
    push(event('approval-pending', turnId, { approvalId: 'ap-1', tool: 'delete_file', args: { path: '/tmp/x' } }));
    await act(() => hook.result.current.respondToApproval('ap-1', 'approved'));
    expect(client.calls.at(-1)).toEqual({ command: 'approval', approvalId: 'ap-1', decision: 'approved', threadId: 'thread-1' });
  });
});
