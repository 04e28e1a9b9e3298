import type { ClientTool, PlatosConnections } from '../../../src/client/connections/types.js';
import type { ToolChange } from './gateway-plan.js';
import { createSimTool, type ToolLedger } from './gateway-tools.js';

export interface NamedTool {
  name: string;
  description: string;
}

export const byName = (tools: readonly NamedTool[]): NamedTool[] =>
  tools.map(({ name, description }) => ({ name, description })).sort((a, b) => a.name.localeCompare(b.name));

/**
 * Makes the plan's tool changes through `client.connections` and keeps what the client must then offer: the set
 * (each registration has its own description, so a replaced tool shows) and the revision, one up per change.
 */
export function createClientTools(connections: PlatosConnections, ledger: ToolLedger, isConnected: () => boolean) {
  const registered = new Map<string, ClientTool>();
  const handles = new Map<string, { tool: ClientTool; unregister(): void }[]>();
  let revision = 0;
  let registrations = 0;
  let changesWhileOffline = 0;

  const changed = () => {
    revision += 1;
    if (!isConnected()) changesWhileOffline += 1;
  };

  return {
    change(change: ToolChange) {
      const { name } = change;
      if (change.op === 'register') {
        const tool = createSimTool(name, `${name} #${++registrations}`, ledger) as ClientTool;
        handles.set(name, [...(handles.get(name) ?? []), { tool, unregister: connections.registerTool(tool) }]);
        registered.set(name, tool);
        return changed();
      }
      if (change.op === 'unregister') {
        if (registered.delete(name)) changed();
        return connections.unregisterTool(name);
      }
      const kept = handles.get(name) ?? [];
      const handle = kept[change.handle % Math.max(1, kept.length)];
      if (!handle) return;
      // A kept unregister function removes its own registration only, not a later one of the same name.
      if (registered.get(name) === handle.tool) {
        registered.delete(name);
        changed();
      }
      handle.unregister();
    },
    expected: () => ({ revision, tools: byName([...registered.values()]) }),
    get changesWhileOffline() {
      return changesWhileOffline;
    },
  };
}
