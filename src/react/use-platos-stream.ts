import { useCallback, useMemo } from 'react';
import type { ConnectionState, ThreadSyncState } from '../client/types.js';
import type { CommandError, MessageView, ServerEvent } from '../protocol/index.js';
import { readEvents } from '../store/event-log.js';
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
  /**
   * The thread's last events in order (the store's `eventLogLimit`, 1000 by default, since the last history
   * reset); consecutive text deltas of one frame are merged. Made when first read, once per change of the log:
   * the same array until an event arrives, and no cost to a component that never reads it.
   */
  readonly events: readonly ServerEvent[];
  /** How many earlier events `events` no longer holds: `events[0]` is entry number `droppedEvents` of the log. */
  droppedEvents: number;
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

  const eventLog = thread?.eventLog;
  return useMemo(
    () => ({
      ...actions,
      // A getter, so a component that never reads the events never materializes them.
      get events() {
        return eventLog ? readEvents(eventLog) : noEvents;
      },
      droppedEvents: eventLog?.dropped ?? 0,
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
