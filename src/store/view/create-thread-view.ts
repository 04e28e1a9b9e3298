import type { ThreadView } from '../types.js';

/** An empty view of a thread nothing is known about yet. */
export function createThreadView(threadId: string): ThreadView {
  return {
    threadId,
    lastEventId: null,
    messageIds: [],
    messages: {},
    toolCalls: {},
    artifacts: {},
    approvals: {},
    runs: {},
    steps: {},
    turns: {},
    activeTurnId: null,
  };
}
