import type { CommandError } from '../protocol/index.js';
import type { PendingMessage, ThreadState } from './types.js';

export function addPendingMessage(thread: ThreadState, clientMessageId: string, text: string): ThreadState {
  return { ...thread, pendingMessages: [...thread.pendingMessages, { clientMessageId, text, state: 'sending' }] };
}

export function findPendingMessage(thread: ThreadState | undefined, clientMessageId: string): PendingMessage | undefined {
  return thread?.pendingMessages.find((message) => message.clientMessageId === clientMessageId);
}

/** Marks a pending message failed; the text stays so the user can retry or copy it. Gone (echoed) means no change. */
export function markPendingFailed(thread: ThreadState, clientMessageId: string, error: CommandError): ThreadState {
  return replacePending(thread, clientMessageId, (message) => ({ ...message, state: 'failed', error }));
}

export function markPendingSending(thread: ThreadState, clientMessageId: string): ThreadState {
  return replacePending(thread, clientMessageId, ({ text }) => ({ clientMessageId, text, state: 'sending' }));
}

export function removeFailedPending(thread: ThreadState, clientMessageId: string): ThreadState {
  const remaining = thread.pendingMessages.filter(
    (message) => message.clientMessageId !== clientMessageId || message.state !== 'failed',
  );
  return remaining.length === thread.pendingMessages.length ? thread : { ...thread, pendingMessages: remaining };
}

function replacePending(
  thread: ThreadState,
  clientMessageId: string,
  recipe: (message: PendingMessage) => PendingMessage,
): ThreadState {
  if (!findPendingMessage(thread, clientMessageId)) return thread;
  const pendingMessages = thread.pendingMessages.map((message) =>
    message.clientMessageId === clientMessageId ? recipe(message) : message,
  );
  return { ...thread, pendingMessages };
}
