import { describe, expect, it } from 'vitest';
import { createEventFactory } from '../../test/support/event-factory.js';
import { coalesceDeltas } from './coalesce-deltas.js';

describe('coalesceDeltas', () => {
  it('merges consecutive deltas of one message, keeping the last envelope', () => {
    const event = createEventFactory();
    const merged = coalesceDeltas([
      event('text-delta', 't1', { messageId: 'a1', delta: 'Hel' }),
      event('text-delta', 't1', { messageId: 'a1', delta: 'lo' }),
      event('text-delta', 't1', { messageId: 'a1', delta: '!' }),
    ]);
    expect(merged).toEqual([
      { type: 'text-delta', id: 'e1-3', seq: 3, threadId: 'thread-1', turnId: 't1', ts: 1_700_000_000_003, messageId: 'a1', delta: 'Hello!' },
    ]);
  });

  it('keeps deltas apart when another event or another message comes between', () => {
    const event = createEventFactory();
    const merged = coalesceDeltas([
      event('text-delta', 't1', { messageId: 'a1', delta: 'a' }),
      event('text-delta', 't1', { messageId: 'a1', delta: 'b' }),
      event('tool-call-start', 't1', { toolCallId: 'c1', tool: 'x' }),
      event('text-delta', 't1', { messageId: 'a1', delta: 'c' }),
      event('text-delta', 't2', { messageId: 'a2', delta: 'd' }),
      event('text-delta', 't2', { messageId: 'a2', delta: 'e' }),
    ]);
    expect(merged.map((entry) => (entry.type === 'text-delta' ? `${entry.messageId}:${entry.delta}` : entry.type))).toEqual([
      'a1:ab',
      'tool-call-start',
      'a1:c',
      'a2:de',
    ]);
    expect(merged.map((entry) => entry.seq)).toEqual([2, 3, 4, 6]);
  });

  it('returns a new array and leaves the input untouched', () => {
    const event = createEventFactory();
    const input = [event('text-delta', 't1', { messageId: 'a1', delta: 'a' }), event('text-delta', 't1', { messageId: 'a1', delta: 'b' })];
    const merged = coalesceDeltas(input);
    expect(merged).not.toBe(input);
    expect(input.map((entry) => entry.type === 'text-delta' && entry.delta)).toEqual(['a', 'b']);
    expect(coalesceDeltas([])).toEqual([]);
  });
});
