import { createStateCell } from '../client/state-cell.js';
import { createEntityCache } from '../client/connections/entity-cache.js';
import { createEntityListeners } from '../client/connections/entity-listeners.js';
import { createInvocationRunner, type ToolAnswer } from '../client/connections/invocation-runner.js';
import { createPreparedTools } from '../client/connections/prepared-tools.js';
import { createToolRegistry } from '../client/connections/tool-registry.js';
import type { ConnectionsCounter, GatewayState, PlatosConnections, ToolInvocation } from '../client/connections/types.js';
import type { ConnectionEventOf } from '../protocol/index.js';
import { copyConnectionsStats, emptyConnectionsStats } from '../client/connections/connections-stats.js';

export type { ToolAnswer } from '../client/connections/invocation-runner.js';

/** A `tool:invoke` as a test writes it; ids are made up when left out. */
export interface FakeInvocation {
  name: string;
  args: unknown;
  threadId?: string;
  toolCallId?: string;
  invocationId?: string;
}

/** An entity update as a test writes it: a whole `snapshot`, or a JSON `patch` of the version before. */
export type FakeEntityUpdate = Omit<ConnectionEventOf<'entity:updated'>, 'id' | 'seq' | 'ts' | 'type'>;

/** `client.connections` with no gateway behind it: the test plays the agent that calls the tools. */
export interface FakeConnections extends PlatosConnections {
  /** Calls a registered tool as an agent would (arguments checked, exactly once per `invocationId`); resolves with its answer, or `cancelled`. */
  invoke(invocation: FakeInvocation): Promise<ToolAnswer | { cancelled: true }>;
  /** Cancels a running invocation as the server's `tool:cancel` would. */
  cancel(invocationId: string, reason?: string): void;
  /** Applies an entity update as if it came over the gateway. */
  updateEntity(update: FakeEntityUpdate): void;
  setState(state: GatewayState): void;
}

/**
 * An in-memory gateway for tests of code that registers browser-side tools or reads entities: the real argument
 * checks, timeouts and entity rules, no socket.
 * @example
 * const client = createFakeClient();
 * render(<App client={client} />);
 * expect(await client.connections.invoke({ name: 'read_filters', args: {} })).toEqual({ result: { region: 'Europe' } });
 */
export function createFakeConnections(options: { toolTimeoutMs?: number } = {}): FakeConnections {
  const tools = createToolRegistry();
  const state = createStateCell<GatewayState>('open');
  const entityListeners = createEntityListeners();
  const invocationListeners = new Set<(invocation: ToolInvocation) => void>();
  /** Callers of `invoke` still waiting, per invocation: a repeat made while the tool runs waits with the first. */
  const waiting = new Map<string, ((answer: ToolAnswer | { cancelled: true }) => void)[]>();
  const stats = emptyConnectionsStats();
  const count = (stat: ConnectionsCounter) => (stats[stat] += 1);
  let nextId = 0;

  const runner = createInvocationRunner({
    tool: createPreparedTools(tools).prepared,
    // Every answer is acknowledged at once; callers hear it from the invocation's state.
    sendAnswer: async () => {},
    count,
    onChange(invocation) {
      for (const listener of [...invocationListeners]) listener(invocation);
      answerWaiting(invocation);
    },
    defaultTimeoutMs: options.toolTimeoutMs ?? 60_000,
  });
  const answerWaiting = (invocation: ToolInvocation) => {
    if (invocation.state === 'running') return;
    const answer: ToolAnswer | { cancelled: true } =
      invocation.state === 'cancelled' ? { cancelled: true } : invocation.state === 'succeeded' ? { result: invocation.result } : { error: invocation.error! };
    const callers = waiting.get(invocation.invocationId) ?? [];
    waiting.delete(invocation.invocationId);
    for (const resolve of callers) resolve(answer);
  };
  const entities = createEntityCache({
    count,
    onChange: entityListeners.emit,
  });

  return {
    registerTool: (tool) => tools.register(tool as Parameters<typeof tools.register>[0]),
    unregisterTool: tools.unregister,
    toolNames: tools.names,
    onEntity: entityListeners.add,
    getEntity: entities.get,
    onInvocation(listener) {
      invocationListeners.add(listener);
      return () => void invocationListeners.delete(listener);
    },
    getInvocation: runner.get,
    getState: state.get,
    subscribe: state.subscribe,
    getStats: () => copyConnectionsStats(stats),
    ready: () => Promise.resolve(),
    invoke(invocation) {
      nextId += 1;
      const request = {
        invocationId: invocation.invocationId ?? `invocation-${nextId}`,
        threadId: invocation.threadId ?? 'thread-1',
        toolCallId: invocation.toolCallId ?? `call-${nextId}`,
        name: invocation.name,
        args: invocation.args,
      };
      const answer = new Promise<ToolAnswer | { cancelled: true }>((resolve) =>
        waiting.set(request.invocationId, [...(waiting.get(request.invocationId) ?? []), resolve]),
      );
      runner.invoke(request);
      // A repeat of an invocation that already has its answer gets the kept one, as the gateway re-sends it.
      const known = runner.get(request.invocationId);
      if (known) answerWaiting(known);
      return answer;
    },
    cancel: (invocationId, reason = 'turn-cancelled') => runner.cancel(invocationId, reason),
    updateEntity(update) {
      entities.apply({ ...update, type: 'entity:updated', id: `fake-${++nextId}`, seq: nextId, ts: Date.now() } as ConnectionEventOf<'entity:updated'>);
    },
    setState: state.set,
  };
}
