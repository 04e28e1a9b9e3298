import { parseEventId } from '../protocol/index.js';

/** What the guard reads of a frame: its id (`${epoch}-${seq}`) and seq. */
export interface SequencedEvent {
  id: string;
  seq: number;
}

export type GuardVerdict<TEvent extends SequencedEvent = SequencedEvent> =
  /** Apply these events, in this order (the one offered, then any held ones it unblocked). */
  | { kind: 'deliver'; events: TEvent[] }
  | { kind: 'duplicate' }
  /** Of an epoch the thread has left. */
  | { kind: 'stale' }
  /** Ahead of the next expected seq: held until the hole is filled. */
  | { kind: 'held' }
  /** The hole cannot be waited out here (buffer full, or an unknown epoch): resubscribe. */
  | { kind: 'resync'; reason: 'buffer-full' | 'new-epoch' };

/**
 * Decides, per thread, what to do with each validated frame so that the stream applied is exactly the
 * server's: every seq once, in order, of one epoch.
 */
export function createSequenceGuard<TEvent extends SequencedEvent>(bufferSize: number) {
  let epoch: string | null = null;
  let lastSeq = 0;
  const leftEpochs = new Set<string>();
  const held = new Map<number, TEvent>();

  const drainHeld = (): TEvent[] => {
    const unblocked: TEvent[] = [];
    for (let next = held.get(lastSeq + 1); next; next = held.get(lastSeq + 1)) {
      held.delete(lastSeq + 1);
      lastSeq += 1;
      unblocked.push(next);
    }
    return unblocked;
  };

  return {
    /** Where the applied stream stands; the next expected event is `lastSeq + 1` of `epoch`. */
    reset(lastEventId: string | null) {
      const position = lastEventId === null ? null : parseEventId(lastEventId);
      const nextEpoch = position?.epoch ?? null;
      if (epoch !== null && nextEpoch !== epoch) leftEpochs.add(epoch);
      if (nextEpoch !== null) leftEpochs.delete(nextEpoch);
      epoch = nextEpoch;
      lastSeq = position?.seq ?? 0;
      held.clear();
    },
    offer(event: TEvent): GuardVerdict<TEvent> {
      const position = parseEventId(event.id);
      const eventEpoch = position?.epoch ?? '';
      const seq = position?.seq ?? event.seq;
      if (epoch === null && !leftEpochs.has(eventEpoch)) epoch = eventEpoch;
      if (eventEpoch !== epoch) return leftEpochs.has(eventEpoch) ? { kind: 'stale' } : { kind: 'resync', reason: 'new-epoch' };
      if (seq <= lastSeq || held.has(seq)) return { kind: 'duplicate' };
      if (seq > lastSeq + 1) {
        if (held.size >= bufferSize) return { kind: 'resync', reason: 'buffer-full' };
        held.set(seq, event);
        return { kind: 'held' };
      }
      lastSeq = seq;
      return { kind: 'deliver', events: held.size === 0 ? [event] : [event, ...drainHeld()] };
    },
    /** Whether the event belongs to another epoch than the one the thread is at (`false` while that is unknown). */
    isOtherEpoch(event: TEvent): boolean {
      return epoch !== null && parseEventId(event.id)?.epoch !== epoch;
    },
    /** Held events are dropped when the thread resubscribes: the replay brings them again, in order. */
    dropHeld() {
      held.clear();
    },
    get heldCount() {
      return held.size;
    },
  };
}
