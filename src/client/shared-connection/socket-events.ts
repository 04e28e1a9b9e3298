export type SocketListener = (...args: unknown[]) => void;

/** The listeners of a socket-like object: by event name, and those of every frame (`onAny`). */
export function createSocketEvents() {
  const listeners = new Map<string, Set<SocketListener>>();
  const anyListeners = new Set<SocketListener>();
  return {
    on(event: string, listener: SocketListener) {
      const set = listeners.get(event) ?? new Set<SocketListener>();
      set.add(listener);
      listeners.set(event, set);
    },
    off: (event: string, listener: SocketListener) => void listeners.get(event)?.delete(listener),
    onAny: (listener: SocketListener) => void anyListeners.add(listener),
    offAny: (listener: SocketListener) => void anyListeners.delete(listener),
    /** A lifecycle event (`connect`, `disconnect`, `connect_error`). */
    fire(event: string, ...args: unknown[]) {
      for (const listener of [...(listeners.get(event) ?? [])]) listener(...args);
    },
    /** A frame, for the `onAny` listeners. */
    frame(name: string, args: readonly unknown[]) {
      for (const listener of [...anyListeners]) listener(name, ...args);
    },
  };
}
