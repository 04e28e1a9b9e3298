import type { ServerEvent } from '../../../src/protocol/index.js';
import type { ThreadView } from '../../../src/store/types.js';
import { applyEvent } from '../../../src/store/view/apply-event.js';
import { createThreadView } from '../../../src/store/view/create-thread-view.js';

/** The view of a fault-free run: the server's final log folded with the store's own `applyEvent`. */
export function goldenView(threadId: string, finalLog: readonly ServerEvent[]): ThreadView {
  return finalLog.reduce(applyEvent, createThreadView(threadId));
}
