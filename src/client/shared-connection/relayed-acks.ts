import type { TabMessage } from './tab-messages.js';

type PendingAck = { resolve(value: unknown): void; reject(error: Error): void; timer: ReturnType<typeof setTimeout> };

/** The leader's own wait for the server ends first; the margin covers the trip between tabs. */
const relayMarginMs = 1_000;

/** A follower's commands waiting for the leader's answer, by emit id. */
export function createRelayedAcks() {
  const pending = new Map<number, PendingAck>();
  let nextId = 0;
  return {
    /** A new emit id, and its answer: it fails if none comes within `timeoutMs` (plus the margin). */
    expect(timeoutMs: number): { id: number; answer: Promise<unknown> } {
      const id = ++nextId;
      const answer = new Promise<unknown>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error('operation has timed out'));
        }, timeoutMs + relayMarginMs);
        pending.set(id, { resolve, reject, timer });
      });
      return { id, answer };
    },
    settle(message: Extract<TabMessage, { t: 'ack' }>) {
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      clearTimeout(waiting.timer);
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(new Error(message.message));
    },
    /** The connection through the leader is gone: every wait fails as a drop. */
    rejectAll() {
      for (const [id, waiting] of pending) {
        clearTimeout(waiting.timer);
        pending.delete(id);
        waiting.reject(new Error('disconnected'));
      }
    },
  };
}
