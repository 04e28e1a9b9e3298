import type { ThreadState } from './types.js';

export interface StallWatchOptions {
  timeoutMs: number;
  onStall(threadId: string, turnId: string): void;
}

/** The running turn that owes the user something: not paused on one of their approvals, and synced. */
function turnAwaitingServer(thread: ThreadState): string | null {
  const turnId = thread.view.activeTurnId;
  if (turnId === null || thread.sync !== 'live') return null;
  const waitsForUser = Object.values(thread.view.approvals).some((approval) => approval.turnId === turnId && approval.state === 'pending');
  return waitsForUser ? null : turnId;
}

/**
 * A running turn must hear from the server within `timeoutMs`; otherwise it is reported as stalled, so a turn
 * the server abandoned (a crash, a lost worker) ends in a visible state instead of a spinner forever.
 */
export function createStallWatch(options: StallWatchOptions) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const forget = (threadId: string) => {
    clearTimeout(timers.get(threadId));
    timers.delete(threadId);
  };

  return {
    /** Called after a thread changed: restarts its clock, or stops it when nothing is owed. */
    observe(threadId: string, thread: ThreadState) {
      forget(threadId);
      const turnId = turnAwaitingServer(thread);
      if (turnId === null || thread.stalledTurnId === turnId) return;
      timers.set(
        threadId,
        setTimeout(() => {
          timers.delete(threadId);
          options.onStall(threadId, turnId);
        }, options.timeoutMs),
      );
    },
    forget,
    dispose() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
