import { io } from 'socket.io-client';

// The baselines' transport: socket.io-client with no kit, fanning text deltas out to per-thread listeners.

export interface DeltaBus {
  onDelta(threadId: string, listener: (delta: string) => void): void;
  onFinish(threadId: string, listener: () => void): void;
  /** Connects and subscribes every thread; resolves once all subscriptions are acknowledged. */
  connect(threadIds: readonly string[], token: string, batch?: boolean): Promise<void>;
}

interface WireEvent {
  type: string;
  threadId: string;
  delta?: string;
}

export function createDeltaBus(): DeltaBus {
  const deltaListeners = new Map<string, ((delta: string) => void)[]>();
  const finishListeners = new Map<string, (() => void)[]>();
  const dispatch = (event: WireEvent) => {
    if (event.type === 'text-delta') deltaListeners.get(event.threadId)?.forEach((listener) => listener(event.delta ?? ''));
    else if (event.type === 'finish') finishListeners.get(event.threadId)?.forEach((listener) => listener());
  };
  return {
    onDelta(threadId, listener) {
      deltaListeners.set(threadId, [...(deltaListeners.get(threadId) ?? []), listener]);
    },
    onFinish(threadId, listener) {
      finishListeners.set(threadId, [...(finishListeners.get(threadId) ?? []), listener]);
    },
    connect(threadIds, token, batch = false) {
      const socket = io(location.origin, { path: '/streaming', transports: ['websocket'], auth: batch ? { token, batch } : { token } });
      socket.on('text-delta', dispatch);
      socket.on('finish', dispatch);
      socket.on('batch', (batch: { events: WireEvent[] }) => batch.events.forEach(dispatch));
      return new Promise<void>((resolve) => {
        socket.once('connect', () => {
          let pending = threadIds.length;
          for (const threadId of threadIds) {
            socket.emit('thread:subscribe', { threadId }, () => {
              pending -= 1;
              if (pending === 0) resolve();
            });
          }
        });
      });
    },
  };
}
