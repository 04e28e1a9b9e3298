import { describe, expect, it } from 'vitest';
import { createEventFactory } from '../../test/support/event-factory.js';
import { createFakeClient } from '../testing/index.js';
import { createPlatosStore, type PlatosStoreOptions } from './create-platos-store.js';
import { EVENT_LOG_CHUNK_SIZE, readEvents } from './event-log.js';
import { createManualScheduler } from './frame-scheduler.js';
import { viewToHistory } from './view/history.js';

function setup(options: Omit<PlatosStoreOptions, 'client' | 'scheduler'> = {}) {
  const client = createFakeClient();
  const scheduler = createManualScheduler();
  const store = createPlatosStore({ client, scheduler, ...options });
  const event = createEventFactory();
  const stopWatching = store.watchThread('thread-1');
  const thread = () => store.getState().threads['thread-1']!;
  /** One frame with one text delta: one log entry. */
  const delta = (text: string) => {
    client.emitEvent(event('text-delta', 't1', { messageId: 'a1', delta: text }));
    scheduler.runFrame();
  };
  client.emitEvent(event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'go' } }));
  scheduler.runFrame();
  return { client, scheduler, store, thread, delta, stopWatching };
}

describe('the store event log', () => {
  it('lets go of the log of a thread whose last watch stops, and keeps its view for the next watch', async () => {
    const { thread, delta, stopWatching, store } = setup();
    for (const text of ['a', 'b', 'c']) delta(text);
    expect(thread().eventLog.size).toBe(4);
    stopWatching();
    // The watch closes a microtask later (a StrictMode remount keeps it).
    await Promise.resolve();
    expect(thread().eventLog.size).toBe(0);
    expect(readEvents(thread().eventLog)).toEqual([]);
    expect(thread().view.messages.a1).toMatchObject({ parts: [{ type: 'text', text: 'abc' }] });
    store.watchThread('thread-1');
    expect(thread().view.messages.a1).toMatchObject({ parts: [{ type: 'text', text: 'abc' }] });
  });

  it('keeps the last eventLogLimit entries and counts the rest, while the view keeps every delta', () => {
    const { thread, delta } = setup({ eventLogLimit: 3 });
    for (const text of ['a', 'b', 'c', 'd', 'e']) delta(text);
    expect(readEvents(thread().eventLog).map((entry) => entry.type === 'text-delta' && entry.delta)).toEqual(['c', 'd', 'e']);
    expect(thread().eventLog.dropped).toBe(3);
    expect(thread().view.messages.a1).toMatchObject({ parts: [{ type: 'text', text: 'abcde' }] });
  });

  it('shares every full chunk of the log between flushes over 3,000 frames', () => {
    const { thread, delta } = setup({ eventLogLimit: Infinity });
    for (let frame = 0; frame < 3_000; frame += 1) {
      const before = thread().eventLog;
      delta('x');
      const after = thread().eventLog;
      const fullBefore = before.chunks.filter((chunk) => chunk.length === EVENT_LOG_CHUNK_SIZE);
      expect(fullBefore.every((chunk, index) => after.chunks[index] === chunk)).toBe(true);
    }
    expect(thread().eventLog).toMatchObject({ size: 3_001, dropped: 0 });
    expect(thread().eventLog.chunks.length).toBe(Math.ceil(3_001 / EVENT_LOG_CHUNK_SIZE));
  });

  it('keeps the log when an update carries no event', () => {
    const { client, scheduler, thread } = setup();
    const before = thread().eventLog;
    client.emit('thread-1', { kind: 'sync', state: 'live' });
    scheduler.runFrame();
    expect(thread().sync).toBe('live');
    expect(thread().eventLog).toBe(before);
  });

  it('clears the log and its dropped count on a history reset, then appends after it', () => {
    const { client, scheduler, thread, delta } = setup({ eventLogLimit: 2 });
    for (const text of ['a', 'b', 'c']) delta(text);
    expect(thread().eventLog).toMatchObject({ size: 2, dropped: 2 });

    client.emit('thread-1', { kind: 'reset', history: viewToHistory(thread().view) });
    scheduler.runFrame();
    expect(thread().eventLog).toMatchObject({ limit: 2, size: 0, dropped: 0 });
    expect(readEvents(thread().eventLog)).toEqual([]);

    delta('d');
    expect(readEvents(thread().eventLog).map((entry) => entry.type === 'text-delta' && entry.delta)).toEqual(['d']);
    expect(thread().view.messages.a1).toMatchObject({ parts: [{ type: 'text', text: 'abcd' }] });
  });

  it('keeps 1,000 entries by default, none with 0, and rejects a negative limit', () => {
    expect(setup().thread().eventLog.limit).toBe(1_000);
    const none = setup({ eventLogLimit: 0 });
    none.delta('a');
    expect(none.thread().eventLog).toMatchObject({ size: 0, dropped: 2 });
    expect(none.thread().view.messages.a1).toMatchObject({ parts: [{ type: 'text', text: 'a' }] });
    expect(() => createPlatosStore({ client: createFakeClient(), eventLogLimit: -1 })).toThrow(RangeError);
  });
});
