export type Handler = (...args: any[]) => void;

/** Named event handlers of a test socket or manager: add, remove (one, or all of a name), fire in order. */
export function createHandlerRegistry() {
  const byName = new Map<string, Set<Handler>>();
  return {
    add(name: string, handler: Handler) {
      byName.set(name, (byName.get(name) ?? new Set()).add(handler));
    },
    remove(name: string, handler?: Handler) {
      if (handler) byName.get(name)?.delete(handler);
      else byName.delete(name);
    },
    fire(name: string, ...args: unknown[]) {
      for (const handler of [...(byName.get(name) ?? [])]) handler(...args);
    },
  };
}
