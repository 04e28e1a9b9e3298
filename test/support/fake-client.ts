import type { ServerEvent } from '../../src/protocol/index.js';
import type { ConnectionState, PlatosClient, ThreadListener, ThreadUpdate, TurnStream } from '../../src/client/types.js';
import { emptyClientStats } from '../../src/client/client-stats.js';

type Call =
  | { command: 'send'; threadId: string; text: string; clientMessageId: string }
  | { command: 'cancel'; threadId: string; turnId: string }
  | { command: 'approval'; approvalId: string; decision: 'approved' | 'denied'; note?: string }
  | { command: 'reconnect' }
  | { command: 'resync'; threadId: string };

/** An in-memory PlatosClient for tests: push updates with `emit`, script replies with `reply`. */
export interface FakeClient extends PlatosClient {
  calls: Call[];
  emit(threadId: string, update: ThreadUpdate): void;
  emitEvent(event: ServerEvent): void;
  setConnection(state: ConnectionState): void;
  watcherCount(threadId: string): number;
  /** Replaces how commands answer; the default accepts everything. */
  reply: (call: Call) => Promise<{ turnId?: string }>;
}

export function createFakeClient(agentId = 'default'): FakeClient {
  const watchers = new Map<string, Set<ThreadListener>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let connection: ConnectionState = 'open';
  let nextId = 0;

  const client: FakeClient = {
    agentId,
    calls: [],
    reply: async () => ({ turnId: `turn-${++nextId}` }),
    emit(threadId, update) {
      for (const listener of [...(watchers.get(threadId) ?? [])]) listener(update);
    },
    emitEvent(event) {
      client.emit(event.threadId, { kind: 'event', event });
    },
    setConnection(state) {
      connection = state;
      for (const listener of [...connectionListeners]) listener(state);
    },
    watcherCount: (threadId) => watchers.get(threadId)?.size ?? 0,
    threads: {
      stream(): TurnStream {
        throw new Error('FakeClient.threads.stream is not implemented');
      },
      watch(threadId, listener) {
        const set = watchers.get(threadId) ?? new Set();
        set.add(listener);
        watchers.set(threadId, set);
        return () => {
          set.delete(listener);
        };
      },
      async send(threadId, text, options) {
        const call: Call = { command: 'send', threadId, text, clientMessageId: options?.clientMessageId ?? `cm-${++nextId}` };
        client.calls.push(call);
        const { turnId = `turn-${++nextId}` } = await client.reply(call);
        return { turnId, clientMessageId: call.clientMessageId };
      },
      async cancel(threadId, turnId) {
        const call: Call = { command: 'cancel', threadId, turnId };
        client.calls.push(call);
        await client.reply(call);
      },
      resync: (threadId) => void client.calls.push({ command: 'resync', threadId }),
      lastEventId: () => null,
    },
    async respondToApproval(approvalId, decision, note) {
      const call: Call = { command: 'approval', approvalId, decision, ...(note === undefined ? {} : { note }) };
      client.calls.push(call);
      await client.reply(call);
    },
    connection: {
      getState: () => connection,
      subscribe(listener) {
        connectionListeners.add(listener);
        return () => connectionListeners.delete(listener);
      },
    },
    getStats: emptyClientStats,
    reconnect: () => void client.calls.push({ command: 'reconnect' }),
    close() {
      client.setConnection('closed');
    },
  };
  return client;
}
