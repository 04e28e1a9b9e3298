import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeSocket } from '../../test/support/fake-socket.js';
import { createConnectionManager, type NetworkSignals, type SocketState } from './connection-manager.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function fakeNetwork() {
  let online = true;
  const handlers = { online: () => {}, offline: () => {} };
  const network: NetworkSignals = {
    isOnline: () => online,
    subscribe(onOnline, onOffline) {
      handlers.online = onOnline;
      handlers.offline = onOffline;
      return () => {};
    },
  };
  return {
    network,
    goOffline: () => ((online = false), handlers.offline()),
    goOnline: () => ((online = true), handlers.online()),
  };
}

function setup(overrides: { maxAttempts?: number; canRefreshToken?: boolean; random?: () => number } = {}) {
  const fake = createFakeSocket();
  const states: SocketState[] = [];
  const net = fakeNetwork();
  const hooks = { connects: 0, disconnects: 0 };
  const manager = createConnectionManager(fake.socket, {
    backoff: { baseMs: 100, factor: 2, capMs: 1_000 },
    maxAttempts: overrides.maxAttempts ?? Number.POSITIVE_INFINITY,
    maxAuthRetries: 2,
    canRefreshToken: overrides.canRefreshToken ?? true,
    random: overrides.random ?? (() => 0.5),
    network: net.network,
    onConnect: () => (hooks.connects += 1),
    onDisconnect: () => (hooks.disconnects += 1),
    onStateChange: (state) => states.push(state),
  });
  return { fake, manager, states, net, hooks };
}

describe('createConnectionManager', () => {
  it('reconnects after a drop with growing jittered delays, and resets them after a connection', async () => {
    const { fake, states } = setup();
    fake.serverConnect();
    fake.serverDisconnect('transport close');
    expect(states).toEqual(['open', 'reconnecting']);
    await vi.advanceTimersByTimeAsync(49);
    expect(fake.connectCalls).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.connectCalls).toBe(1);
    fake.serverConnectError('xhr poll error');
    await vi.advanceTimersByTimeAsync(99);
    expect(fake.connectCalls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.connectCalls).toBe(2);
    fake.serverConnect();
    fake.serverDisconnect('ping timeout');
    await vi.advanceTimersByTimeAsync(50);
    expect(fake.connectCalls).toBe(3);
  });

  it('reconnects after the server closed the session too', async () => {
    const { fake } = setup();
    fake.serverConnect();
    fake.serverDisconnect('io server disconnect');
    await vi.advanceTimersByTimeAsync(50);
    expect(fake.connectCalls).toBe(1);
  });

  it('never reconnects after close', async () => {
    const { fake, manager, states } = setup();
    fake.serverConnect();
    manager.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.connectCalls).toBe(0);
    expect(states.at(-1)).toBe('closed');
    manager.retryNow();
    expect(fake.connectCalls).toBe(0);
  });

  it('goes offline after maxAttempts failures and tries again on retryNow', async () => {
    const { fake, manager, states } = setup({ maxAttempts: 2 });
    fake.serverConnectError('xhr poll error');
    await vi.runAllTimersAsync();
    fake.serverConnectError('xhr poll error');
    await vi.runAllTimersAsync();
    fake.serverConnectError('xhr poll error');
    expect(states.at(-1)).toBe('offline');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.connectCalls).toBe(2);
    manager.retryNow();
    expect(fake.connectCalls).toBe(3);
    expect(states.at(-1)).toBe('connecting');
  });

  it('waits while the browser is offline and reconnects when it is back', async () => {
    const { fake, states, net } = setup();
    fake.serverConnect();
    net.goOffline();
    fake.serverDisconnect('transport close');
    expect(states.at(-1)).toBe('offline');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.connectCalls).toBe(0);
    net.goOnline();
    expect(fake.connectCalls).toBe(1);
    expect(states.at(-1)).toBe('reconnecting');
  });

  it('retries a rejected token a bounded number of times, then stays unauthorized until retryNow', async () => {
    const { fake, manager, states } = setup();
    for (let rejection = 0; rejection < 3; rejection += 1) fake.serverConnectError('unauthorized');
    expect(fake.connectCalls).toBe(2);
    expect(states.at(-1)).toBe('unauthorized');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.connectCalls).toBe(2);
    manager.retryNow();
    expect(fake.connectCalls).toBe(3);
  });

  it('does not retry a rejected fixed token at all', () => {
    const { fake, states } = setup({ canRefreshToken: false });
    fake.serverConnectError('unauthorized');
    expect(fake.connectCalls).toBe(0);
    expect(states).toEqual(['unauthorized']);
  });

  it('restart drops a live connection and reconnects it', async () => {
    const { fake, manager, hooks, states } = setup();
    fake.serverConnect();
    manager.restart();
    expect(hooks.disconnects).toBe(1);
    expect(states.at(-1)).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(50);
    expect(fake.connectCalls).toBe(1);
  });

  it('fails an attempt whose transport closes before the handshake, instead of waiting for its timeout', async () => {
    const { fake, states } = setup();
    const closeEngine: (() => void)[] = [];
    (fake.socket.io as unknown as { engine: object }).engine = { once: (_event: string, listener: () => void) => closeEngine.push(listener) };
    fake.serverConnect();
    fake.serverDisconnect('transport close');
    await vi.advanceTimersByTimeAsync(50);
    expect(fake.connectCalls).toBe(1);
    closeEngine.at(-1)!();
    expect(states.at(-1)).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(100);
    expect(fake.connectCalls).toBe(2);
    fake.serverConnect();
    closeEngine[0]!();
    expect(states.at(-1)).toBe('open');
  });
});
