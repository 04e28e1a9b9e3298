import { describe, expect, it } from 'vitest';
import { createEventFactory } from '../../test/support/event-factory.js';
import { createSequenceGuard } from './sequence-guard.js';

const deltas = (epoch: string, count: number) => {
  const event = createEventFactory('thread-1', epoch);
  return Array.from({ length: count }, () => event('text-delta', 'turn-1', { messageId: 'a1', delta: 'x' }));
};
const ids = (verdict: ReturnType<ReturnType<typeof createSequenceGuard>['offer']>) =>
  verdict.kind === 'deliver' ? verdict.events.map((event) => event.id) : verdict.kind;

describe('createSequenceGuard', () => {
  it('delivers the next seq and drops what was already delivered', () => {
    const guard = createSequenceGuard(8);
    const [first, second] = deltas('e1', 2);
    guard.reset(null);
    expect(ids(guard.offer(first!))).toEqual(['e1-1']);
    expect(ids(guard.offer(first!))).toBe('duplicate');
    expect(ids(guard.offer(second!))).toEqual(['e1-2']);
  });

  it('holds frames ahead of a hole and releases them in order once it is filled', () => {
    const guard = createSequenceGuard(8);
    const events = deltas('e1', 4);
    guard.reset('e1-1');
    expect(ids(guard.offer(events[3]!))).toBe('held');
    expect(ids(guard.offer(events[2]!))).toBe('held');
    expect(ids(guard.offer(events[2]!))).toBe('duplicate');
    expect(guard.heldCount).toBe(2);
    expect(ids(guard.offer(events[1]!))).toEqual(['e1-2', 'e1-3', 'e1-4']);
    expect(guard.heldCount).toBe(0);
  });

  it('asks for a resync when the hold buffer is full', () => {
    const guard = createSequenceGuard(2);
    const events = deltas('e1', 6);
    guard.reset('e1-1');
    guard.offer(events[3]!);
    guard.offer(events[4]!);
    expect(guard.offer(events[5]!)).toEqual({ kind: 'resync', reason: 'buffer-full' });
  });

  it('drops frames of an epoch it left and asks for a resync on an unknown one', () => {
    const guard = createSequenceGuard(8);
    guard.reset('old-9');
    guard.reset('new-3');
    expect(guard.offer(deltas('old', 10)[9]!).kind).toBe('stale');
    expect(guard.offer(deltas('other', 1)[0]!)).toEqual({ kind: 'resync', reason: 'new-epoch' });
    expect(ids(guard.offer(deltas('new', 4)[3]!))).toEqual(['new-4']);
  });

  it('adopts the epoch of the first frame of a thread that had none', () => {
    const guard = createSequenceGuard(8);
    guard.reset(null);
    const [first] = deltas('fresh', 1);
    expect(guard.isOtherEpoch(first!)).toBe(false);
    expect(ids(guard.offer(first!))).toEqual(['fresh-1']);
    expect(guard.isOtherEpoch(deltas('other', 1)[0]!)).toBe(true);
  });
});
