import type { DurableCommand, OutboxChange } from '../client/types.js';
import type { CommandError } from '../protocol/index.js';
import { addPendingMessage, findPendingMessage, markPendingFailed } from './pending-messages.js';
import type { ThreadState } from './types.js';
import { ownEntry } from './view/own-entries.js';

/**
 * What an outbox change means for its thread's state. Sends and approval answers made in another tab or restored
 * after a reload show like this store's own; the store already shows its own ('local') commands, except a failed
 * send it does not know of.
 */
export function applyOutboxChange(thread: ThreadState, change: OutboxChange): ThreadState {
  const { command } = change;
  if (command.origin === 'local' && !(change.kind === 'failed' && command.name === 'message:send' && !showsMessage(thread, command.key))) {
    return thread;
  }
  switch (command.name) {
    case 'message:send':
      return applySendChange(thread, change.kind, command);
    case 'approval:respond':
      return applyApprovalChange(thread, change.kind, command);
    default:
      return thread;
  }
}

/** An outbox listing as the changes that would have led to it. */
export function outboxChangeOf(command: DurableCommand): OutboxChange {
  return { kind: command.state === 'failed' ? 'failed' : 'queued', command };
}

type SendCommand = Extract<DurableCommand, { name: 'message:send' }>;
type ApprovalCommand = Extract<DurableCommand, { name: 'approval:respond' }>;

function applySendChange(thread: ThreadState, kind: OutboxChange['kind'], command: SendCommand): ThreadState {
  const { key, request } = command;
  switch (kind) {
    case 'queued':
      return showsMessage(thread, key) ? thread : addPendingMessage(thread, key, request.text);
    case 'failed': {
      const error = commandErrorOf(command);
      if (findPendingMessage(thread, key)) return markPendingFailed(thread, key, error);
      if (isEchoed(thread, key)) return thread;
      return markPendingFailed(addPendingMessage(thread, key, request.text), key, error);
    }
    case 'discarded': {
      const remaining = thread.pendingMessages.filter((message) => message.clientMessageId !== key);
      return remaining.length === thread.pendingMessages.length ? thread : { ...thread, pendingMessages: remaining };
    }
    case 'delivered':
      // The server's turn-start echo removes the pending message.
      return thread;
  }
}

function applyApprovalChange(thread: ThreadState, kind: OutboxChange['kind'], command: ApprovalCommand): ThreadState {
  const { approvalId, decision } = command.request;
  if (kind === 'discarded') {
    if (!Object.hasOwn(thread.approvalResponses, approvalId)) return thread;
    const { [approvalId]: _discarded, ...approvalResponses } = thread.approvalResponses;
    return { ...thread, approvalResponses };
  }
  const response =
    kind === 'queued'
      ? { decision, state: 'sending' as const }
      : kind === 'delivered'
        ? { decision, state: 'sent' as const }
        : { decision, state: 'failed' as const, error: commandErrorOf(command) };
  return { ...thread, approvalResponses: { ...thread.approvalResponses, [approvalId]: response } };
}

function showsMessage(thread: ThreadState, clientMessageId: string): boolean {
  return findPendingMessage(thread, clientMessageId) !== undefined || isEchoed(thread, clientMessageId);
}

function isEchoed(thread: ThreadState, clientMessageId: string): boolean {
  return thread.view.messageIds.some((id) => {
    const message = ownEntry(thread.view.messages, id);
    return message?.role === 'user' && message.clientMessageId === clientMessageId;
  });
}

function commandErrorOf(command: DurableCommand): CommandError {
  return command.error ?? { code: 'send_failed', message: 'The command was not delivered' };
}
