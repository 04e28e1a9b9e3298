import type { ClientTool } from './types.js';

const toolName = /^[A-Za-z0-9_-]{1,64}$/;

export type ToolRegistry = ReturnType<typeof createToolRegistry>;

/** The tools this client offers, and a revision that goes up by one with every change of the set. */
export function createToolRegistry() {
  const tools = new Map<string, ClientTool<unknown, unknown>>();
  const listeners = new Set<() => void>();
  let revision = 0;

  const changed = () => {
    revision += 1;
    for (const listener of [...listeners]) listener();
  };

  return {
    register(tool: ClientTool<unknown, unknown>): () => void {
      if (!toolName.test(tool.name)) throw new TypeError(`A tool name is 1 to 64 letters, digits, "_" or "-"; got ${JSON.stringify(tool.name)}`);
      if (typeof tool.execute !== 'function') throw new TypeError(`Tool ${tool.name} needs an execute function`);
      if (typeof tool.parameters !== 'object' || tool.parameters === null) throw new TypeError(`Tool ${tool.name} needs parameters: a JSON Schema or a valibot schema`);
      tools.set(tool.name, tool);
      changed();
      return () => {
        if (tools.get(tool.name) !== tool) return;
        tools.delete(tool.name);
        changed();
      };
    },
    unregister(name: string) {
      if (tools.delete(name)) changed();
    },
    get: (name: string) => tools.get(name),
    names: () => [...tools.keys()],
    revision: () => revision,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
