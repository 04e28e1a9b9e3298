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
    case 'tool-call-start':
      return { ...event, toolCallId: scope(event.toolCallId), ...(event.stepId ? { stepId: scope(event.stepId) } : {}) };
    case 'tool-call-args':
    case 'tool-call-result':
    case 'tool-call-error':
      return { ...event, toolCallId: scope(event.toolCallId) };
    case 'artifact-created':
    case 'artifact-updated':
      return { ...event, artifactId: scope(event.artifactId) };
    case 'step-start':
    case 'step-finish':
      return { ...event, stepId: scope(event.stepId) };
    case 'run-update':
      return { ...event, runId: scope(event.runId) };
    case 'approval-pending': {
      const { expiresInMs, ...pending } = event;
      return {
        ...pending,
        approvalId: scope(event.approvalId),
        ...(event.toolCallId ? { toolCallId: scope(event.toolCallId) } : {}),
        ...(expiresInMs === undefined ? {} : { expiresAt: binding.now + expiresInMs }),
      };
    }
    case 'approval-resolved':
      return { ...event, approvalId: scope(event.approvalId) };
    case 'finish':
      return { ...event, durationMs: event.durationMs ?? Math.max(0, binding.now - binding.startedAt) };
    case 'memory-write':
    case 'memory-recall-result':
    case 'error':
      return event;
    default:
      return assertNever(event);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected scenario event ${JSON.stringify(value)}`);
}
