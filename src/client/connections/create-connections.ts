import { copyConnectionsStats, emptyConnectionsStats } from './connections-stats.js';
import { createStateCell } from '../state-cell.js';
import type { Gateway, GatewayDeps } from './gateway.js';
import { createEntityListeners } from './entity-listeners.js';
import { createToolRegistry } from './tool-registry.js';
import type { GatewayState, PlatosConnections, ToolInvocation } from './types.js';

/** Everything the gateway needs from the client, except what the facade itself owns. */
export type GatewaySettings = Omit<GatewayDeps, 'tools' | 'stats' | 'state' | 'onEntity' | 'onInvocation'>;

/**
 * `client.connections`: holds the tool set, listeners and stats, and loads the gateway (its own chunk, with the
 * schema validator) and opens its socket on the first tool or entity listener.
 */
export function createConnections(settings: () => GatewaySettings) {
  const tools = createToolRegistry();
  const state = createStateCell<GatewayState>('idle');
  const entityListeners = createEntityListeners();
  const invocationListeners = new Set<(invocation: ToolInvocation) => void>();
  const stats = emptyConnectionsStats();
  let gateway: Gateway | null = null;
  let loading: Promise<void> | null = null;
  let closed = false;

  const open = (): Promise<void> => {
    loading ??= import('./gateway.js').then(({ createGateway }) => {
      if (closed) return;
      gateway = createGateway({
        ...settings(),
        tools,
        stats,
        state,
        onEntity: entityListeners.emit,
        onInvocation(invocation) {
          for (const listener of [...invocationListeners]) listener(invocation);
        },
      });
    }, (error: unknown) => {
      // The chunk did not load (a deploy replaced it, the network failed): say so, and let the next use try again.
      loading = null;
      if (!closed) state.set('offline');
      throw error;
    });
    return loading;
  };
  const openInBackground = () => void open().catch(() => {});

  const connections: PlatosConnections = {
    registerTool(tool) {
      const unregister = tools.register(tool as Parameters<typeof tools.register>[0]);
      openInBackground();
      return unregister;
    },
    unregisterTool: tools.unregister,
    toolNames: tools.names,
    onEntity(listener, filter) {
      const stop = entityListeners.add(listener, filter);
      openInBackground();
      return stop;
    },
    getEntity: (entityType, entityId) => gateway?.getEntity(entityType, entityId),
    onInvocation(listener) {
      invocationListeners.add(listener);
      return () => void invocationListeners.delete(listener);
    },
    getInvocation: (invocationId) => gateway?.getInvocation(invocationId),
    getState: state.get,
    subscribe: state.subscribe,
    getStats: () => copyConnectionsStats(stats),
    ready: () => loading ?? Promise.resolve(),
  };

  return {
    connections,
    reconnect() {
      if (gateway) gateway.reconnect();
      else if (!closed && state.get() === 'offline') openInBackground();
    },
    close() {
      closed = true;
      gateway?.close();
      if (state.get() === 'idle') state.set('closed');
    },
  };
}
