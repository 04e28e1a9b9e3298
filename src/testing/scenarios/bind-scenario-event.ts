import type { EventPayload, EventType } from '../../protocol/index.js';
import type { ScenarioEvent } from './scenario-types.js';

/** A full event without its envelope. */
export type EventBody = { [T in EventType]: { type: T } & EventPayload<T> }[EventType];

export interface TurnBinding {
  turnId: string;
  /** The assistant message of the turn. */
  messageId: string;
  now: number;
  startedAt: number;
}

/** Makes a turn-local entity id unique within the thread. */
export function scopeId(turnId: string, localId: string): string {
  return `${turnId}.${localId}`;
}

/** Turns a scenario event into an event body: fills server-side fields and scopes entity ids to the turn. */
export function bindScenarioEvent(step: ScenarioEvent & { delayMs?: number }, binding: TurnBinding): EventBody {
  const { delayMs: _delay, ...event } = step;
  const scope = (localId: string) => scopeId(binding.turnId, localId);
  switch (event.type) {
    case 'text-delta':
      return { ...event, messageId: binding.messageId };
    case 'approval-pending': {
      const { expiresInMs, ...pending } = event;
      return scopeEntityIds({ ...pending, ...(expiresInMs === undefined ? {} : { expiresAt: binding.now + expiresInMs }) }, scope);
    }
    case 'finish':
      return { ...event, durationMs: event.durationMs ?? Math.max(0, binding.now - binding.startedAt) };
    default:
      return scopeEntityIds(event, scope);
  }
}

/** The body with its entity ids (tool calls, artifacts, steps, runs, approvals) passed through `scope`; message ids are left as they are. */
export function scopeEntityIds(body: EventBody, scope: (id: string) => string): EventBody {
  switch (body.type) {
    case 'tool-call-start':
      return { ...body, toolCallId: scope(body.toolCallId), ...(body.stepId === undefined ? {} : { stepId: scope(body.stepId) }) };
    case 'tool-call-args':
    case 'tool-call-result':
    case 'tool-call-error':
      return { ...body, toolCallId: scope(body.toolCallId) };
    case 'artifact-created':
    case 'artifact-updated':
      return { ...body, artifactId: scope(body.artifactId) };
    case 'step-start':
    case 'step-finish':
      return { ...body, stepId: scope(body.stepId) };
    case 'run-update':
      return { ...body, runId: scope(body.runId) };
    case 'approval-pending':
      return { ...body, approvalId: scope(body.approvalId), ...(body.toolCallId === undefined ? {} : { toolCallId: scope(body.toolCallId) }) };
    case 'approval-resolved':
      return { ...body, approvalId: scope(body.approvalId) };
    case 'turn-start':
    case 'text-delta':
    case 'memory-write':
    case 'memory-recall-result':
    case 'error':
    case 'finish':
      return body;
    default:
      return assertNever(body);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected scenario event ${JSON.stringify(value)}`);
}
