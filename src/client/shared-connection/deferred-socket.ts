import type { ClientSocket } from '../client-options.js';

type Listener = (...args: unknown[]) => void;

/**
 * A socket to hand the connection manager at once while the real one (here the shared socket, loaded on first use)
 * is still on its way: listeners and the wish to be connected are kept and passed on when it arrives. Until then
 * it is simply not connected.
 */
export function createDeferredSocket<T extends ClientSocket>(arriving: Promise<T>): ClientSocket & { readonly target: T | null } {
  let target: T | null = null;
  let wanted = true;
  const listeners: [string, Listener][] = [];
  const anyListeners: Listener[] = [];
  arriving.then(
    (socket) => {
      for (const [event, listener] of listeners) socket.on(event, listener);
      for (const listener of anyListeners) socket.onAny(listener);
      if (!wanted) socket.disconnect();
      target = socket;
    },
    () => {},
  );
  const deferred = {
    get target() {
      return target;
    },
    get connected() {
      return target?.connected ?? false;
    },
    get active() {
      return target?.active ?? wanted;
    },
    get io() {
      return target?.io ?? {};
    },
    on(event: string, listener: Listener) {
      if (target) target.on(event, listener);
      else listeners.push([event, listener]);
      return deferred;
    },
    off(event: string, listener: Listener) {
      if (target) target.off(event, listener);
      else listeners.splice(listeners.findIndex((entry) => entry[0] === event && entry[1] === listener) >>> 0, 1);
      return deferred;
    },
    onAny(listener: Listener) {
      if (target) target.onAny(listener);
      else anyListeners.push(listener);
      return deferred;
    },
    offAny(listener: Listener) {
      if (target) target.offAny(listener);
      else anyListeners.splice(anyListeners.indexOf(listener) >>> 0, 1);
      return deferred;
    },
    timeout(timeoutMs: number) {
      return target
        ? target.timeout(timeoutMs)
        : { emitWithAck: () => Promise.reject(new Error('disconnected')), emit: () => deferred };
    },
    emit(...args: unknown[]) {
      (target as { emit(...args: unknown[]): unknown } | null)?.emit(...args);
      return deferred;
    },
    connect() {
      wanted = true;
      target?.connect();
      return deferred;
    },
    disconnect() {
      wanted = false;
      target?.disconnect();
      return deferred;
    },
  };
  return deferred as unknown as ClientSocket & { readonly target: T | null };
}
