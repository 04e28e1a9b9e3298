import type { AssistantMessageView, EventOf, TurnStatus, UserMessageView } from '../../protocol/index.js';
import type { ThreadView } from '../types.js';
import { findActiveTurnId, replaceAssistantMessage, resolveAssistantMessage } from './assistant-message.js';
import { withoutUndefined } from './without-undefined.js';
import { ownEntry } from './own-entries.js';

/** Adds the user's message and an empty streaming assistant message, and makes the turn the active one. */
export function applyTurnStart(view: ThreadView, event: EventOf<'turn-start'>): ThreadView {
  const turn = ownEntry(view.turns, event.turnId);
  if (turn?.userMessageId) return view;

  const { id, text, clientMessageId } = event.userMessage;
  if (ownEntry(view.messages, id)) return view;
  const userMessage: UserMessageView = withoutUndefined({ id, role: 'user', turnId: event.turnId, text, clientMessageId });
  const messages = { ...view.messages, [id]: userMessage };

  if (turn) {
    // The turn got a placeholder before its start arrived: the user message goes right before it.
    const at = view.messageIds.indexOf(turn.messageId);
    const messageIds = at < 0 ? [...view.messageIds, id] : [...view.messageIds.slice(0, at), id, ...view.messageIds.slice(at)];
    return { ...view, messageIds, messages, turns: { ...view.turns, [event.turnId]: { ...turn, userMessageId: id } } };
  }

  const messageId = ownEntry(messages, event.messageId) ? `assistant-${event.turnId}` : event.messageId;
  const assistant: AssistantMessageView = { id: messageId, role: 'assistant', turnId: event.turnId, parts: [], status: 'streaming' };
  return {
    ...view,
    messageIds: [...view.messageIds, id, messageId],
    messages: { ...messages, [messageId]: assistant },
    turns: { ...view.turns, [event.turnId]: { userMessageId: id, messageId } },
    activeTurnId: event.turnId,
  };
}

const statusByFinishReason: Record<EventOf<'finish'>['finishReason'], TurnStatus> = {
  stop: 'finished',
  length: 'finished',
  cancelled: 'cancelled',
  error: 'failed',
};

/** Ends the turn: final status, reason, usage and duration. */
export function applyFinish(view: ThreadView, event: EventOf<'finish'>): ThreadView {
  const target = resolveAssistantMessage(view, event);
  const message: AssistantMessageView = {
    ...target.message,
    status: statusByFinishReason[event.finishReason],
    finishReason: event.finishReason,
    usage: event.usage,
    durationMs: event.durationMs,
  };
  return settleActiveTurn(replaceAssistantMessage(target.view, message));
}

/** Shows the error in the message; a non-retryable one also ends the turn as failed. */
export function applyError(view: ThreadView, event: EventOf<'error'>): ThreadView {
  const target = resolveAssistantMessage(view, event);
  const { code, message: text, retryable } = event;
  const parts = [...target.message.parts, { type: 'error' as const, code, message: text, retryable }];
  const status = retryable ? target.message.status : 'failed';
  const next = replaceAssistantMessage(target.view, { ...target.message, parts, status });
  return retryable ? next : settleActiveTurn(next);
}

function settleActiveTurn(view: ThreadView): ThreadView {
  const activeTurnId = findActiveTurnId(view);
  return activeTurnId === view.activeTurnId ? view : { ...view, activeTurnId };
}
