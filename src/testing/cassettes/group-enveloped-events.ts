import { parseServerEvent, type ServerEvent } from '../../protocol/index.js';
import { createInvalidFrameTally } from './invalid-frame-tally.js';
import type { RecordedEvent, RecordedTurn, RecordedTurns } from './recorded-turn.js';
import { withoutEnvelope } from './without-envelope.js';

/** A recorded frame and when it came, in milliseconds on any clock shared by the whole recording. */
export interface TimedFrame {
  frame: unknown;
  time: number;
  /** Names it in the reason it was left out, e.g. `frame 3`. */
  label: string;
}

interface OpenTurn {
  turn: RecordedTurn;
  lastTime: number;
}

/**
 * Splits enveloped events into turns by thread and turn id, keeping each turn's events in the order they came,
 * with the time since the turn's previous event as their delay.
 */
export function groupEnvelopedEvents(frames: readonly TimedFrame[], sentTextOf: (turnId: string) => string | undefined): RecordedTurns {
  const tally = createInvalidFrameTally();
  const seenEventIds = new Set<string>();
  const openTurns = new Map<string, OpenTurn>();
  let duplicateFrames = 0;

  for (const { frame, time, label } of frames) {
    const parsed = parseServerEvent(frame);
    if (!parsed.ok) {
      tally.add(label, parsed.detail);
      continue;
    }
    const { event } = parsed;
    const eventKey = JSON.stringify([event.threadId, event.id]);
    if (seenEventIds.has(eventKey)) {
      duplicateFrames += 1;
      continue;
    }
    seenEventIds.add(eventKey);
    const open = openTurnOf(openTurns, event, time, sentTextOf);
    const delayMs = Math.max(0, time - open.lastTime);
    open.lastTime = Math.max(open.lastTime, time);
    addEvent(open.turn, event, delayMs);
  }
  return { turns: [...openTurns.values()].map((open) => open.turn), ...tally.summary(), duplicateFrames };
}

function openTurnOf(openTurns: Map<string, OpenTurn>, event: ServerEvent, time: number, sentTextOf: (turnId: string) => string | undefined): OpenTurn {
  const key = JSON.stringify([event.threadId, event.turnId]);
  const existing = openTurns.get(key);
  if (existing) return existing;
  const created: OpenTurn = { turn: { threadId: event.threadId, userText: sentTextOf(event.turnId) ?? null, messageId: null, events: [] }, lastTime: time };
  openTurns.set(key, created);
  return created;
}

function addEvent(turn: RecordedTurn, event: ServerEvent, delayMs: number): void {
  if (event.type === 'turn-start') {
    turn.userText = event.userMessage.text;
    turn.messageId = event.messageId;
    return;
  }
  if (event.type === 'text-delta') turn.messageId ??= event.messageId;
  const recorded: RecordedEvent = { delayMs, body: withoutEnvelope(event) };
  if (event.type === 'approval-pending' && event.expiresAt !== undefined) recorded.expiresInMs = Math.max(0, event.expiresAt - event.ts);
  turn.events.push(recorded);
}
