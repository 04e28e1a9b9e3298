import { copyConnectionsStats, emptyConnectionsStats } from './connections-stats.js';
import { createStateCell } from '../state-cell.js';
import type { Gateway, GatewayDeps } from './gateway.js';
import { createToolRegistry } from './tool-registry.js';
import type { EntityFilter, EntityRecord, GatewayState, PlatosConnections, ToolInvocation } from './types.js';

/** Everything the gateway needs from the client, except what the facade itself owns. */
export type GatewaySettings = Omit<GatewayDeps, 'tools' | 'stats' | 'state' | 'onEntity' | 'onInvocation'>;

/**
 * `client.connections`: holds the tool set, listeners and stats, and loads the gateway (its own chunk, with the
 * schema validator) and opens its socket on the first tool or entity listener.
 */
export function createConnections(settings: () => GatewaySettings) {
  const tools = createToolRegistry();
  const state = createStateCell<GatewayState>('idle');
  const entityListeners = new Set<{ listener: (entity: EntityRecord) => void; filter?: EntityFilter }>();
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
        onEntity(entity) {
          for (const { listener, filter } of [...entityListeners]) {
            if (filter?.entityType !== undefined && filter.entityType !== entity.entityType) continue;
            if (filter?.entityId !== undefined && filter.entityId !== entity.entityId) continue;
            listener(entity);
          }
        },
        onInvocation(invocation) {
          for (const listener of [...invocationListeners]) listener(invocation);
        },
      });
    });
    return loading;
  };

  const connections: PlatosConnections = {
    registerTool(tool) {
      const unregister = tools.register(tool as Parameters<typeof tools.register>[0]);
      void open();
      return unregister;
    },
    unregisterTool: tools.unregister,
    toolNames: tools.names,
    onEntity(listener, filter) {
      const entry = filter ? { listener, filter } : { listener };
      entityListeners.add(entry);
      void open();
      return () => void entityListeners.delete(entry);
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
    reconnect: () => gateway?.reconnect(),
    close() {
      closed = true;
      gateway?.close();
      if (state.get() === 'idle') state.set('closed');
    },
  };
}
