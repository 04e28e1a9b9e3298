import { createMemoryBroadcast } from '../tabs/memory-broadcast.js';
import type { Network } from './network.js';

/**
 * BroadcastChannels whose deliveries are network steps, so the scheduler interleaves them with frames, handshakes
 * and timers. Each sender's messages arrive in the order it posted them, as in browsers; two senders' may cross.
 */
export function createScheduledBroadcast(network: Network) {
  const queues = new Map<string, (() => void)[]>();
  return createMemoryBroadcast((task, message) => {
    const { from, t } = (message ?? {}) as { from?: unknown; t?: unknown };
    const sender = String(from);
    const queue = queues.get(sender) ?? [];
    queues.set(sender, queue);
    queue.push(task);
    network.later(`tab ${sender}: its ${String(t)} message reaches the other tabs`, () => queue.shift()?.());
  });
}
