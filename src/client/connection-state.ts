import type { ClientSocket } from './client-options';
import type { ConnectionState } from './types';

export interface ConnectionStateHooks {
  /** Whether a rejected handshake may be retried with a fresh token. */
  canRetryUnauthorized(): boolean;
  onConnect(): void;
  onDisconnect(): void;
}

/** Follows the socket's lifecycle as one enumerated state. */
export function createConnectionState(socket: ClientSocket, hooks: ConnectionStateHooks) {
  const listeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let unauthorizedRetries = 0;

  const set = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of [...listeners]) listener(next);
  };

  socket.on('connect', () => {
    unauthorizedRetries = 0;
    set('open');
    hooks.onConnect();
  });
  socket.on('disconnect', (reason) => {
    hooks.onDisconnect();
    if (reason === 'io client disconnect') return set('closed');
    set('reconnecting');
    // The server closed the session on purpose; socket.io does not retry that by itself.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (error) => {
    if (error.message === 'unauthorized') {
      if (hooks.canRetryUnauthorized() && unauthorizedRetries < 1) {
        unauthorizedRetries += 1;
        socket.connect();
        return;
      }
      return set('unauthorized');
    }
    set(socket.active ? 'reconnecting' : 'offline');
  });
  socket.io.on('reconnect_failed', () => set('offline'));

  return {
    getState: () => state,
    subscribe(listener: (state: ConnectionState) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    markClosed: () => set('closed'),
  };
}
