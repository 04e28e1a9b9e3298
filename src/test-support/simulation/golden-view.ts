import type { ServerEvent } from '../../protocol';
import type { ThreadView } from '../../store/types';
import { applyEvent } from '../../store/view/apply-event';
import { createThreadView } from '../../store/view/create-thread-view';

/** The view of a fault-free run: the server's final log folded with the store's own `applyEvent`. */
export function goldenView(threadId: string, finalLog: readonly ServerEvent[]): ThreadView {
  return finalLog.reduce(applyEvent, createThreadView(threadId));
}
