import type { ThreadState } from '../store/types.js';

export type ThreadStatus = 'idle' | 'streaming' | 'error';

/** Streaming while a turn is active; error when the sync failed or the last turn failed. */
export function threadStatus(thread: ThreadState | undefined): ThreadStatus {
  if (!thread) return 'idle';
  if (thread.view.activeTurnId !== null) return 'streaming';
  if (thread.sync === 'error') return 'error';
  const lastId = thread.view.messageIds.at(-1);
  const last = lastId === undefined ? undefined : thread.view.messages[lastId];
  return last?.role === 'assistant' && last.status === 'failed' ? 'error' : 'idle';
}
