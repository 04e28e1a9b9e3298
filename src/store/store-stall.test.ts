import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import { createEventFactory } from '../../test/support/event-factory.js';
import { createFakeClient } from '../testing/index.js';
import { createPlatosStore } from './create-platos-store.js';
import { createManualScheduler } from './frame-scheduler.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup() {
  const client = createFakeClient();
  const scheduler = createManualScheduler();
  const store = createPlatosStore({ client, scheduler, stallTimeoutMs: 1_000 });
  const event = createEventFactory();
  store.watchThread('thread-1');
  const push = (...updates: Parameters<typeof client.emit>[1][]) => {
    for (const update of updates) client.emit('thread-1', update);
    scheduler.runFrame();
  };
  push({ kind: 'sync', state: 'live' });
  const resyncs = () => client.calls.filter((call) => call.command === 'resync').length;
  const stalled = () => store.getState().threads['thread-1']?.stalledTurnId;
  return { client, store, event, push, resyncs, stalled };
}

describe('stalled turns', () => {
  it('marks a running turn stalled after stallTimeoutMs without events, resyncs once, and clears on the next event', () => {
    const { event, push, resyncs, stalled } = setup();
    push({ kind: 'event', event: event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'go' } }) });
    vi.advanceTimersByTime(999);
    expect(stalled()).toBeNull();
    vi.advanceTimersByTime(1);
    expect(stalled()).toBe('t1');
    expect(resyncs()).toBe(1);
    vi.advanceTimersByTime(10_000);
    expect(resyncs()).toBe(1);
    push({ kind: 'event', event: event('text-delta', 't1', { messageId: 'a1', delta: 'back' }) });
    expect(stalled()).toBeNull();
  });

  it('does not count time the turn waits for the user to answer an approval', () => {
    const { event, push, stalled } = setup();
    push(
      { kind: 'event', event: event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'go' } }) },
      { kind: 'event', event: event('approval-pending', 't1', { approvalId: 'ap1', tool: 'deploy', args: {} }) },
    );
    vi.advanceTimersByTime(60_000);
    expect(stalled()).toBeNull();
  });

  it('does not count time the thread is not live (the connection state says why)', () => {
    const { event, push, stalled } = setup();
    push({ kind: 'event', event: event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'go' } }) });
    push({ kind: 'sync', state: 'subscribing' });
    vi.advanceTimersByTime(60_000);
    expect(stalled()).toBeNull();
  });

  it('resync clears the stall and asks the client to resubscribe', () => {
    const { store, event, push, resyncs, stalled } = setup();
    push({ kind: 'event', event: event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'go' } }) });
    vi.advanceTimersByTime(1_000);
    store.resync('thread-1');
    expect(stalled()).toBeNull();
    expect(resyncs()).toBe(2);
  });

  it('stops watching finished turns', () => {
    const { event, push, stalled } = setup();
    push(
      { kind: 'event', event: event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'go' } }) },
      { kind: 'event', event: event('finish', 't1', { finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1 }, durationMs: 1 }) },
    );
    vi.advanceTimersByTime(60_000);
    expect(stalled()).toBeNull();
  });
});
