import type { BroadcastChannelFactory, BroadcastChannelLike } from '../../../src/client/shared-connection/tab-channel.js';

type Listener = (event: { data: unknown }) => void;

/**
 * BroadcastChannels of one simulated origin: a message reaches every other open channel of its name, in order,
 * as a structured clone, a task later (as in browsers). `deliver` decides how "later" is scheduled; it is shown the
 * message, so it can keep each sender's messages in order.
 */
export function createMemoryBroadcast(deliver: (task: () => void, message: unknown) => void = (task) => setTimeout(task, 0)) {
  const open = new Map<string, Set<{ listeners: Set<Listener> }>>();
  let posted = 0;
  const silenced = new Set<string>();
  const factory: BroadcastChannelFactory = (name) => {
    const self = { listeners: new Set<Listener>() };
    const peers = open.get(name) ?? new Set();
    open.set(name, peers);
    peers.add(self);
    let closed = false;
    const channel: BroadcastChannelLike = {
      postMessage(message) {
        if (closed) throw new Error('InvalidStateError: the channel is closed');
        posted += 1;
        if (silenced.has(String((message as { from?: unknown } | null)?.from))) return;
        const data = structuredClone(message);
        const receivers = [...peers].filter((peer) => peer !== self);
        deliver(() => {
          for (const receiver of receivers) {
            if (!peers.has(receiver)) continue;
            for (const listener of [...receiver.listeners]) listener({ data });
          }
        }, data);
      },
      addEventListener: (_type, listener) => void self.listeners.add(listener),
      removeEventListener: (_type, listener) => void self.listeners.delete(listener),
      close() {
        closed = true;
        peers.delete(self);
      },
    };
    return channel;
  };
  return {
    factory,
    get posted() {
      return posted;
    },
    /** Drops whatever the tab `from` posts from now on, as if it froze. */
    silence: (from: string) => void silenced.add(from),
  };
}
