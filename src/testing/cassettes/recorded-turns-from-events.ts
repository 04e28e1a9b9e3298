import { groupBareEvents } from './group-bare-events.js';
import { groupEnvelopedEvents } from './group-enveloped-events.js';
import type { RecordedTurns } from './recorded-turn.js';

/**
 * The turns of a plain array of recorded events. With envelopes (any item with `seq` and `turnId`), turns are split
 * by thread and turn id and delays come from `ts`; without, turns are split at each `turn-start`.
 */
export function recordedTurnsFromEvents(items: readonly unknown[]): RecordedTurns {
  if (!hasEnvelopes(items)) return groupBareEvents(items);
  const frames = items.map((frame, index) => ({ frame, time: timestampOf(frame), label: `event ${index}` }));
  return groupEnvelopedEvents(frames, () => undefined);
}

export function hasEnvelopes(items: readonly unknown[]): boolean {
  return items.some((item) => typeof item === 'object' && item !== null && 'seq' in item && 'turnId' in item);
}

function timestampOf(frame: unknown): number {
  const ts = (frame as { ts?: unknown } | null)?.ts;
  return typeof ts === 'number' && Number.isFinite(ts) ? ts : 0;
}
