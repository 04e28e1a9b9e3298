import type { HistoryResponse } from '../../protocol/index.js';
import { applyEvent } from '../../store/view/apply-event.js';
import { createThreadView } from '../../store/view/create-thread-view.js';
import { viewToHistory } from '../../store/view/history.js';
import type { ThreadRecord } from './thread-store.js';

/** What the history endpoint answers for a thread: the fold of its whole event log. */
export function threadHistory(thread: ThreadRecord): HistoryResponse {
  const view = thread.log.reduce((current, stored) => applyEvent(current, stored.event), createThreadView(thread.threadId));
  return viewToHistory(view);
}
