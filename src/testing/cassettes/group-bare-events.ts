import { parseServerEvent } from '../../protocol/index.js';
import { TOKEN_INTERVAL_MS } from '../scenarios/stream-text.js';
import { createInvalidFrameTally } from './invalid-frame-tally.js';
import type { RecordedTurn, RecordedTurns } from './recorded-turn.js';
import { withoutEnvelope } from './without-envelope.js';

/** The delay of a bare event that names none: about one token's time. */
export const BARE_EVENT_DELAY_MS = TOKEN_INTERVAL_MS;

/** Stands in for the envelope so a bare event can be checked against the event schemas; it is dropped again after. */
const standInEnvelope = { id: 'recorded', seq: 1, threadId: 'recorded', turnId: 'recorded', ts: 0 };

/**
 * Splits events recorded without their envelope into turns: each `turn-start` opens one, and events before the first
 * belong to a turn of their own. An event's delay is its `delayMs` if it has one, else `BARE_EVENT_DELAY_MS`.
 */
export function groupBareEvents(items: readonly unknown[]): RecordedTurns {
  const tally = createInvalidFrameTally();
  const turns: RecordedTurn[] = [];
  const openTurn = (): RecordedTurn => {
    const turn: RecordedTurn = { threadId: null, userText: null, messageId: null, events: [] };
    turns.push(turn);
    return turn;
  };
  let current: RecordedTurn | undefined;

  for (const [index, item] of items.entries()) {
    const parsed = parseServerEvent(isObject(item) ? { ...item, ...standInEnvelope } : item);
    if (!parsed.ok) {
      tally.add(`event ${index}`, parsed.detail);
      continue;
    }
    const body = withoutEnvelope(parsed.event);
    if (body.type === 'turn-start') {
      current = openTurn();
      current.userText = body.userMessage.text;
      current.messageId = body.messageId;
      continue;
    }
    current ??= openTurn();
    if (body.type === 'text-delta') current.messageId ??= body.messageId;
    current.events.push({ delayMs: ownDelay(item) ?? BARE_EVENT_DELAY_MS, body });
  }
  return { turns, ...tally.summary(), duplicateFrames: 0 };
}

function ownDelay(item: unknown): number | undefined {
  const delayMs = isObject(item) ? item['delayMs'] : undefined;
  return typeof delayMs === 'number' && Number.isFinite(delayMs) && delayMs >= 0 ? delayMs : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
