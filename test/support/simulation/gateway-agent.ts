import type { OpenInvocation } from '../../../src/protocol/index.js';
import type { GatewayAnswer } from './gateway-commands.js';
import type { InvokeFault } from './gateway-faults.js';
import type { Network } from './network.js';

/** An invocation as the server's agent side sees it: every answer that reached it, the first being the one that counts. */
export interface ServerInvocation {
  request: OpenInvocation;
  sessionId: string;
  answers: GatewayAnswer[];
  cancelled: boolean;
}

/**
 * The agent side of the gateway: the tool calls it makes of a session, kept by `sessionId` (so they outlive the
 * session's expiry), the answers that reach it, and its cancels.
 */
export function createGatewayAgent(deps: {
  network: Network;
  /** Sends `tool:invoke` to the session, through `fault` if any. */
  offer(sessionId: string, request: OpenInvocation, fault: 'duplicate' | 'swap' | null): void;
  /** Sends `tool:cancel` to the session. */
  cancel(sessionId: string, invocationId: string): void;
  applied(kind: string): void;
}) {
  const invocations = new Map<string, ServerInvocation>();
  let invocationCounter = 0;
  let pendingReinvokes = 0;

  const isOpen = (entry: ServerInvocation) => entry.answers.length === 0 && !entry.cancelled;

  return {
    invocations: invocations as ReadonlyMap<string, ServerInvocation>,
    /** The session's invocations still waiting for an answer, oldest first. */
    open: (sessionId: string) => [...invocations.values()].filter((entry) => entry.sessionId === sessionId && isOpen(entry)),

    /** Calls a browser-side tool of the session; returns the invocation id. */
    invoke(sessionId: string, name: string, args: unknown, fault: InvokeFault | null): string {
      invocationCounter += 1;
      const request: OpenInvocation = { invocationId: `inv-${invocationCounter}`, threadId: 'thread-sim', toolCallId: `call-${invocationCounter}`, name, args };
      const entry: ServerInvocation = { request, sessionId, answers: [], cancelled: false };
      invocations.set(request.invocationId, entry);
      deps.offer(sessionId, request, fault === 'reinvoke' ? null : fault);
      if (fault !== 'reinvoke') return request.invocationId;
      pendingReinvokes += 1;
      deps.network.later(`the server invokes ${request.invocationId} again`, () => {
        pendingReinvokes -= 1;
        if (!isOpen(entry)) return;
        deps.offer(sessionId, request, null);
        deps.applied('reinvoke');
      });
      return request.invocationId;
    },

    /** The turn was cancelled: the invocation is no longer open, and the session hears `tool:cancel`. */
    cancel(invocationId: string) {
      const entry = invocations.get(invocationId);
      if (!entry || !isOpen(entry)) return;
      entry.cancelled = true;
      deps.cancel(entry.sessionId, invocationId);
      deps.applied('cancel');
    },

    /** An answer from the session: the first counts, a repeat is kept for the audit; one nobody waits for is `not-found`. */
    answer(sessionId: string, invocationId: string, answer: GatewayAnswer): 'first' | 'repeat' | 'not-found' {
      const entry = invocations.get(invocationId);
      if (!entry || entry.sessionId !== sessionId || (entry.cancelled && entry.answers.length === 0)) return 'not-found';
      entry.answers.push(answer);
      return entry.answers.length === 1 ? 'first' : 'repeat';
    },

    /** No invocation is waiting to be sent again. */
    get idle() {
      return pendingReinvokes === 0;
    },
  };
}
