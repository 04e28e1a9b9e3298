import type { ClientSocket, PlatosClientOptions } from '../client-options.js';
import { browserBroadcastChannel, browserLocks } from './browser-capabilities.js';
import { createDeferredSocket } from './deferred-socket.js';
import type { PeerChannel } from './peer-channel.js';
import type { SharedSocket } from './shared-socket.js';

export interface TabSharing {
  /** The client's socket: the shared one once it is loaded and this tab has found its leader. */
  socket: ClientSocket;
  /** The other tabs of this scope, for the outbox. Messages posted before the channel opens are dropped. */
  peers: PeerChannel;
  /** Asks the leader tab to try connecting again now. */
  requestRetry(): void;
  dispose(): void;
}

/**
 * The shared socket of a client whose tabs share one connection, or null for a socket of its own: with
 * `sharedConnection: false`, without BroadcastChannel, or (unless asked for with `true`) without Web Locks.
 * The sharing code loads on first use, while the scope (the user) is looked up.
 */
export function createTabSharing(
  options: PlatosClientOptions,
  createSocket: () => ClientSocket,
  /** Names the tabs that may share: one origin, agent and user. */
  scope: () => Promise<string>,
  hooks: {
    /** The tab joined the others: peers hear it from now on. */
    onJoin(): void;
    onLead(): void;
    onTabLeft(): void;
    onRetryRequested(): void;
  },
): TabSharing | null {
  const setting = options.sharedConnection;
  if (setting === false) return null;
  const custom = typeof setting === 'object' ? setting : {};
  const broadcastChannel = custom.broadcastChannel ?? browserBroadcastChannel();
  const locks = custom.locks === undefined ? browserLocks() : custom.locks;
  if (!broadcastChannel || (setting === undefined && !locks)) return null;
  let disposed = false;
  const peerListeners = new Set<(message: unknown) => void>();
  const sharedSocket = import('./shared-socket.js').then(async ({ createSharedSocket }): Promise<SharedSocket> => {
    // Without a scope (no token) there is no telling whose tabs these are: this tab keeps a socket of its own.
    const name = await scope();
    const socket = createSharedSocket({
      createSocket,
      broadcastChannel,
      locks,
      onLead: hooks.onLead,
      onTabLeft: hooks.onTabLeft,
      onRetryRequested: hooks.onRetryRequested,
      ...(custom.timing ? { timing: custom.timing } : {}),
    });
    socket.peers.subscribe((message) => peerListeners.forEach((listener) => listener(message)));
    if (disposed) socket.dispose();
    else {
      socket.start(`platos-connection|${name}`);
      hooks.onJoin();
    }
    return socket;
  });
  // The sharing code may fail to load (offline, with the app's chunks not cached), or the scope to resolve: then this
  // tab has a socket of its own.
  const arriving: Promise<ClientSocket & Partial<SharedSocket>> = sharedSocket.catch(() => {
    hooks.onJoin();
    return createSocket();
  });
  const deferred = createDeferredSocket(arriving);
  return {
    socket: deferred,
    peers: {
      post: (message) => deferred.target?.peers?.post(message),
      subscribe(listener) {
        peerListeners.add(listener);
        return () => void peerListeners.delete(listener);
      },
    },
    requestRetry: () => deferred.target?.requestRetry?.(),
    dispose() {
      disposed = true;
      // Also when it is still on its way: a shared socket left running would win the lock and serve no one.
      void sharedSocket.then((socket) => socket.dispose(), () => {});
    },
  };
}
