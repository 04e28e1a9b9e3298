import type { ServerEvent } from '../protocol/index.js';

/** Entries per chunk. An append copies at most one chunk and the chunk index, whatever the log's length. */
export const EVENT_LOG_CHUNK_SIZE = 256;

/** How many entries a thread's log keeps unless the store is told otherwise. */
export const DEFAULT_EVENT_LOG_LIMIT = 1_000;

/**
 * A thread's applied events since its last history reset, of which the last `limit` are kept, in order. Read the
 * kept ones with `readEvents(log)`. Every append makes a new log object that shares all full chunks with the one
 * before, so a frame costs the same at the first entry as at the hundred-thousandth; never mutate `chunks`. It holds
 * at most `limit + EVENT_LOG_CHUNK_SIZE - 1` entries: the first chunk may still hold a few dropped ones.
 */
export interface EventLog {
  /** How many entries are kept; earlier ones are dropped and counted in `dropped`. */
  readonly limit: number;
  /** Entries dropped from the front: the absolute index of the first kept entry (0 while nothing was dropped). */
  readonly dropped: number;
  /** Entries kept: `min(limit, dropped + size)` of all appended since the last reset. */
  readonly size: number;
  /** The storage: full chunks of `EVENT_LOG_CHUNK_SIZE` entries, the last one possibly shorter. */
  readonly chunks: readonly (readonly ServerEvent[])[];
  /** Where the first kept entry sits in `chunks[0]`; the entries before it were dropped. */
  readonly offset: number;
}

const noEvents: readonly ServerEvent[] = Object.freeze([]);
/** One materialized array per log version, made on first read. */
const materialized = new WeakMap<EventLog, readonly ServerEvent[]>();

export function assertEventLogLimit(limit: number): void {
  if (!(limit >= 0) || (limit !== Infinity && !Number.isInteger(limit))) {
    throw new RangeError(`eventLogLimit must be a whole number >= 0 or Infinity, got ${limit}`);
  }
}

export function createEventLog(limit: number = DEFAULT_EVENT_LOG_LIMIT): EventLog {
  assertEventLogLimit(limit);
  return { limit, dropped: 0, size: 0, chunks: [], offset: 0 };
}

/** The log with `events` appended, its oldest entries dropped past `limit`; the same log when `events` is empty. */
export function appendEvents(log: EventLog, events: readonly ServerEvent[]): EventLog {
  if (events.length === 0) return log;
  const { limit } = log;
  if (events.length >= limit) {
    // The frame alone fills the window: nothing of the earlier log stays.
    const kept = events.slice(events.length - limit);
    return { limit, dropped: log.dropped + log.size + events.length - kept.length, size: kept.length, chunks: toChunks(kept), offset: 0 };
  }

  const chunks = [...log.chunks];
  const last = chunks.at(-1);
  let open: ServerEvent[] = [];
  if (last && last.length < EVENT_LOG_CHUNK_SIZE) {
    // Earlier log versions share `last`, so it is copied before it grows.
    open = [...last];
    chunks[chunks.length - 1] = open;
  } else {
    chunks.push(open);
  }
  for (const event of events) {
    if (open.length === EVENT_LOG_CHUNK_SIZE) {
      open = [];
      chunks.push(open);
    }
    open.push(event);
  }

  const excess = log.size + events.length - limit;
  if (excess <= 0) return { limit, dropped: log.dropped, size: log.size + events.length, chunks, offset: log.offset };
  let offset = log.offset + excess;
  let spent = 0;
  while (offset >= chunks[spent]!.length) {
    offset -= chunks[spent]!.length;
    spent += 1;
  }
  return { limit, dropped: log.dropped + excess, size: limit, chunks: chunks.slice(spent), offset };
}

/** An empty log with the same limit, as after a history reset. */
export function clearEventLog(log: EventLog): EventLog {
  return log.size === 0 && log.dropped === 0 ? log : createEventLog(log.limit);
}

/**
 * The kept entries of a log in order, oldest first. Made on the first read of each log version and then reused,
 * so reading an unchanged log returns the same array.
 * @example
 * const events = readEvents(store.getState().threads['t1'].eventLog);
 */
export function readEvents(log: EventLog): readonly ServerEvent[] {
  if (log.size === 0) return noEvents;
  let events = materialized.get(log);
  if (!events) {
    const entries = new Array<ServerEvent>(log.size);
    let index = 0;
    let offset = log.offset;
    for (const chunk of log.chunks) {
      for (let position = offset; position < chunk.length; position += 1) entries[index++] = chunk[position]!;
      offset = 0;
    }
    events = entries;
    materialized.set(log, events);
  }
  return events;
}

function toChunks(events: readonly ServerEvent[]): ServerEvent[][] {
  const chunks: ServerEvent[][] = [];
  for (let start = 0; start < events.length; start += EVENT_LOG_CHUNK_SIZE) chunks.push(events.slice(start, start + EVENT_LOG_CHUNK_SIZE));
  return chunks;
}
