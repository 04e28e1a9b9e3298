import { prepareTool, type PreparedTool } from './prepare-tool.js';
import type { ToolRegistry } from './tool-registry.js';

/**
 * The registered tools, each prepared once per registered object: `prepared(name)` waits for it, `ready(name)` says
 * whether it already is (so a sync of tools prepared before can go out at once).
 */
export function createPreparedTools(tools: Pick<ToolRegistry, 'get'>) {
  const preparing = new WeakMap<object, Promise<PreparedTool>>();
  const done = new WeakMap<object, PreparedTool>();
  return {
    async prepared(name: string): Promise<PreparedTool | undefined> {
      const tool = tools.get(name);
      if (!tool) return undefined;
      let entry = preparing.get(tool);
      if (!entry) {
        preparing.set(tool, (entry = prepareTool(tool)));
        entry.then((ready) => done.set(tool, ready), () => {});
      }
      return entry;
    },
    ready(name: string): PreparedTool | undefined {
      const tool = tools.get(name);
      return tool && done.get(tool);
    },
  };
}
