import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeLocks } from '../../../test/support/tabs/fake-locks.js';
import { createMemoryBroadcast } from '../../../test/support/tabs/memory-broadcast.js';
import type { ClientSocket } from '../client-options.js';
import { createSharedSocket, type SharedSocket } from './shared-socket.js';

/** A socket.io-client socket reduced to what the shared socket uses, connected at will. */
function fakeRealSocket() {
  const handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  const any: ((...args: unknown[]) => void)[] = [];
  const emitted: { name: string; payload: unknown }[] = [];
  const socket = {
    connected: false,
    io: {},
    on: (event: string, handler: (...args: unknown[]) => void) => void handlers.set(event, [...(handlers.get(event) ?? []), handler]),
    off: (event: string, handler: (...args: unknown[]) => void) => void handlers.set(event, (handlers.get(event) ?? []).filter((h) => h !== handler)),
    onAny: (handler: (...args: unknown[]) => void) => void any.push(handler),
    offAny: () => void any.splice(0),
    connect: () => {
      socket.connected = true;
      for (const handler of handlers.get('connect') ?? []) handler();
    },
    disconnect: () => {
      if (!socket.connected) return;
      socket.connected = false;
      for (const handler of handlers.get('disconnect') ?? []) handler('io client disconnect');
    },
    timeout: () => ({
      emitWithAck: async (name: string, payload: unknown) => {
        emitted.push({ name, payload });
        return { ok: true, echoed: name };
      },
    }),
    frame: (name: string, ...args: unknown[]) => any.forEach((handler) => handler(name, ...args)),
    emitted,
  };
  return socket;
}

const flush = () => vi.advanceTimersByTimeAsync(5);

