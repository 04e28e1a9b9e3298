import type { LockManagerLike } from '../../../src/client/shared-connection/leader-election.js';

interface Waiter {
  callback: () => Promise<void>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

const abortError = () => Object.assign(new Error('The lock request was aborted'), { name: 'AbortError' });

/** The Web Locks API (exclusive mode, `signal` and `steal`) for tabs simulated in one process. */
export function createFakeLocks(): LockManagerLike & { holder(name: string): boolean } {
  const held = new Map<string, Waiter>();
  const queues = new Map<string, Waiter[]>();

  const grant = (name: string) => {
    if (held.has(name)) return;
    const next = queues.get(name)?.shift();
    if (!next) return;
    held.set(name, next);
    next.callback().then(
      (value) => release(name, next, () => next.resolve(value)),
      (error: unknown) => release(name, next, () => next.reject(error)),
    );
  };
  const release = (name: string, waiter: Waiter, settle: () => void) => {
    if (held.get(name) === waiter) held.delete(name);
    settle();
    grant(name);
  };

  return {
    request(name, options, callback) {
      return new Promise((resolve, reject) => {
        const waiter: Waiter = { callback, resolve, reject };
        if (options.steal) {
          const previous = held.get(name);
          held.delete(name);
          previous?.reject(abortError());
          queues.set(name, [waiter, ...(queues.get(name) ?? [])]);
          return grant(name);
        }
        if (options.signal?.aborted) return reject(abortError());
        options.signal?.addEventListener('abort', () => {
          const queue = queues.get(name) ?? [];
          const index = queue.indexOf(waiter);
          if (index < 0) return;
          queue.splice(index, 1);
          reject(abortError());
        });
        queues.set(name, [...(queues.get(name) ?? []), waiter]);
        grant(name);
      });
    },
    holder: (name) => held.has(name),
  };
}
