import { useCallback, useMemo } from 'react';
import type { ConnectionState, ThreadSyncState } from '../client/types.js';
import type { CommandError, MessageView, ServerEvent } from '../protocol/index.js';
import type { PendingMessage, PlatosState } from '../store/types.js';
import { threadStatus, type ThreadStatus } from './thread-status.js';
import { useConnectionState } from './use-connection-state.js';
import { usePlatosSelector } from './use-platos-selector.js';
import { useThreadActions, type ThreadActions } from './use-thread-actions.js';
import { useWatchThread } from './use-watch-thread.js';

export interface PlatosStreamOptions {
  threadId: string;
}

export interface PlatosStream extends ThreadActions {
  /** Every applied event in order; consecutive text deltas of one frame are merged. */
  events: readonly ServerEvent[];
  /** The thread's messages in order. */
  messages: readonly MessageView[];
  status: ThreadStatus;
  sync: ThreadSyncState | 'idle';
  syncError: CommandError | undefined;
  connection: ConnectionState;
  pendingMessages: readonly PendingMessage[];
}

const noEvents: readonly ServerEvent[] = [];
const noMessages: readonly MessageView[] = [];
const noPendingMessages: readonly PendingMessage[] = [];

/**
 * Everything about one thread in one hook, watched while mounted. It re-renders on every applied
 * frame; for large lists prefer `<PlatosThread>` with `useMessageIds` and `useMessage`.
 * @example
 * const { messages, status, send } = usePlatosStream({ threadId: 't1' });
 */
export function usePlatosStream({ threadId }: PlatosStreamOptions): PlatosStream {
  useWatchThread(threadId);
  const selectThread = useCallback((state: PlatosState) => state.threads[threadId], [threadId]);
  const thread = usePlatosSelector(selectThread);
  const connection = useConnectionState();
  const actions = useThreadActions({ threadId });

  const messageIds = thread?.view.messageIds;
  const messagesById = thread?.view.messages;
  const messages = useMemo(() => {
    if (!messageIds || !messagesById) return noMessages;
    return messageIds.flatMap((id) => {
      const message = messagesById[id];
      return message ? [message] : [];
    });
  }, [messageIds, messagesById]);

  return useMemo(
    () => ({
      ...actions,
      events: thread?.events ?? noEvents,
      messages,
      status: threadStatus(thread),
      sync: thread?.sync ?? 'idle',
      syncError: thread?.syncError,
      connection,
      pendingMessages: thread?.pendingMessages ?? noPendingMessages,
    }),
    [actions, thread, messages, connection],
  );
}
