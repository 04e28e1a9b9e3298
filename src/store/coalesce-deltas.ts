import type { ServerEvent } from '../protocol/index.js';

/**
 * Merges each run of consecutive `text-delta` events of one message into a single event carrying the joined text
 * and the last event's envelope, so a frame adds one log entry per streamed message instead of one per token.
 * @example coalesceDeltas([delta('Hel'), delta('lo')]) // [{ ...secondEnvelope, delta: 'Hello' }]
 */
export function coalesceDeltas(events: readonly ServerEvent[]): ServerEvent[] {
  const merged: ServerEvent[] = [];
  for (const event of events) {
    const previous = merged.at(-1);
    if (
      event.type === 'text-delta' &&
      previous?.type === 'text-delta' &&
      previous.messageId === event.messageId &&
      previous.threadId === event.threadId
    ) {
      merged[merged.length - 1] = { ...event, delta: previous.delta + event.delta };
    } else {
      merged.push(event);
    }
  }
  return merged;
}
