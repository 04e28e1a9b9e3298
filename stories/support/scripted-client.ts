import type { ConnectionState, PlatosClient, ThreadListener, TurnStream } from '@platosdev/client';
import { emptyClientStats } from '@platosdev/client';
import { createFakeConnections, createFakeStorage, type FakeConnections } from '@platosdev/client/testing';
import type { ServerEvent } from '../../src/protocol/index.js';
import { nextEvent } from './thread-script.js';

/** What the scripted client was asked to do, for a story's play function to check. */
export interface ScriptedCall {
  command: 'send' | 'cancel' | 'approval' | 'resync';
  detail: Record<string, string>;
}

export interface ScriptedClient extends PlatosClient {
  readonly calls: readonly ScriptedCall[];
  /** Browser-side tools run here when a story invokes them. */
  readonly connections: FakeConnections;
}

/**
 * An in-memory PlatosClient whose threads already saw `events`: a watcher gets them at once. An
 * approval decision is answered with the matching `approval-resolved` event, as a server would.
 */
export function createScriptedClient(events: readonly ServerEvent[]): ScriptedClient {
  const log = [...events];
  const watchers = new Set<{ threadId: string; listener: ThreadListener }>();
  const calls: ScriptedCall[] = [];
  let connection: ConnectionState = 'open';
  const connectionListeners = new Set<(state: ConnectionState) => void>();

  const publish = (event: ServerEvent) => {
    log.push(event);
    for (const watcher of watchers) if (watcher.threadId === event.threadId) watcher.listener({ kind: 'event', event });
  };

  // As the agent would: a browser-side tool's answer comes back into the thread as the tool call's result or error.
  const connections = createFakeConnections();
  connections.onInvocation((invocation) => {
    const last = log.findLast((event) => event.threadId === invocation.threadId);
    if (!last || (invocation.state !== 'succeeded' && invocation.state !== 'failed')) return;
    const { toolCallId } = invocation;
    publish(
      nextEvent(
        last,
        invocation.state === 'succeeded'
          ? { type: 'tool-call-result', toolCallId, result: invocation.result }
          : { type: 'tool-call-error', toolCallId, error: invocation.error ?? { code: 'tool_failed', message: 'The tool failed' } },
      ),
    );
  });

  return {
    agentId: 'default',
    calls,
    threads: {
      stream(): TurnStream {
        throw new Error('The scripted client streams no turns; render the stored thread instead.');
      },
      watch(threadId, listener) {
        const watcher = { threadId, listener };
        watchers.add(watcher);
        queueMicrotask(() => {
          if (!watchers.has(watcher)) return;
          listener({ kind: 'sync', state: 'live' });
          for (const event of log) if (event.threadId === threadId) listener({ kind: 'event', event });
        });
        return () => void watchers.delete(watcher);
      },
      async send(threadId, text, options) {
        const clientMessageId = options?.clientMessageId ?? `scripted-${calls.length + 1}`;
        calls.push({ command: 'send', detail: { threadId, text, clientMessageId } });
        return { turnId: `scripted-turn-${calls.length}`, clientMessageId };
      },
      async cancel(threadId, turnId) {
        calls.push({ command: 'cancel', detail: { threadId, turnId } });
      },
      resync: (threadId) => void calls.push({ command: 'resync', detail: { threadId } }),
      lastEventId: (threadId) => log.findLast((event) => event.threadId === threadId)?.id ?? null,
    },
    async respondToApproval(approvalId, decision) {
      calls.push({ command: 'approval', detail: { approvalId, decision } });
      const pending = log.find((event) => event.type === 'approval-pending' && event.approvalId === approvalId);
      const last = pending && log.findLast((event) => event.threadId === pending.threadId);
      if (last) publish(nextEvent(last, { type: 'approval-resolved', approvalId, decision, resolvedBy: 'user' }));
    },
    connection: {
      getState: () => connection,
      subscribe(listener) {
        connectionListeners.add(listener);
        return () => void connectionListeners.delete(listener);
      },
      history: () => [{ state: connection, at: 0 }],
    },
    getOutbox: () => [],
    // Every command is answered at once, so nothing ever waits in the outbox, and a story keeps nothing across reloads.
    outbox: { list: () => [], subscribe: () => () => {}, discard: () => {} },
    storage: createFakeStorage({ enabled: false }),
    clearStorage: async () => {},
    observe: () => () => {},
    connections,
    getStats: emptyClientStats,
    reconnect: () => {},
    close() {
      connection = 'closed';
      for (const listener of connectionListeners) listener(connection);
    },
  };
}
