import { scopeId, type EventBody } from '../scenarios/bind-scenario-event.js';
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
  switch (body.type) {
    case 'turn-start':
    case 'text-delta':
      return { ...body, messageId: scope(body.messageId) };
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
  throw new Error(`unexpected recorded event ${JSON.stringify(value)}`);
}