describe('createSharedSocket', () => {
  let sockets: SharedSocket[] = [];
  afterEach(() => {
    sockets.forEach((socket) => socket.dispose());
    sockets = [];
    vi.useRealTimers();
  });

  /** Tabs of one origin; `beforeOpening(index)` runs before each tab opens, `afterOpening(index)` after. */
  function tabsOn(count: number, locks = createFakeLocks(), around: { beforeOpening?(index: number): void; afterOpening?(index: number): void } = {}) {
    const broadcast = createMemoryBroadcast();
    const reals: ReturnType<typeof fakeRealSocket>[] = [];
    const heard = { tabsLeft: [] as number[], retries: [] as number[] };
    const tabs = Array.from({ length: count }, (_, index) => {
      around.beforeOpening?.(index);
      const socket = createSharedSocket({
        tabId: `tab-${index}`,
        onTabLeft: () => heard.tabsLeft.push(index),
        onRetryRequested: () => heard.retries.push(index),
        broadcastChannel: broadcast.factory,
        locks,
        timing: { heartbeatMs: 100, leaderTimeoutMs: 400, claimMs: 50 },
        createSocket: () => {
          const real = fakeRealSocket();
          reals.push(real);
          queueMicrotask(() => real.connect());
          return real as unknown as ClientSocket;
        },
      });
      socket.start('scope');
      sockets.push(socket);
      around.afterOpening?.(index);
      return socket;
    });
    return { tabs, reals, broadcast, heard };
  }

  it('elects one leader; followers connect when it does and get its frames in order', async () => {
    vi.useFakeTimers();
    const { tabs, reals } = tabsOn(3);
    const frames: unknown[][] = [[], [], []];
    tabs.forEach((tab, index) => tab.onAny((...args: unknown[]) => frames[index]!.push(args)));
    await flush();
    await flush();
    expect(reals).toHaveLength(1);
    expect(tabs.map((tab) => tab.role)).toEqual(['leader', 'follower', 'follower']);
    expect(tabs.every((tab) => tab.connected)).toBe(true);
    reals[0]!.frame('text-delta', { seq: 1 });
    reals[0]!.frame('text-delta', { seq: 2 });
    await flush();
    expect(frames).toEqual([0, 1, 2].map(() => [['text-delta', { seq: 1 }], ['text-delta', { seq: 2 }]]));
  });

  it('copies frames onto the channel only once another tab is there', async () => {
    vi.useFakeTimers();
    const { reals, broadcast } = tabsOn(1);
    await flush();
    const postedAlone = broadcast.posted;
    for (let seq = 1; seq <= 3; seq += 1) reals[0]!.frame('text-delta', { seq });
    expect(broadcast.posted).toBe(postedAlone);

    const stranger = broadcast.factory('scope');
    stranger.postMessage({ t: 'hello', from: 'tab-9' });
    await flush();
    const postedWithTwo = broadcast.posted;
    reals[0]!.frame('text-delta', { seq: 4 });
    expect(broadcast.posted).toBe(postedWithTwo + 1);
  });

  it('relays a follower command and its acknowledgement; unsubscribes only when the last tab leaves a thread', async () => {
    vi.useFakeTimers();
    const { tabs, reals } = tabsOn(2);
    await flush();
    await flush();
    const reply = tabs[1]!.timeout(1000).emitWithAck('thread:subscribe', { threadId: 't' });
    await flush();
    await expect(reply).resolves.toEqual({ ok: true, echoed: 'thread:subscribe' });
    await tabs[0]!.timeout(1000).emitWithAck('thread:subscribe', { threadId: 't' });
    const leaving = tabs[1]!.timeout(1000).emitWithAck('thread:unsubscribe', { threadId: 't' });
    await flush();
    await expect(leaving).resolves.toEqual({ ok: true });
    expect(reals[0]!.emitted.filter((sent) => sent.name === 'thread:unsubscribe')).toHaveLength(0);
    await tabs[0]!.timeout(1000).emitWithAck('thread:unsubscribe', { threadId: 't' });
    expect(reals[0]!.emitted.filter((sent) => sent.name === 'thread:unsubscribe')).toHaveLength(1);
  });

  it('hands over when the leader leaves: followers see a drop, then a connection through the new leader', async () => {
    vi.useFakeTimers();
    const { tabs, reals } = tabsOn(3);
    await flush();
    await flush();
    const drops = [0, 0, 0];
    tabs.forEach((tab, index) => tab.on('disconnect', () => (drops[index] = (drops[index] ?? 0) + 1)));
    tabs[0]!.dispose();
    await flush();
    await flush();
    expect(reals).toHaveLength(2);
    expect(tabs[1]!.role).toBe('leader');
    expect(tabs[2]!.role).toBe('follower');
    expect(drops.slice(1)).toEqual([1, 1]);
    expect(tabs[1]!.connected && tabs[2]!.connected).toBe(true);
  });

  it('steals the lock from a leader that stopped beating (a frozen tab); the old leader steps down and drops its socket', async () => {
    vi.useFakeTimers();
    const { tabs, reals, broadcast } = tabsOn(2);
    await flush();
    await flush();
    expect(tabs[0]!.role).toBe('leader');
    broadcast.silence('tab-0');
    await vi.advanceTimersByTimeAsync(600);
    expect(tabs[1]!.role).toBe('leader');
    expect(reals).toHaveLength(2);
    expect(tabs[0]!.role).not.toBe('leader');
    expect(reals[0]!.connected).toBe(false);
    expect(tabs[1]!.connected).toBe(true);
  });

  it('passes app messages between tabs, never back to the sender, and ignores malformed channel traffic', async () => {
    vi.useFakeTimers();
    const { tabs, broadcast } = tabsOn(2);
    await flush();
    await flush();
    const heard: unknown[][] = [[], []];
    const frames: unknown[] = [];
    tabs.forEach((tab, index) => tab.peers.subscribe((message) => heard[index]!.push(message)));
    tabs[1]!.onAny((...args: unknown[]) => frames.push(args));
    const stranger = broadcast.factory('scope');
    for (const junk of ['junk', null, { t: 'frame', from: 'tab-0' }, { t: 'frame', name: 'x', args: [] }, { t: 'ack', from: 'tab-0', to: 'tab-1', id: 1, ok: false }, { t: 'nope', from: 'x' }]) {
      stranger.postMessage(junk);
    }
    tabs[0]!.peers.post({ hello: 1 });
    await flush();
    expect(heard).toEqual([[], [{ hello: 1 }]]);
    expect(frames).toEqual([]);
    expect(tabs.every((tab) => tab.connected)).toBe(true);
  });

  it('tells the leader when another tab leaves, and passes a follower user\'s retry to it', async () => {
    vi.useFakeTimers();
    const { tabs, heard } = tabsOn(3);
    await flush();
    await flush();
    tabs[2]!.requestRetry();
    tabs[2]!.dispose();
    await flush();
    expect(heard).toEqual({ tabsLeft: [0], retries: [0] });
  });

  it('a leader whose heartbeats lag but who answers when asked keeps its place', async () => {
    vi.useFakeTimers();
    // The leader's timers never fire (a background tab at its most throttled), but messages still reach it.
    let noTimers: { mockRestore(): void } | undefined;
    const { tabs, reals } = tabsOn(2, createFakeLocks(), {
      beforeOpening: (index) => {
        if (index === 0) noTimers = vi.spyOn(globalThis, 'setInterval').mockImplementation(() => 0 as unknown as ReturnType<typeof setInterval>);
      },
      afterOpening: () => noTimers?.mockRestore(),
    });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(tabs.map((tab) => tab.role)).toEqual(['leader', 'follower']);
    expect(reals).toHaveLength(1);
  });

  it('elects over the channel alone when there are no Web Locks, lowest tab id first', async () => {
    vi.useFakeTimers();
    const broadcast = createMemoryBroadcast();
    const make = (tabId: string) => {
      const socket = createSharedSocket({
        tabId,
        broadcastChannel: broadcast.factory,
        locks: null,
        timing: { heartbeatMs: 100, leaderTimeoutMs: 400, claimMs: 50 },
        createSocket: () => fakeRealSocket() as unknown as ClientSocket,
      });
      socket.start('scope');
      sockets.push(socket);
      return socket;
    };
    const b = make('b');
    const a = make('a');
    await vi.advanceTimersByTimeAsync(200);
    expect([a.role, b.role]).toEqual(['leader', 'follower']);
    a.dispose();
    await vi.advanceTimersByTimeAsync(200);
    expect(b.role).toBe('leader');
  });
});
