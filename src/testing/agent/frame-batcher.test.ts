import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventFactory } from '../../../test/support/event-factory.js';
import type { ServerEvent } from '../../protocol/index.js';
import { asksForBatches, createFrameBatcher, type BatchFrame } from './frame-batcher.js';

const event = createEventFactory('t1');
const deltas = (count: number): ServerEvent[] => Array.from({ length: count }, () => event('text-delta', 'turn-1', { messageId: 'a1', delta: 'x' }));
const seqs = (frames: BatchFrame[]) => frames.map((frame) => frame.events.map((each) => each.seq));

afterEach(() => void vi.useRealTimers());

describe('createFrameBatcher', () => {
  it('sends what it gathered 16 ms after the first event, in order, and starts a new window after', () => {
    vi.useFakeTimers();
    const frames: BatchFrame[] = [];
    const batcher = createFrameBatcher({ emit: (frame) => frames.push(frame) });
    const [a, b, c] = deltas(3);
    batcher.push(a!);
    vi.advanceTimersByTime(10);
    batcher.push(b!);
    vi.advanceTimersByTime(5);
    expect(frames).toEqual([]);
    vi.advanceTimersByTime(1);
    batcher.push(c!);
    vi.advanceTimersByTime(16);
    expect(seqs(frames)).toEqual([[a!.seq, b!.seq], [c!.seq]]);
  });

  it('splits at maxEvents, and flush sends what it holds at once and ends the window', () => {
    vi.useFakeTimers();
    const frames: BatchFrame[] = [];
    const batcher = createFrameBatcher({ emit: (frame) => frames.push(frame), maxEvents: 2 });
    const events = deltas(5);
    events.forEach(batcher.push);
    expect(frames.map((frame) => frame.events.length)).toEqual([2, 2]);
    batcher.flush();
    expect(frames.map((frame) => frame.events.length)).toEqual([2, 2, 1]);
    expect(frames.flatMap((frame) => frame.events)).toEqual(events);
    batcher.flush();
    vi.advanceTimersByTime(100);
    expect(frames).toHaveLength(3);
  });

  it('sends nothing once disposed', () => {
    vi.useFakeTimers();
    const emit = vi.fn();
    const batcher = createFrameBatcher({ emit });
    deltas(2).forEach(batcher.push);
    batcher.dispose();
    vi.advanceTimersByTime(100);
    batcher.flush();
    expect(emit).not.toHaveBeenCalled();
  });

  it('takes only batch: true in the handshake auth as asking', () => {
    expect([{ token: 't', batch: true }, { batch: 'true' }, { batch: 1 }, {}, null, undefined].map(asksForBatches)).toEqual([true, false, false, false, false, false]);
  });
});
