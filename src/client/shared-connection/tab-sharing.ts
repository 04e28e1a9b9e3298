import type { ClientSocket, PlatosClientOptions } from '../client-options.js';
import { browserLocks } from './leader-election.js';
import { createSharedSocket, type SharedSocket } from './shared-socket.js';
import { browserBroadcastChannel } from './tab-channel.js';

/**
 * The shared socket of a client whose tabs share one connection, or null for a socket of its own: with
 * `sharedConnection: false`, without BroadcastChannel, or (unless asked for with `true`) without Web Locks.
 */
export function createTabSharing(
  options: PlatosClientOptions,
  createSocket: () => ClientSocket,
  /** Names the tabs that may share: one origin, agent and user. */
  scope: () => Promise<string>,
  hooks: { onLead(): void },
): { socket: SharedSocket } | null {
  const setting = options.sharedConnection;
  if (setting === false) return null;
  const custom = typeof setting === 'object' ? setting : {};
  const broadcastChannel = custom.broadcastChannel ?? browserBroadcastChannel();
  const locks = custom.locks === undefined ? browserLocks() : custom.locks;
  if (!broadcastChannel || (setting === undefined && !locks)) return null;
  const socket = createSharedSocket({ createSocket, broadcastChannel, locks, onLead: hooks.onLead, ...(custom.timing ? { timing: custom.timing } : {}) });
  scope().then(
    (name) => socket.start(`platos-connection|${name}`),
    () => socket.start('platos-connection|unscoped'),
  );
  return { socket };
}
