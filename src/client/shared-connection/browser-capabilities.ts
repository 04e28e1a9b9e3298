import type { LockManagerLike } from './leader-election.js';
import type { BroadcastChannelFactory, BroadcastChannelLike } from './tab-channel.js';

/** The browser's Web Locks, where there are any. */
export function browserLocks(): LockManagerLike | null {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  return locks && typeof locks.request === 'function' ? locks : null;
}

/** The browser's BroadcastChannel, where there is one. */
export function browserBroadcastChannel(): BroadcastChannelFactory | null {
  const Channel = (globalThis as { BroadcastChannel?: new (name: string) => BroadcastChannelLike }).BroadcastChannel;
  return Channel ? (name) => new Channel(name) : null;
}
