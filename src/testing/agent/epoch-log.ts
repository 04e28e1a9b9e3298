import { formatEventId, parseEventId } from '../../protocol/index.js';

/** A stream's stored events under its current epoch: a thread's, or a gateway session's. `storedAt` bounds replay. */
export interface EpochLog<T extends { id: string; seq: number }> {
  epoch: string;
  log: { event: T; storedAt: number }[];
}

export type LogReplay<T> = { resumed: true; events: T[] } | { resumed: false };

/** Gives the next event its envelope (`id`, `seq`, `ts`) from `build`, stores it and returns it; the caller delivers it. */
export function appendToLog<T extends { id: string; seq: number }>(
  stream: EpochLog<T>,
  now: number,
  build: (envelope: { id: string; seq: number; ts: number }) => T,
): T {
  const seq = stream.log.length + 1;
  const event = build({ id: formatEventId(stream.epoch, seq), seq, ts: now });
  stream.log.push({ event, storedAt: now });
  return event;
}

export const lastLoggedId = <T extends { id: string; seq: number }>(stream: EpochLog<T>): string | null => stream.log.at(-1)?.event.id ?? null;

/** The events after `lastEventId`, if it belongs to this epoch and all of them are still inside the window. */
export function replayLogAfter<T extends { id: string; seq: number }>(
  stream: EpochLog<T>,
  lastEventId: string | undefined,
  replayWindowMs: number,
  now: number,
): LogReplay<T> {
  const position = lastEventId === undefined ? null : parseEventId(lastEventId);
  if (!position || position.epoch !== stream.epoch || position.seq > stream.log.length) return { resumed: false };
  const missed = stream.log.slice(position.seq);
  const oldestMissed = missed[0];
  if (oldestMissed && oldestMissed.storedAt < now - replayWindowMs) return { resumed: false };
  return { resumed: true, events: missed.map((stored) => stored.event) };
}

/** As after a restart from persisted state: a new epoch, the stored events keep their seqs under it. */
export function renumberLog<T extends { id: string; seq: number }>(stream: EpochLog<T>, epoch: string): void {
  stream.epoch = epoch;
  stream.log = stream.log.map((stored) => ({ ...stored, event: { ...stored.event, id: formatEventId(epoch, stored.event.seq) } }));
}

/** Ages every stored event past any replay window. */
export function expireLog<T extends { id: string; seq: number }>(stream: EpochLog<T>): void {
  for (const stored of stream.log) stored.storedAt = Number.NEGATIVE_INFINITY;
}
