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
  const response = (approvalId: string) => store.getState().threads['thread-1']?.approvalResponses[approvalId];
  return { client, scheduler, store, response, event: createEventFactory() };
}

const approvalCalls = (client: ReturnType<typeof createFakeClient>) => client.calls.filter((call) => call.command === 'approval');

describe('respondToApproval', () => {
  it('sends a decision exactly once under a double click', async () => {
    const { client, store, response } = setup();
    await Promise.all([
      store.respondToApproval('thread-1', 'ap1', 'approved'),
      store.respondToApproval('thread-1', 'ap1', 'approved'),
    ]);
    expect(response('ap1')).toEqual({ decision: 'approved', state: 'sent' });
    await store.respondToApproval('thread-1', 'ap1', 'denied', 'changed my mind');
    expect(approvalCalls(client)).toEqual([{ command: 'approval', approvalId: 'ap1', decision: 'approved', threadId: 'thread-1' }]);
    expect(response('ap1')?.decision).toBe('approved');
  });

  it('is sending while the client works on it', async () => {
    const { client, store, response } = setup();
    let release: () => void = () => {};
    client.reply = () => new Promise((resolve) => (release = () => resolve({})));
    const responding = store.respondToApproval('thread-1', 'ap1', 'denied', 'too risky');
    expect(response('ap1')).toEqual({ decision: 'denied', state: 'sending' });
    release();
    await responding;
    expect(approvalCalls(client)).toEqual([{ command: 'approval', approvalId: 'ap1', decision: 'denied', note: 'too risky', threadId: 'thread-1' }]);
  });

  it('marks a failed response and lets a later call retry it', async () => {
    const { client, store, response } = setup();
    client.reply = async () => Promise.reject({ code: 'expired', message: 'too late' });
    await store.respondToApproval('thread-1', 'ap1', 'approved');
    expect(response('ap1')).toEqual({ decision: 'approved', state: 'failed', error: { code: 'expired', message: 'too late' } });
    client.reply = async () => ({});
    await store.respondToApproval('thread-1', 'ap1', 'approved');
    expect(response('ap1')?.state).toBe('sent');
    expect(approvalCalls(client)).toHaveLength(2);
  });
});

describe('cancel', () => {
  it('cancels the active turn, including one still waiting for its frame', async () => {
    const { client, store, event } = setup();
    client.emitEvent(event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'go' } }));
    await store.cancel('thread-1');
    expect(client.calls).toEqual([{ command: 'cancel', threadId: 'thread-1', turnId: 't1' }]);
  });

  it('does nothing without an active turn', async () => {
    const { client, scheduler, store, event } = setup();
    const reply = vi.spyOn(client, 'reply');
    client.emitEvent(event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'go' } }));
    client.emitEvent(event('finish', 't1', { finishReason: 'stop', usage: { inputTokens: 0, outputTokens: 0 }, durationMs: 1 }));
    scheduler.runFrame();
    await store.cancel('thread-1');
    await store.cancel('unknown-thread');
    expect(client.calls).toEqual([]);
    expect(reply).not.toHaveBeenCalled();
  });
});
