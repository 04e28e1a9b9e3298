import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEventFactory, shortTurnEvents } from '../../test/support/event-factory.js';
import { createFakeClient, createFakeStorage } from '../testing/index.js';
import { createPlatosStore } from './create-platos-store.js';
import { createManualScheduler } from './frame-scheduler.js';
import { threadIndexKey } from './persistence/thread-index.js';
import type { ThreadSnapshot } from './persistence/thread-snapshot.js';
import { applyEvent } from './view/apply-event.js';
import { createThreadView } from './view/create-thread-view.js';

/** Lets the storage reads and writes (promises, no timers) finish. */
const settle = async () => {
  for (let tick = 0; tick < 10; tick += 1) await Promise.resolve();
};

function savedView(threadId = 'thread-1') {
  return shortTurnEvents(threadId).reduce(applyEvent, createThreadView(threadId));
}

function setup(storage = createFakeStorage()) {
  const client = createFakeClient({ storage });
  const scheduler = createManualScheduler();
  const store = createPlatosStore({ client, scheduler });
  const thread = (threadId = 'thread-1') => store.getState().threads[threadId];
  const setCalls = vi.spyOn(storage, 'set');
  const snapshotWrites = (threadId = 'thread-1') => setCalls.mock.calls.filter(([key]) => key === `thread:${threadId}`).length;
  return { client, scheduler, store, storage, thread, snapshotWrites };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('opening a thread from its snapshot', () => {
  it('shows the cached view before it watches, then resumes from its lastEventId', async () => {
    const storage = createFakeStorage();
    const view = savedView();
    storage.values.set('thread:thread-1', { view, savedAt: 1 } satisfies ThreadSnapshot);
    const { client, store, thread } = setup(storage);
    let watchersWhenCached: number | null = null;
    store.subscribe((state) => {
      if (state.threads['thread-1']?.cached && watchersWhenCached === null) watchersWhenCached = client.watcherCount('thread-1');
    });

    store.watchThread('thread-1');
    expect(client.watchOptions).toEqual([]);
    await settle();

    expect(watchersWhenCached).toBe(0);
    expect(client.watchOptions).toEqual([{ threadId: 'thread-1', options: { resumeFrom: view.lastEventId } }]);
    expect(thread()).toMatchObject({ view, eventLogBase: view, cached: true });
  });

  it('applies resumed events on top of the cached view and stops being cached once live', async () => {
    const storage = createFakeStorage();
    storage.values.set('thread:thread-1', { view: savedView(), savedAt: 1 });
    const { client, scheduler, store, thread } = setup(storage);
    store.watchThread('thread-1');
    await settle();

    const event = createEventFactory('thread-1', 'e2');
    client.emit('thread-1', { kind: 'sync', state: 'subscribing' });
    client.emitEvent(event('turn-start', 'turn-2', { messageId: 'a2', userMessage: { id: 'u2', text: 'more' } }));
    scheduler.runFrame();
    expect(thread()?.cached).toBe(true);
    expect(thread()?.view.messageIds).toEqual(['u1', 'a1', 'u2', 'a2']);

    client.emit('thread-1', { kind: 'sync', state: 'live' });
    scheduler.runFrame();
    expect(thread()?.cached).toBe(false);
  });

  it('stops being cached when the thread is rebuilt from history', async () => {
    const storage = createFakeStorage();
    storage.values.set('thread:thread-1', { view: savedView(), savedAt: 1 });
    const { client, scheduler, store, thread } = setup(storage);
    store.watchThread('thread-1');
    await settle();
    client.emit('thread-1', { kind: 'reset', history: { threadId: 'thread-1', messages: [], lastEventId: 'e9-1' } });
    scheduler.runFrame();
    expect(thread()).toMatchObject({ cached: false, view: { messageIds: [], lastEventId: 'e9-1' } });
  });

  it('ignores and deletes a broken snapshot, and watches as without one', async () => {
    const storage = createFakeStorage();
    storage.values.set('thread:thread-1', { view: { threadId: 'thread-1', messageIds: 'nope' }, savedAt: 1 });
    const { client, store, thread } = setup(storage);
    store.watchThread('thread-1');
    await settle();
    expect(client.watchOptions).toEqual([{ threadId: 'thread-1' }]);
    expect(storage.values.has('thread:thread-1')).toBe(false);
    expect(thread()?.cached).toBe(false);
  });

  it('shows no saved view for a thread the client already follows, and watches as without one', async () => {
    const storage = createFakeStorage();
    storage.values.set('thread:thread-1', { view: savedView(), savedAt: 1 });
    const { client, store, thread } = setup(storage);
    client.threads.lastEventId = () => 'e1-40';
    store.watchThread('thread-1');
    await settle();
    expect(client.watchOptions).toEqual([{ threadId: 'thread-1' }]);
    expect(thread()?.cached).toBe(false);
  });

  it('watches as without a snapshot when reading storage fails', async () => {
    const storage = createFakeStorage();
    storage.get = () => Promise.reject(new Error('the database is gone'));
    const { client, store, thread } = setup(storage);
    store.watchThread('thread-1');
    await settle();
    expect(client.watchOptions).toEqual([{ threadId: 'thread-1' }]);
    expect(thread()?.cached).toBe(false);
  });

  it('does not subscribe when the watch stopped before the snapshot was read', async () => {
    const storage = createFakeStorage();
    storage.values.set('thread:thread-1', { view: savedView(), savedAt: 1 });
    const { client, store } = setup(storage);
    const stop = store.watchThread('thread-1');
    stop();
    await settle();
    expect(client.watchOptions).toEqual([]);
    expect(client.watcherCount('thread-1')).toBe(0);
  });

  it('does not read a snapshot for a thread the store already shows', async () => {
    const { client, scheduler, store, storage } = setup();
    const stop = store.watchThread('thread-1');
    await settle();
    for (const event of shortTurnEvents('thread-1')) client.emitEvent(event);
    scheduler.runFrame();
    stop();
    await settle();
    const getCalls = vi.spyOn(storage, 'get');

    store.watchThread('thread-1');
    expect(client.watchOptions).toHaveLength(2);
    expect(getCalls).not.toHaveBeenCalled();
  });

  it('with storage disabled watches at once, reads and writes nothing', async () => {
    vi.useFakeTimers();
    const storage = createFakeStorage({ enabled: false });
    storage.values.set('thread:thread-1', { view: savedView(), savedAt: 1 });
    const getCalls = vi.spyOn(storage, 'get');
    const { client, scheduler, store, thread, snapshotWrites } = setup(storage);

    store.watchThread('thread-1');
    expect(client.watchOptions).toEqual([{ threadId: 'thread-1' }]);
    for (const event of shortTurnEvents('thread-1')) client.emitEvent(event);
    scheduler.runFrame();
    await vi.advanceTimersByTimeAsync(5_000);

    expect(thread()?.cached).toBe(false);
    expect(getCalls).not.toHaveBeenCalled();
    expect(snapshotWrites()).toBe(0);
  });
});

/** On a fake clock: `thread-1` saved before, then watched, its snapshot read. */
async function watchSavedThread() {
  const storage = createFakeStorage();
  storage.values.set('thread:thread-1', { view: savedView(), savedAt: 1 });
  const harness = setup(storage);
  harness.store.watchThread('thread-1');
  await vi.advanceTimersByTimeAsync(0);
  return harness;
}

describe('saving thread snapshots', () => {
  // The store loads its snapshot writer on first use, in real time; loaded once here, it is there at once for the
  // fake clocks below, as it is in an app after its first save.
  beforeAll(() => import('./persistence/snapshot-writer.js'));

  it('saves at most once a second while tokens stream, and soon after the turn finishes', async () => {
    vi.useFakeTimers();
    const { client, scheduler, store, storage, snapshotWrites } = setup();
    store.watchThread('thread-1');
    await vi.advanceTimersByTimeAsync(0);
    const event = createEventFactory('thread-1');
    client.emitEvent(event('turn-start', 'turn-1', { messageId: 'a1', userMessage: { id: 'u1', text: 'go' } }));
    scheduler.runFrame();

    for (let token = 0; token < 100; token += 1) {
      client.emitEvent(event('text-delta', 'turn-1', { messageId: 'a1', delta: 'x' }));
      scheduler.runFrame();
      await vi.advanceTimersByTimeAsync(16);
    }
    const whileStreaming = snapshotWrites();
    expect(whileStreaming).toBeGreaterThanOrEqual(1);
    expect(whileStreaming).toBeLessThanOrEqual(2);

    client.emitEvent(event('finish', 'turn-1', { finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1 }, durationMs: 1 }));
    scheduler.runFrame();
    expect(snapshotWrites()).toBe(whileStreaming);
    await vi.advanceTimersByTimeAsync(1);
    expect(snapshotWrites()).toBe(whileStreaming + 1);

    const saved = storage.values.get('thread:thread-1') as ThreadSnapshot;
    expect(saved.view.messages.a1).toMatchObject({ status: 'finished', parts: [{ type: 'text', text: 'x'.repeat(100) }] });
    expect(saved.view.activeTurnId).toBeNull();
    expect(storage.values.get(threadIndexKey)).toEqual({ 'thread-1': expect.any(Number) });
  });

  it('does not save a cached view the server has not confirmed, and saves what the replay added once live', async () => {
    vi.useFakeTimers();
    const { client, scheduler, storage, snapshotWrites } = await watchSavedThread();

    client.emit('thread-1', { kind: 'sync', state: 'subscribing' });
    client.emitEvent(createEventFactory('thread-1', 'e2')('turn-start', 'turn-2', { messageId: 'a2', userMessage: { id: 'u2', text: 'more' } }));
    scheduler.runFrame();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(snapshotWrites()).toBe(0);

    client.emit('thread-1', { kind: 'sync', state: 'live' });
    scheduler.runFrame();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(snapshotWrites()).toBe(1);
    expect((storage.values.get('thread:thread-1') as ThreadSnapshot).view.messageIds).toEqual(['u1', 'a1', 'u2', 'a2']);
  });

  it('does not save again when a cached view is confirmed with nothing new', async () => {
    vi.useFakeTimers();
    const { client, scheduler, snapshotWrites } = await watchSavedThread();
    client.emit('thread-1', { kind: 'sync', state: 'live' });
    scheduler.runFrame();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(snapshotWrites()).toBe(0);
  });

  it('saves a changed thread at once when the page is hidden', async () => {
    vi.useFakeTimers();
    const { client, scheduler, store, snapshotWrites } = setup();
    store.watchThread('thread-1');
    await vi.advanceTimersByTimeAsync(0);
    client.emitEvent(createEventFactory('thread-1')('turn-start', 'turn-1', { messageId: 'a1', userMessage: { id: 'u1', text: 'go' } }));
    scheduler.runFrame();
    // The writer loads on first use.
    await vi.dynamicImportSettled();
    expect(snapshotWrites()).toBe(0);
    window.dispatchEvent(new Event('pagehide'));
    expect(snapshotWrites()).toBe(1);
  });

  it('keeps maxThreads snapshots and evicts the least recently used', async () => {
    vi.useFakeTimers();
    const { client, scheduler, store, storage } = setup(createFakeStorage({ limits: { maxThreads: 2 } }));
    for (const threadId of ['first', 'second', 'third']) {
      vi.advanceTimersByTime(1_000);
      store.watchThread(threadId);
      await vi.advanceTimersByTimeAsync(0);
      for (const event of shortTurnEvents(threadId)) client.emitEvent(event);
      scheduler.runFrame();
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect([...storage.values.keys()].filter((key) => key.startsWith('thread:')).sort()).toEqual(['thread:second', 'thread:third']);
    expect(Object.keys(storage.values.get(threadIndexKey) as object).sort()).toEqual(['second', 'third']);
  });

  it('counts opening a saved thread as using it', async () => {
    vi.useFakeTimers();
    const storage = createFakeStorage({ limits: { maxThreads: 2 } });
    storage.values.set('thread:old', { view: savedView('old'), savedAt: 1 });
    storage.values.set('thread:newer', { view: savedView('newer'), savedAt: 2 });
    storage.values.set(threadIndexKey, { old: 1, newer: 2 });
    const { client, scheduler, store } = setup(storage);
    store.watchThread('old');
    await vi.advanceTimersByTimeAsync(0);

    store.watchThread('fresh');
    await vi.advanceTimersByTimeAsync(0);
    for (const event of shortTurnEvents('fresh')) client.emitEvent(event);
    scheduler.runFrame();
    await vi.advanceTimersByTimeAsync(1_000);
    expect([...storage.values.keys()].filter((key) => key.startsWith('thread:')).sort()).toEqual(['thread:fresh', 'thread:old']);
  });
});
