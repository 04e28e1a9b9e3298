import { describe, expect, it } from 'vitest';
import { createEventFactory } from '../../test/support/event-factory.js';
import type { ServerEvent } from '../protocol/index.js';
import { appendEvents, clearEventLog, createEventLog, EVENT_LOG_CHUNK_SIZE, readEvents, type EventLog } from './event-log.js';

const event = createEventFactory();
const makeEvents = (count: number): ServerEvent[] =>
  Array.from({ length: count }, () => event('text-delta', 't1', { messageId: 'a1', delta: 'x' }) as ServerEvent);

/** Frame sizes from 1 to 600, varied so that appends land on, across and far past chunk boundaries. */
const frameSize = (frame: number) => [1, 3, 7, 255, 1, 256, 2, 600, 17, 1][frame % 10]!;

/**
 * The entries an append copied: the chunk index plus the entries of chunks that are not shared with the log before,
 * less the new events themselves.
 */
function copiedByAppend(before: EventLog, after: EventLog, appended: number): number {
  const shared = new Set(before.chunks);
  const fresh = after.chunks.filter((chunk) => !shared.has(chunk));
  const freshEntries = fresh.reduce((total, chunk) => total + chunk.length, 0);
  return after.chunks.length + Math.max(0, freshEntries - appended);
}

describe('event log', () => {
  it('appends 100,000 events in frames copying at most one chunk and the chunk index per frame', () => {
    let log = createEventLog(Infinity);
    let total = 0;
    let mostCopied = 0;
    for (let frame = 0; total < 100_000; frame += 1) {
      const events = makeEvents(1 + (frame % 50));
      const before = log;
      log = appendEvents(log, events);
      total += events.length;
      const copied = copiedByAppend(before, log, events.length);
      expect(copied).toBeLessThanOrEqual(EVENT_LOG_CHUNK_SIZE + log.chunks.length);
      mostCopied = Math.max(mostCopied, copied);
      // Every full chunk before the append is the very same array after it.
      const fullBefore = before.chunks.filter((chunk) => chunk.length === EVENT_LOG_CHUNK_SIZE);
      expect(fullBefore.every((chunk, index) => log.chunks[index] === chunk)).toBe(true);
    }
    expect(log.size).toBe(total);
    expect(log.chunks.every((chunk) => chunk.length <= EVENT_LOG_CHUNK_SIZE)).toBe(true);
    // A copy of the whole log would copy about 100,000 entries on the last frames.
    expect(mostCopied).toBeLessThan(EVENT_LOG_CHUNK_SIZE + Math.ceil(100_000 / EVENT_LOG_CHUNK_SIZE) + 1);
  });

  it('keeps exactly the last N events in order and counts the dropped ones', () => {
    for (const limit of [1, 255, 256, 300, 1_000]) {
      let log = createEventLog(limit);
      const all: ServerEvent[] = [];
      for (let frame = 0; frame < 60; frame += 1) {
        const events = makeEvents(frameSize(frame));
        const before = log;
        log = appendEvents(log, events);
        all.push(...events);
        expect(readEvents(log)).toEqual(all.slice(-limit));
        expect(log.size).toBe(Math.min(limit, all.length));
        expect(log.dropped).toBe(all.length - log.size);
        expect(log.chunks.length).toBeLessThanOrEqual(Math.ceil(limit / EVENT_LOG_CHUNK_SIZE) + 1);
        expect(copiedByAppend(before, log, events.length)).toBeLessThanOrEqual(EVENT_LOG_CHUNK_SIZE + log.chunks.length);
      }
    }
  });

  it('keeps none with limit 0 and counts every event as dropped', () => {
    let log = createEventLog(0);
    log = appendEvents(log, makeEvents(5));
    log = appendEvents(log, makeEvents(1));
    expect(readEvents(log)).toEqual([]);
    expect(log).toMatchObject({ size: 0, dropped: 6, chunks: [] });
  });

  it('keeps every event with limit Infinity', () => {
    let log = createEventLog(Infinity);
    const all = makeEvents(2_000);
    for (let start = 0; start < all.length; start += 300) log = appendEvents(log, all.slice(start, start + 300));
    expect(readEvents(log)).toEqual(all);
    expect(log.dropped).toBe(0);
  });

  it('keeps 1,000 by default and rejects a limit that is not a whole number >= 0', () => {
    expect(createEventLog().limit).toBe(1_000);
    for (const limit of [-1, 1.5, Number.NaN]) expect(() => createEventLog(limit)).toThrow(RangeError);
  });

  it('leaves earlier versions as they were when two appends branch from one', () => {
    const base = appendEvents(createEventLog(Infinity), makeEvents(10));
    const baseEvents = [...readEvents(base)];
    const left = appendEvents(base, makeEvents(3));
    const right = appendEvents(base, makeEvents(4));
    expect(readEvents(base)).toEqual(baseEvents);
    expect(readEvents(left).slice(0, 10)).toEqual(baseEvents);
    expect(readEvents(right).slice(0, 10)).toEqual(baseEvents);
    expect(readEvents(left)[10]).not.toBe(readEvents(right)[10]);
  });

  it('reads the same array until the log changes, and returns the log itself for an empty append', () => {
    const log = appendEvents(createEventLog(), makeEvents(3));
    expect(readEvents(log)).toBe(readEvents(log));
    expect(appendEvents(log, [])).toBe(log);
    const next = appendEvents(log, makeEvents(1));
    expect(readEvents(next)).not.toBe(readEvents(log));
    expect(readEvents(next)).toHaveLength(4);
  });

  it('clears to an empty log with the same limit and no dropped count', () => {
    const full = appendEvents(createEventLog(2), makeEvents(5));
    const cleared = clearEventLog(full);
    expect(cleared).toMatchObject({ limit: 2, size: 0, dropped: 0 });
    expect(readEvents(cleared)).toEqual([]);
    expect(clearEventLog(cleared)).toBe(cleared);
  });
});
