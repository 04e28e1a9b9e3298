import type { ClientTool } from './types.js';

const toolName = /^[A-Za-z0-9_-]{1,64}$/;

export type ToolRegistry = ReturnType<typeof createToolRegistry>;

/** The tools this client offers, and a revision that goes up by one with every change of the set. */
export function createToolRegistry() {
  /** One record per `register` call, so an unregister function can tell its own registration from a later one of the same tool. */
  const registrations = new Map<string, { tool: ClientTool<unknown, unknown> }>();
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
      const { name } = tool;
      const registration = { tool };
      registrations.set(name, registration);
      changed();
      return () => {
        if (registrations.get(name) !== registration) return;
        registrations.delete(name);
        changed();
      };
    },
    unregister(name: string) {
      if (registrations.delete(name)) changed();
    },
    get: (name: string) => registrations.get(name)?.tool,
    names: () => [...registrations.keys()],
    revision: () => revision,
    /** Makes the next revision higher than `seen` (one the server holds), which sends the set again. */
    advancePast(seen: number) {
      if (seen < revision) return;
      revision = seen;
      changed();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
