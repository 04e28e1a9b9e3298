import type { AssistantMessageView, MessagePart, ServerEvent } from '../../protocol/index.js';
import type { ThreadView } from '../types.js';
import { ownEntry } from './own-entries.js';

export interface AssistantTarget {
  view: ThreadView;
  message: AssistantMessageView;
}

/**
 * Finds the assistant message of the event's turn. A turn this view never saw start (joined mid-turn, or a lost
 * `turn-start`) gets a streaming placeholder so the event still has somewhere to go.
 */
export function resolveAssistantMessage(view: ThreadView, event: ServerEvent): AssistantTarget {
  const turn = ownEntry(view.turns, event.turnId);
  const known = turn ? ownEntry(view.messages, turn.messageId) : undefined;
  if (known?.role === 'assistant') return { view, message: known };

  const messageId = turn?.messageId ?? placeholderMessageId(view, event);
  const message: AssistantMessageView = { id: messageId, role: 'assistant', turnId: event.turnId, parts: [], status: 'streaming' };
  const messageIds = view.messageIds.includes(messageId) ? view.messageIds : [...view.messageIds, messageId];
  const next: ThreadView = {
    ...view,
    messageIds,
    messages: { ...view.messages, [messageId]: message },
    turns: { ...view.turns, [event.turnId]: { userMessageId: turn?.userMessageId ?? '', messageId } },
  };
  return { message, view: { ...next, activeTurnId: findActiveTurnId(next) } };
}

function placeholderMessageId(view: ThreadView, event: ServerEvent): string {
  const fromEvent = 'messageId' in event ? event.messageId : undefined;
  // An id already used by another turn's message would overwrite that message.
  return fromEvent !== undefined && ownEntry(view.messages, fromEvent) === undefined ? fromEvent : `assistant-${event.turnId}`;
}

export function replaceAssistantMessage(view: ThreadView, message: AssistantMessageView): ThreadView {
  return { ...view, messages: { ...view.messages, [message.id]: message } };
}

export function pushPart(view: ThreadView, message: AssistantMessageView, part: MessagePart): ThreadView {
  return replaceAssistantMessage(view, { ...message, parts: [...message.parts, part] });
}

/** Resolves the event's assistant message and appends one part to it. */
export function pushPartForEvent(view: ThreadView, event: ServerEvent, part: MessagePart): ThreadView {
  const target = resolveAssistantMessage(view, event);
  return pushPart(target.view, target.message, part);
}

/** The latest turn whose assistant message is still streaming; the view's `activeTurnId` always equals it. */
export function findActiveTurnId(view: ThreadView): string | null {
  for (let index = view.messageIds.length - 1; index >= 0; index -= 1) {
    const message = ownEntry(view.messages, view.messageIds[index] ?? '');
    if (message?.role === 'assistant' && message.status === 'streaming') return message.turnId;
  }
  return null;
}
