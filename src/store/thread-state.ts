import type { HistoryResponse, ServerEvent } from '../protocol/index.js';
import type { ThreadUpdate } from '../client/types.js';
import { assertNever } from './assert-never.js';
import { coalesceDeltas } from './coalesce-deltas.js';
import { appendEvents, clearEventLog, createEventLog } from './event-log.js';
import type { PendingMessage, ThreadState, ThreadView } from './types.js';
import { applyEvent } from './view/apply-event.js';
import { createThreadView } from './view/create-thread-view.js';
import { viewFromHistory } from './view/history.js';

/** A thread nothing has happened in yet; its event log keeps the last `eventLogLimit` entries. */
export function createThreadState(threadId: string, eventLogLimit?: number): ThreadState {
  const view = createThreadView(threadId);
  return { view, eventLog: createEventLog(eventLogLimit), eventLogBase: view, sync: 'idle', pendingMessages: [], approvalResponses: {}, stalledTurnId: null, cached: false };
}

/** Applies one frame's updates of a thread in order: events are coalesced and folded into the view in one pass. */
export function applyThreadUpdates(state: ThreadState, updates: readonly ThreadUpdate[]): ThreadState {
  let next = state;
  let batch: ServerEvent[] = [];
  for (const update of updates) {
    switch (update.kind) {
      case 'event':
        batch.push(update.event);
        break;
      case 'reset':
        // Events queued before a reset are already part of the history it carries.
        batch = [];
        next = resetFromHistory(next, update.history);
        break;
      case 'sync': {
        const { syncError: _previousError, ...rest } = next;
        const cached = rest.cached && update.state !== 'live';
        next = update.error ? { ...rest, sync: update.state, syncError: update.error, cached } : { ...rest, sync: update.state, cached };
        break;
      }
      default:
        assertNever(update, 'Unknown thread update');
    }
  }
  return applyEventBatch(next, batch);
}

function resetFromHistory(state: ThreadState, history: HistoryResponse): ThreadState {
  const echoed = history.messages.flatMap((message) =>
    message.role === 'user' && message.clientMessageId ? [message.clientMessageId] : [],
  );
  const view = viewFromHistory(history);
  return {
    ...state,
    view,
    eventLog: clearEventLog(state.eventLog),
    eventLogBase: view,
    stalledTurnId: null,
    cached: false,
    pendingMessages: withoutEchoed(state.pendingMessages, echoed),
  };
}

function applyEventBatch(state: ThreadState, batch: readonly ServerEvent[]): ThreadState {
  if (batch.length === 0) return state;
  const merged = coalesceDeltas(batch);
  const echoed = merged.flatMap((event) =>
    event.type === 'turn-start' && event.userMessage.clientMessageId ? [event.userMessage.clientMessageId] : [],
  );
  const { eventLog } = state;
  // An empty log (new, reset, or cleared when its last watch stopped) starts from the view as it is now.
  const startsAfresh = eventLog.size === 0 && eventLog.dropped === 0;
  return {
    ...state,
    stalledTurnId: null,
    view: merged.reduce(applyEvent, state.view),
    eventLog: appendEvents(eventLog, merged),
    eventLogBase: startsAfresh ? state.view : state.eventLogBase,
    pendingMessages: withoutEchoed(state.pendingMessages, echoed),
  };
}

/** Drops pending messages the server has shown as real ones; keeps the array when nothing matched. */
function withoutEchoed(pending: PendingMessage[], clientMessageIds: readonly string[]): PendingMessage[] {
  if (clientMessageIds.length === 0) return pending;
  const remaining = pending.filter((message) => !clientMessageIds.includes(message.clientMessageId));
  return remaining.length === pending.length ? pending : remaining;
}

/** The thread showing a saved view until the server confirms it; its log starts from that view. */
export function withCachedView(state: ThreadState, view: ThreadView): ThreadState {
  // A send restored after a reload may already be in the saved view (delivered, its acknowledgement lost).
  const echoed = view.messageIds.flatMap((id) => {
    const message = view.messages[id];
    return message?.role === 'user' && message.clientMessageId ? [message.clientMessageId] : [];
  });
  return { ...state, view, eventLog: clearEventLog(state.eventLog), eventLogBase: view, cached: true, pendingMessages: withoutEchoed(state.pendingMessages, echoed) };
}

/** Nothing has been received or restored for the thread yet. */
export function hasEmptyView(state: ThreadState | undefined): boolean {
  return !state || (state.view.messageIds.length === 0 && state.view.lastEventId === null);
}
