import type { ServerEvent } from '../../protocol/index.js';
import { assertNever } from '../assert-never.js';
import type { ThreadView } from '../types.js';
import { applyApprovalPending, applyApprovalResolved } from './approval-handlers.js';
import { applyArtifactCreated, applyArtifactUpdated } from './artifact-handlers.js';
import { applyMemoryRecallResult, applyMemoryWrite } from './memory-handlers.js';
import { applyRunUpdate } from './run-handlers.js';
import { applyStepFinish, applyStepStart } from './step-handlers.js';
import { applyTextDelta } from './text-handlers.js';
import { applyToolCallArgs, applyToolCallError, applyToolCallResult, applyToolCallStart } from './tool-call-handlers.js';
import { applyError, applyFinish, applyTurnStart } from './turn-handlers.js';

/**
 * Derives the next view from one event. Pure and immutable: only what changed gets a new object, so selectors by
 * id keep their results. Never throws; an event for a turn never seen starts a placeholder assistant message.
 * @example const view = events.reduce(applyEvent, createThreadView('thread-1'));
 */
export function applyEvent(view: ThreadView, event: ServerEvent): ThreadView {
  return { ...applyByType(view, event), lastEventId: event.id };
}

function applyByType(view: ThreadView, event: ServerEvent): ThreadView {
  switch (event.type) {
    case 'turn-start':
      return applyTurnStart(view, event);
    case 'text-delta':
      return applyTextDelta(view, event);
    case 'tool-call-start':
      return applyToolCallStart(view, event);
    case 'tool-call-args':
      return applyToolCallArgs(view, event);
    case 'tool-call-result':
      return applyToolCallResult(view, event);
    case 'tool-call-error':
      return applyToolCallError(view, event);
    case 'artifact-created':
      return applyArtifactCreated(view, event);
    case 'artifact-updated':
      return applyArtifactUpdated(view, event);
    case 'step-start':
      return applyStepStart(view, event);
    case 'step-finish':
      return applyStepFinish(view, event);
    case 'memory-write':
      return applyMemoryWrite(view, event);
    case 'memory-recall-result':
      return applyMemoryRecallResult(view, event);
    case 'run-update':
      return applyRunUpdate(view, event);
    case 'approval-pending':
      return applyApprovalPending(view, event);
    case 'approval-resolved':
      return applyApprovalResolved(view, event);
    case 'error':
      return applyError(view, event);
    case 'finish':
      return applyFinish(view, event);
    default:
      return assertNever(event, 'Unknown event type');
  }
}
