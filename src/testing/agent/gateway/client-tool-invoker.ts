import type { OpenInvocation } from '../../../protocol/index.js';
import { toolUnavailable } from '../client-tools.js';
import type { ClientToolOutcome } from '../../scenarios/scenario-types.js';
import type { GatewayStatsCounter } from './gateway-stats.js';
import type { ConnectionEventBody, GatewaySession, GatewaySessionStore } from './gateway-session-store.js';

/** One browser-side tool call for the sessions of `token`. */
export interface InvocationRequest {
  token: string;
  name: string;
  args: unknown;
  /** @default 'no-thread' */
  threadId?: string;
  /** @default `${invocationId}.call` */
  toolCallId?: string;
  /** @default the server's `clientToolTimeoutMs` */
  timeoutMs?: number;
}

export type AnswerResult = 'accepted' | 'duplicate' | 'not-found';

export interface ClientToolInvokerDeps {
  sessions: GatewaySessionStore;
  publish(session: GatewaySession, body: ConnectionEventBody): void;
  stats: GatewayStatsCounter;
  defaultTimeoutMs: number;
}

const cancelled: ClientToolOutcome = { error: { code: 'cancelled', message: 'The turn was cancelled.' } };

/** Sessions that offer the tool, connected ones first, then the most recently synced. */
function preferredSession(candidates: GatewaySession[], name: string): GatewaySession | undefined {
  const offering = candidates.filter((session) => session.tools?.descriptors.some((tool) => tool.name === name));
  const rank = (session: GatewaySession) => [session.connection ? 1 : 0, session.tools?.syncOrder ?? 0] as const;
  return offering.sort((left, right) => {
    const [leftConnected, leftSync] = rank(left);
    const [rightConnected, rightSync] = rank(right);
    return rightConnected - leftConnected || rightSync - leftSync;
  })[0];
}

export type ClientToolInvoker = ReturnType<typeof createClientToolInvoker>;

/** Sends `tool:invoke` to a session of the token and settles with its answer, a timeout, a cancel or its end. */
export function createClientToolInvoker(deps: ClientToolInvokerDeps) {
  /** How to settle each open invocation, by invocationId. */
  const settlers = new Map<string, { session: GatewaySession; settle(outcome: ClientToolOutcome): void }>();
  let invocationCount = 0;

  const nextInvocationId = () => {
    invocationCount += 1;
    return `inv-${invocationCount.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  };

  return {
    /** Settles with the browser's answer, or `tool_unavailable`, `timeout`, `client_gone` or (when `signal` aborts) `cancelled`. */
    invoke(request: InvocationRequest, signal?: AbortSignal): Promise<ClientToolOutcome> {
      if (signal?.aborted) return Promise.resolve(cancelled);
      const session = preferredSession(deps.sessions.sessionsOf(request.token), request.name);
      if (!session) {
        deps.stats.count('unavailable');
        return Promise.resolve(toolUnavailable(request.name));
      }
      const invocationId = nextInvocationId();
      const invocation: OpenInvocation = {
        invocationId,
        threadId: request.threadId ?? 'no-thread',
        toolCallId: request.toolCallId ?? `${invocationId}.call`,
        name: request.name,
        args: request.args,
      };
      const timeoutMs = request.timeoutMs ?? deps.defaultTimeoutMs;
      return new Promise((resolve) => {
        const settle = (outcome: ClientToolOutcome) => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          settlers.delete(invocationId);
          session.openInvocations.delete(invocationId);
          resolve(outcome);
        };
        const cancel = (reason: 'timeout' | 'turn-cancelled', outcome: ClientToolOutcome) => {
          deps.stats.count(reason === 'timeout' ? 'timeouts' : 'turnCancels');
          settle(outcome);
          deps.publish(session, { type: 'tool:cancel', invocationId, reason });
        };
        const onAbort = () => cancel('turn-cancelled', cancelled);
        const timer = setTimeout(
          () => cancel('timeout', { error: { code: 'timeout', message: `The browser did not answer ${request.name} within ${timeoutMs} ms.` } }),
          timeoutMs,
        );
        signal?.addEventListener('abort', onAbort, { once: true });
        settlers.set(invocationId, { session, settle });
        session.openInvocations.set(invocationId, invocation);
        deps.stats.count('invocations');
        deps.publish(session, { type: 'tool:invoke', ...invocation });
      });
    },

    /** The first answer of the session that holds the invocation settles it; a repeat is a duplicate. */
    answer(session: GatewaySession, invocationId: string, outcome: ClientToolOutcome): AnswerResult {
      if (session.answeredInvocationIds.has(invocationId)) {
        deps.stats.count('duplicateAnswers');
        return 'duplicate';
      }
      const settler = settlers.get(invocationId);
      if (!settler || settler.session !== session) {
        deps.stats.count('unknownAnswers');
        return 'not-found';
      }
      session.answeredInvocationIds.add(invocationId);
      deps.stats.count('result' in outcome ? 'results' : 'errors');
      settler.settle(outcome);
      return 'accepted';
    },

    /** The session is gone for good: its open invocations fail with `client_gone`. */
    failSession(session: GatewaySession) {
      for (const settler of [...settlers.values()]) {
        if (settler.session !== session) continue;
        deps.stats.count('clientGone');
        settler.settle({ error: { code: 'client_gone', message: 'The browser that was running the tool went away.' } });
      }
    },

    /** The server closes: every open invocation settles as cancelled, and no timer is left behind. */
    dispose() {
      for (const settler of [...settlers.values()]) settler.settle({ error: { code: 'cancelled', message: 'The server closed.' } });
    },
  };
}
