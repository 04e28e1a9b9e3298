import { describe, expect, it } from 'vitest';
import { createEventFactory } from '../../test/support/event-factory.js';
import { createEarlyFrameBuffer } from './early-frame-buffer.js';
import type { ServerEvent } from '../protocol/index.js';

describe('earlyFrameBuffer', () => {
  it('hands back frames in arrival order, once', () => {
    const event = createEventFactory();
    const buffer = createEarlyFrameBuffer<ServerEvent>();
    const frames = [1, 2, 3].map((n) => event('text-delta', 'turn-1', { messageId: 'a1', delta: String(n) }));
    frames.forEach((frame) => buffer.push(frame));
    expect(buffer.size).toBe(3);
    expect(buffer.drain()).toEqual(frames);
    expect(buffer.size).toBe(0);
    expect(buffer.drain()).toEqual([]);
  });
});
