import { fullJitterDelay, type BackoffPolicy } from './backoff.js';
import type { ClientSocket } from './client-options.js';

/** The socket's own lifecycle; the client adds `resyncing` on top of `open`. */
export type SocketState = 'connecting' | 'open' | 'reconnecting' | 'offline' | 'unauthorized' | 'closed';

export interface ConnectionManagerOptions {
  backoff: BackoffPolicy;
  /** Failed attempts in a row after which the state is `offline`. */
  maxAttempts: number;
  /** Rejected handshakes in a row that are retried with a fresh token before giving up. */
  maxAuthRetries: number;
  canRefreshToken: boolean;
  random: () => number;
  /** Where `online`/`offline` events come from; `undefined` outside browsers. */
  network?: NetworkSignals;
  onConnect(): void;
  onDisconnect(): void;
  onStateChange(state: SocketState): void;
}

export interface NetworkSignals {
  isOnline(): boolean;
  subscribe(onOnline: () => void, onOffline: () => void): () => void;
}

/**
 * Drives the socket's reconnects itself (Socket.IO's own are turned off): full-jitter backoff that resets after a
 * successful connection, bounded token refreshes after `unauthorized`, and a pause while the browser is offline.
 */
export function createConnectionManager(socket: ClientSocket, options: ConnectionManagerOptions) {
  let state: SocketState = 'connecting';
  let failedAttempts = 0;
  let authRetries = 0;
  let everConnected = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set while the client drops a connection it wants back (liveness), so the close is not taken as final. */
  let restarting = false;

  const set = (next: SocketState) => {
    if (next === state) return;
    state = next;
    options.onStateChange(next);
  };
  const isFinal = () => state === 'closed' || state === 'unauthorized';

  /** True from starting a connection attempt until it connected or failed. */
  let attemptPending = true;

  // Socket.IO notices only an error before the connection opens; a transport that just closes (a proxy, some
  // mocks) would leave the attempt hanging until its timeout. Such a close fails the attempt at once.
  const failAttemptOnEarlyClose = () => {
    const engine = (socket.io as { engine?: { once?(event: 'close', listener: () => void): void } }).engine;
    engine?.once?.('close', () => {
      if (!attemptPending || socket.connected || isFinal()) return;
      attemptPending = false;
      socket.disconnect();
      scheduleRetry();
    });
  };

  const attempt = () => {
    clearTimeout(retryTimer);
    if (isFinal()) return;
    set(everConnected ? 'reconnecting' : 'connecting');
    attemptPending = true;
    socket.connect();
    failAttemptOnEarlyClose();
  };

  const scheduleRetry = () => {
    clearTimeout(retryTimer);
    if (isFinal()) return;
    if (options.network && !options.network.isOnline()) return set('offline');
    failedAttempts += 1;
    if (failedAttempts > options.maxAttempts) return set('offline');
    set(everConnected ? 'reconnecting' : 'connecting');
    retryTimer = setTimeout(attempt, fullJitterDelay(failedAttempts, options.backoff, options.random));
  };

  const onConnect = () => {
    attemptPending = false;
    clearTimeout(retryTimer);
    failedAttempts = 0;
    authRetries = 0;
    everConnected = true;
    set('open');
    options.onConnect();
  };
  const onDisconnect = (reason: string) => {
    options.onDisconnect();
    if (reason === 'io client disconnect' && !restarting) return;
    restarting = false;
    scheduleRetry();
  };
  const onConnectError = (error: Error) => {
    attemptPending = false;
    if (error.message !== 'unauthorized') return scheduleRetry();
    if (options.canRefreshToken && authRetries < options.maxAuthRetries) {
      authRetries += 1;
      return attempt();
    }
    set('unauthorized');
  };
  socket.on('connect', onConnect);
  socket.on('disconnect', onDisconnect);
  socket.on('connect_error', onConnectError);
  failAttemptOnEarlyClose();

  const stopNetwork = options.network?.subscribe(
    () => state === 'offline' && retryNow(),
    () => {
      if (socket.connected || isFinal()) return;
      clearTimeout(retryTimer);
      set('offline');
    },
  );

  function retryNow() {
    if (state === 'closed' || socket.connected) return;
    clearTimeout(retryTimer);
    failedAttempts = 0;
    authRetries = 0;
    set(everConnected ? 'reconnecting' : 'connecting');
    attemptPending = true;
    socket.connect();
    failAttemptOnEarlyClose();
  }

  return {
    getState: () => state,
    /** Tries again now, from `offline` or `unauthorized` too (with a fresh `getToken()`). */
    retryNow,
    /** Drops the current connection and reconnects, e.g. when it stopped answering. */
    restart() {
      if (isFinal() || !socket.connected) return;
      restarting = true;
      socket.disconnect();
    },
    close() {
      clearTimeout(retryTimer);
      stopNetwork?.();
      set('closed');
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onConnectError);
      socket.disconnect();
    },
  };
}

/** The browser's `online`/`offline` events, when there is a browser. */
export function browserNetworkSignals(): NetworkSignals | undefined {
  const target = globalThis as Partial<Pick<Window, 'addEventListener' | 'removeEventListener' | 'navigator'>>;
  if (typeof target.addEventListener !== 'function' || typeof target.navigator?.onLine !== 'boolean') return undefined;
  return {
    isOnline: () => target.navigator?.onLine !== false,
    subscribe(onOnline, onOffline) {
      target.addEventListener!('online', onOnline);
      target.addEventListener!('offline', onOffline);
      return () => {
        target.removeEventListener!('online', onOnline);
        target.removeEventListener!('offline', onOffline);
      };
    },
  };
}
