import { scopeEntityIds, scopeId, type EventBody } from '../scenarios/bind-scenario-event.js';
import type { RecordedTurn } from './recorded-turn.js';

/** The turn with its assistant message id and entity ids (tool calls, artifacts, steps, runs, approvals) prefixed with `turnId`. */
export function scopeRecordedTurn(turn: RecordedTurn, turnId: string): RecordedTurn {
  const scope = (id: string) => scopeId(turnId, id);
  return {
    ...turn,
    messageId: turn.messageId === null ? null : scope(turn.messageId),
    events: turn.events.map((event) => ({ ...event, body: scopeEventIds(event.body, scope) })),
  };
}

function scopeEventIds(body: EventBody, scope: (id: string) => string): EventBody {
  if (body.type === 'turn-start' || body.type === 'text-delta') return { ...body, messageId: scope(body.messageId) };
  return scopeEntityIds(body, scope);
}
