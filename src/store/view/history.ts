import type { AssistantMessageView, HistoryMessage, HistoryPart, HistoryResponse, MessagePart, MessageView } from '../../protocol/index.js';
import { assertNever } from '../assert-never.js';
import type { ThreadView } from '../types.js';
import { createThreadView } from './create-thread-view.js';
import { findActiveTurnId } from './assistant-message.js';
import { ownEntry, setOwnEntry } from './own-entries.js';

/**
 * The view as the history endpoint sends it: messages in order, entities inline in their parts.
 * `viewFromHistory(viewToHistory(view))` deep-equals `view`.
 */
export function viewToHistory(view: ThreadView): HistoryResponse {
  const messages = view.messageIds.flatMap((id) => {
    const message = ownEntry(view.messages, id);
    return message ? [toHistoryMessage(view, message)] : [];
  });
  return { threadId: view.threadId, messages, lastEventId: view.lastEventId };
}

function toHistoryMessage(view: ThreadView, message: MessageView): HistoryMessage {
  if (message.role === 'user') return message;
  return { ...message, parts: message.parts.flatMap((part) => toHistoryParts(view, part)) };
}

function toHistoryParts(view: ThreadView, part: MessagePart): HistoryPart[] {
  switch (part.type) {
    case 'tool-call':
      return present(ownEntry(view.toolCalls, part.toolCallId), (toolCall) => ({ type: 'tool-call', toolCall }));
    case 'artifact':
      return present(ownEntry(view.artifacts, part.artifactId), (artifact) => ({ type: 'artifact', artifact }));
    case 'step':
      return present(ownEntry(view.steps, part.stepId), (step) => ({ type: 'step', step }));
    case 'run':
      return present(ownEntry(view.runs, part.runId), (run) => ({ type: 'run', run }));
    case 'approval':
      return present(ownEntry(view.approvals, part.approvalId), (approval) => ({ type: 'approval', approval }));
    case 'text':
    case 'memory-write':
    case 'memory-recall':
    case 'error':
      return [part];
    default:
      return assertNever(part, 'Unknown message part');
  }
}

function present<T>(entity: T | undefined, toPart: (entity: T) => HistoryPart): HistoryPart[] {
  return entity === undefined ? [] : [toPart(entity)];
}

/** Rebuilds a view from the history endpoint's answer; the inverse of `viewToHistory`. */
export function viewFromHistory(history: HistoryResponse): ThreadView {
  const view = createThreadView(history.threadId);
  for (const message of history.messages) {
    view.messageIds.push(message.id);
    const turn = ownEntry(view.turns, message.turnId) ?? { userMessageId: '', messageId: '' };
    if (message.role === 'user') {
      setOwnEntry(view.messages, message.id, message);
      setOwnEntry(view.turns, message.turnId, { ...turn, userMessageId: message.id });
      continue;
    }
    const assistant: AssistantMessageView = { ...message, parts: message.parts.map((part) => fromHistoryPart(view, part)) };
    setOwnEntry(view.messages, message.id, assistant);
    setOwnEntry(view.turns, message.turnId, { ...turn, messageId: message.id });
  }
  return { ...view, lastEventId: history.lastEventId, activeTurnId: findActiveTurnId(view) };
}

/** Registers the part's entity in the view under construction and returns the part that references it. */
function fromHistoryPart(view: ThreadView, part: HistoryPart): MessagePart {
  switch (part.type) {
    case 'tool-call':
      setOwnEntry(view.toolCalls, part.toolCall.id, part.toolCall);
      return { type: 'tool-call', toolCallId: part.toolCall.id };
    case 'artifact':
      setOwnEntry(view.artifacts, part.artifact.id, part.artifact);
      return { type: 'artifact', artifactId: part.artifact.id };
    case 'step':
      setOwnEntry(view.steps, part.step.id, part.step);
      return { type: 'step', stepId: part.step.id };
    case 'run':
      setOwnEntry(view.runs, part.run.id, part.run);
      return { type: 'run', runId: part.run.id };
    case 'approval':
      setOwnEntry(view.approvals, part.approval.id, part.approval);
      return { type: 'approval', approvalId: part.approval.id };
    case 'text':
    case 'memory-write':
    case 'memory-recall':
    case 'error':
      return part;
    default:
      return assertNever(part, 'Unknown history part');
  }
}
