import { useMemo } from 'react';
import type { SendResult } from '../store/types.js';
import { usePlatosStore } from './use-platos-store.js';
import { useThreadId, type ThreadOption } from './use-thread-id.js';

export interface ThreadActions {
  /** Sends a message; it shows as pending until the server echoes it. */
  send(text: string): Promise<SendResult>;
  /** Cancels the active turn, if any. */
  cancel(): Promise<void>;
  /** Re-sends a failed pending message with its original idempotency key. */
  retry(clientMessageId: string): Promise<SendResult>;
  /** Drops a failed pending message. */
  discard(clientMessageId: string): void;
  /** Subscribes the thread again from its resume point, e.g. after it stalled. */
  resync(): void;
  /** Sends a decision once; repeated calls for the same approval are ignored. */
  respondToApproval(approvalId: string, decision: 'approved' | 'denied', note?: string): Promise<void>;
}

/** The thread's commands, bound to its id; the object keeps its identity while the thread does. */
export function useThreadActions(options?: ThreadOption): ThreadActions {
  const threadId = useThreadId(options);
  const store = usePlatosStore();
  return useMemo(
    () => ({
      send: (text) => store.send(threadId, text),
      cancel: () => store.cancel(threadId),
      retry: (clientMessageId) => store.retry(threadId, clientMessageId),
      discard: (clientMessageId) => store.discard(threadId, clientMessageId),
      resync: () => store.resync(threadId),
      respondToApproval: (approvalId, decision, note) => store.respondToApproval(threadId, approvalId, decision, note),
    }),
    [store, threadId],
  );
}
