import type { TabMessage } from './tab-messages.js';
import { readTabMessage } from './tab-messages.js';

/** What the shared connection needs of a BroadcastChannel; tests pass an in-memory one. */
export interface BroadcastChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

export type BroadcastChannelFactory = (name: string) => BroadcastChannelLike;

export interface TabChannel {
  post(message: TabMessage): void;
  subscribe(listener: (message: TabMessage) => void): () => void;
  close(): void;
}

/** A BroadcastChannel that carries only well-formed tab messages; anything else on it is ignored. */
export function createTabChannel(factory: BroadcastChannelFactory, name: string): TabChannel {
  const channel = factory(name);
  const listeners = new Set<(message: TabMessage) => void>();
  let closed = false;
  const onMessage = (event: { data: unknown }) => {
    const message = readTabMessage(event.data);
    if (!message) return;
    for (const listener of [...listeners]) listener(message);
  };
  channel.addEventListener('message', onMessage);
  return {
    post(message) {
      if (closed) return;
      try {
        channel.postMessage(message);
      } catch {
        // A payload that cannot be cloned is dropped for the peers; the sender's own copy is unaffected.
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      channel.removeEventListener('message', onMessage);
      channel.close();
    },
  };
}
