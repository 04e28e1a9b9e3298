import { parseEventId, type ServerEvent } from '../../../src/protocol/index.js';
import type { ThreadUpdate } from '../../../src/client/types.js';

/** What a watcher received, checked against the server's final log. Every list should be empty. */
export interface DeliveryAudit {
  delivered: number;
  /** Final-log events after the last reset's `lastEventId` that the watcher never received after that reset. */
  lost: string[];
  /** Events received twice between two resets, or events of an epoch the thread had already left. */
  doubled: string[];
  /** `previous -> next` where next is not the event right after previous (same epoch, seq + 1). */
  seqBreaks: string[];
  /** `previous -> next` within one turn where seq went down. */
  turnOrderBreaks: string[];
}

interface Segment {
  /** The reset's `lastEventId` this segment continues from; undefined for the stream before any reset. */
  base: string | null | undefined;
  events: ServerEvent[];
}

export function auditDelivery(updates: readonly ThreadUpdate[], finalLog: readonly ServerEvent[]): DeliveryAudit {
  const segments: Segment[] = [{ base: undefined, events: [] }];
  for (const update of updates) {
    if (update.kind === 'reset') segments.push({ base: update.history.lastEventId, events: [] });
    else if (update.kind === 'event') segments.at(-1)!.events.push(update.event);
  }
  const audit: DeliveryAudit = { delivered: 0, lost: [], doubled: [], seqBreaks: [], turnOrderBreaks: [] };
  segments.forEach((segment) => auditSegment(segment, audit));
  audit.lost = lostAfterLastReset(segments.at(-1)!, finalLog);
  return audit;
}

function auditSegment(segment: Segment, audit: DeliveryAudit) {
  const seen = new Set<string>();
  const lastSeqByTurn = new Map<string, ServerEvent>();
  const basePosition = segment.base ? parseEventId(segment.base) : null;
  const epoch = basePosition?.epoch ?? (segment.events[0] ? parseEventId(segment.events[0].id)?.epoch : undefined);
  let previous: { id: string; seq: number } = { id: segment.base ?? 'start', seq: basePosition?.seq ?? 0 };
  for (const event of segment.events) {
    audit.delivered += 1;
    const position = parseEventId(event.id);
    if (seen.has(event.id) || position?.epoch !== epoch) audit.doubled.push(event.id);
    seen.add(event.id);
    if (position?.epoch !== epoch || event.seq !== previous.seq + 1) audit.seqBreaks.push(`${previous.id} -> ${event.id}`);
    previous = { id: event.id, seq: event.seq };
    const turnPrevious = lastSeqByTurn.get(event.turnId);
    if (turnPrevious && event.seq <= turnPrevious.seq) audit.turnOrderBreaks.push(`${turnPrevious.id} -> ${event.id}`);
    lastSeqByTurn.set(event.turnId, event);
  }
}

function lostAfterLastReset(segment: Segment, finalLog: readonly ServerEvent[]): string[] {
  const base = segment.base ? parseEventId(segment.base) : null;
  const finalEpoch = finalLog[0] ? parseEventId(finalLog[0].id)?.epoch : undefined;
  const startsAfter = base && base.epoch === finalEpoch ? base.seq : 0;
  const received = new Set(segment.events.map((event) => event.id));
  return finalLog.filter((event) => event.seq > startsAfter && !received.has(event.id)).map((event) => event.id);
}
