import { describe, expect, it, vi } from 'vitest';
import { createEventFactory } from '../../test/support/event-factory.js';
import { createFakeClient } from '../testing/index.js';
import { createPlatosStore } from './create-platos-store.js';
import { readEvents } from './event-log.js';
import { createManualScheduler } from './frame-scheduler.js';
import { viewToHistory } from './view/history.js';
import { applyEvent } from './view/apply-event.js';
import { createThreadView } from './view/create-thread-view.js';

const nextMicrotask = () => new Promise<void>((resolve) => queueMicrotask(resolve));

function setup() {
  const client = createFakeClient();
  const scheduler = createManualScheduler();
  const store = createPlatosStore({ client, scheduler });
  const event = createEventFactory();
  return { client, scheduler, store, event };
}

describe('frame batching', () => {
  it('applies 1,000 text deltas of one frame in exactly one store update and one log entry', () => {
    const { client, scheduler, store, event } = setup();
    store.watchThread('thread-1');
    client.emitEvent(event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'go' } }));
    scheduler.runFrame();
    const listener = vi.fn();
    store.subscribe(listener);

    for (let index = 0; index < 1000; index += 1) {
      client.emitEvent(event('text-delta', 't1', { messageId: 'a1', delta: `${index % 10}` }));
    }
    expect(listener).not.toHaveBeenCalled();
    expect(scheduler.pending()).toBe(1);
    scheduler.runFrame();

    expect(listener).toHaveBeenCalledTimes(1);
    const thread = store.getState().threads['thread-1'];
    const events = readEvents(thread!.eventLog);
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ type: 'text-delta', id: 'e1-1001', delta: '0123456789'.repeat(100) });
    expect(thread?.view.messages.a1).toMatchObject({ parts: [{ type: 'text', text: '0123456789'.repeat(100) }] });
    expect(thread?.view.lastEventId).toBe('e1-1001');
  });

  it('keeps threads that got no update by identity', () => {
    const { client, scheduler, store, event } = setup();
    store.watchThread('thread-1');
    store.watchThread('other');
    const other = store.getState().threads.other;
    client.emitEvent(event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'go' } }));
    scheduler.runFrame();
    expect(store.getState().threads.other).toBe(other);
  });

  it('flush applies the queue at once and cancels the scheduled frame', () => {
    const { client, scheduler, store, event } = setup();
    store.watchThread('thread-1');
    client.emitEvent(event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'go' } }));
    store.flush();
    expect(scheduler.pending()).toBe(0);
    expect(store.getState().threads['thread-1']?.view.activeTurnId).toBe('t1');
  });
});

describe('reset and sync updates', () => {
  it('a reset mid-queue replaces the view and clears the log before the later events apply', () => {
    const { client, scheduler, store, event } = setup();
    store.watchThread('thread-1');
    client.emitEvent(event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'old' } }));
    scheduler.runFrame();

    const server = createEventFactory('thread-1', 'e2');
    const history = viewToHistory(
      [
        server('turn-start', 't9', { messageId: 'a9', userMessage: { id: 'u9', text: 'from history' } }),
        server('text-delta', 't9', { messageId: 'a9', delta: 'Hi' }),
      ].reduce(applyEvent, createThreadView('thread-1')),
    );
    const listener = vi.fn();
    store.subscribe(listener);
    client.emitEvent(event('text-delta', 't1', { messageId: 'a1', delta: 'lost' }));
    client.emit('thread-1', { kind: 'reset', history });
    client.emitEvent(server('text-delta', 't9', { messageId: 'a9', delta: ' there' }));
    scheduler.runFrame();

    expect(listener).toHaveBeenCalledTimes(1);
    const thread = store.getState().threads['thread-1'];
    expect(thread?.view.messageIds).toEqual(['u9', 'a9']);
    expect(thread?.view.messages.a9).toMatchObject({ parts: [{ type: 'text', text: 'Hi there' }] });
    expect(readEvents(thread!.eventLog).map((entry) => entry.id)).toEqual(['e2-3']);
    expect(thread?.view.lastEventId).toBe('e2-3');
  });

  it('sync updates set sync and syncError', () => {
    const { client, scheduler, store } = setup();
    store.watchThread('thread-1');
    expect(store.getState().threads['thread-1']?.sync).toBe('idle');
    client.emit('thread-1', { kind: 'sync', state: 'error', error: { code: 'forbidden', message: 'no' } });
    scheduler.runFrame();
    expect(store.getState().threads['thread-1']).toMatchObject({ sync: 'error', syncError: { code: 'forbidden' } });
    client.emit('thread-1', { kind: 'sync', state: 'live' });
    scheduler.runFrame();
    expect(store.getState().threads['thread-1']?.sync).toBe('live');
    expect(store.getState().threads['thread-1']).not.toHaveProperty('syncError');
  });
});

describe('connection', () => {
  it('mirrors the client connection state', () => {
    const { client, store } = setup();
    expect(store.getState().connection).toBe('open');
    client.setConnection('reconnecting');
    expect(store.getState().connection).toBe('reconnecting');
  });
});

describe('watchThread', () => {
  it('is ref-counted: the client watch opens with the first watcher and closes after the last', async () => {
    const { client, store } = setup();
    const watch = vi.spyOn(client.threads, 'watch');
    const stopA = store.watchThread('thread-1');
    const stopB = store.watchThread('thread-1');
    expect(watch).toHaveBeenCalledTimes(1);
    expect(client.watcherCount('thread-1')).toBe(1);
    stopA();
    await nextMicrotask();
    expect(client.watcherCount('thread-1')).toBe(1);
    stopB();
    await nextMicrotask();
    expect(client.watcherCount('thread-1')).toBe(0);
  });

  it('watch -> unwatch -> watch (StrictMode) keeps one client watch and loses no update', async () => {
    const { client, scheduler, store, event } = setup();
    const watch = vi.spyOn(client.threads, 'watch');
    store.watchThread('thread-1')();
    const stop = store.watchThread('thread-1');
    await nextMicrotask();
    expect(watch).toHaveBeenCalledTimes(1);
    client.emitEvent(event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'go' } }));
    scheduler.runFrame();
    expect(store.getState().threads['thread-1']?.view.messageIds).toEqual(['u1', 'a1']);
    stop();
    await nextMicrotask();
    expect(client.watcherCount('thread-1')).toBe(0);
  });

  it('applies what already arrived and goes idle when the last watcher leaves', async () => {
    const { client, store, event } = setup();
    const stop = store.watchThread('thread-1');
    client.emit('thread-1', { kind: 'sync', state: 'live' });
    client.emitEvent(event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'go' } }));
    stop();
    await nextMicrotask();
    expect(store.getState().threads['thread-1']).toMatchObject({ sync: 'idle', view: { activeTurnId: 't1' } });
  });
});

describe('destroy', () => {
  it('closes watches, stops mirroring the connection and drops the scheduled frame', () => {
    const { client, scheduler, store, event } = setup();
    store.watchThread('thread-1');
    client.emitEvent(event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'go' } }));
    store.destroy();
    expect(scheduler.pending()).toBe(0);
    expect(client.watcherCount('thread-1')).toBe(0);
    client.setConnection('offline');
    expect(store.getState().connection).toBe('open');
    expect(store.getState().threads['thread-1']?.eventLog.size).toBe(0);
  });
});
