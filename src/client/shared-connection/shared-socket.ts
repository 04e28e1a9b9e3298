import type { ClientSocket } from '../client-options.js';
import { createLeaderElection, defaultElectionTiming, type ElectionTiming, type LockManagerLike } from './leader-election.js';
import type { PeerChannel } from './peer-channel.js';
import { onPageUnload } from './page-unload.js';
import { createRelayedAcks } from './relayed-acks.js';
import { createSocketEvents, type SocketListener } from './socket-events.js';
import { createSubscriptionLedger } from './subscription-ledger.js';
import { createTabChannel, type BroadcastChannelFactory, type TabChannel } from './tab-channel.js';
import type { TabMessage } from './tab-messages.js';

export interface SharedSocketOptions {
  /** Creates this tab's own socket when it leads (socket.io-client's `io`, connecting at once). */
  createSocket(): ClientSocket;
  broadcastChannel: BroadcastChannelFactory;
  locks: LockManagerLike | null;
  timing?: Partial<ElectionTiming>;
  /** @default a random id */
  tabId?: string;
  /** This tab started leading: the one socket is now its own. */
  onLead?(): void;
  /** This tab leads and another tab left (it may have left commands behind). */
  onTabLeft?(): void;
  /** This tab leads and a user in another tab asked to try connecting again now. */
  onRetryRequested?(): void;
}

type Listener = SocketListener;

/** For followers, a leader that dropped its socket on purpose still means a lost connection: they must come back. */
const followerReason = (reason: string) => (reason === 'io client disconnect' ? 'transport close' : reason);

const threadIdOf = (payload: unknown) => {
  const threadId = (payload as { threadId?: unknown } | null)?.threadId;
  return typeof threadId === 'string' ? threadId : null;
};

export type SharedSocket = ClientSocket & {
  readonly tabId: string;
  readonly role: 'candidate' | 'leader' | 'follower';
  /** Messages of the app layer between tabs; usable once `start` ran. */
  readonly peers: PeerChannel;
  /** Joins the tabs on `channelName` (scoped to origin, agent and user) and elects. Until then it waits unconnected. */
  start(channelName: string): void;
  /** Asks the leader to try connecting again now, as this tab's user asked (a follower cannot reach the socket). */
  requestRetry(): void;
  /** Leaves for good: another tab takes over at once. */
  dispose(): void;
};

/**
 * A socket for the client that is really one socket for every tab: the leader tab holds the Socket.IO connection
 * and relays its frames to the other tabs and their commands to the server, over BroadcastChannel. To the client's
 * connection manager it looks like a socket that connects when the leader's does and drops when the leader goes
 * away, so reconnects, resumes and queued commands work across a hand-over exactly as across a network drop.
 */
export function createSharedSocket(options: SharedSocketOptions): SharedSocket {
  const tabId = options.tabId ?? globalThis.crypto?.randomUUID?.() ?? `tab-${Math.random().toString(36).slice(2)}`;
  const timing = { ...defaultElectionTiming, ...options.timing };
  const events = createSocketEvents();
  const acks = createRelayedAcks();
  const peerListeners = new Set<(message: unknown) => void>();
  const ledger = createSubscriptionLedger();
  /** Tabs heard from on the channel and not gone. */
  const otherTabs = new Set<string>();
  // A socket.io-client socket connects on creation; so does this one, as soon as there is a connected leader.
  let wanted = true;
  let connected = false;
  let leaderConnected = false;
  let real: ClientSocket | null = null;
  let channel: TabChannel | null = null;
  let election: ReturnType<typeof createLeaderElection> | null = null;
  let disposed = false;
  let stopListeningForUnload = () => {};

  const { fire } = events;
  const post = (message: TabMessage) => channel?.post(message);

  const becomeConnected = () => {
    if (connected || !wanted || disposed) return;
    connected = true;
    fire('connect');
  };
  const becomeDisconnected = (reason: string) => {
    if (!connected) return;
    connected = false;
    acks.rejectAll();
    fire('disconnect', reason);
  };

  /** Sends a command on the leader's socket for `fromTab`; unsubscribes reach the server only from the last tab. */
  const execute = (fromTab: string, name: string, payload: unknown, timeoutMs: number): Promise<unknown> => {
    if (!real?.connected) return Promise.reject(new Error('disconnected'));
    const threadId = threadIdOf(payload);
    if (name === 'thread:subscribe' && threadId !== null) ledger.subscribe(threadId, fromTab);
    if (name === 'thread:unsubscribe' && threadId !== null && !ledger.unsubscribe(threadId, fromTab)) return Promise.resolve({ ok: true });
    return real.timeout(timeoutMs).emitWithAck(name, payload);
  };

  const dropTab = (otherTab: string) => {
    for (const threadId of ledger.dropTab(otherTab)) {
      if (real?.connected) real.timeout(timing.leaderTimeoutMs).emitWithAck('thread:unsubscribe', { threadId }).catch(() => {});
    }
  };

  const onRealConnect = () => {
    post({ t: 'connect', from: tabId });
    becomeConnected();
  };
  const onRealDisconnect = (reason: string) => {
    ledger.clear();
    post({ t: 'disconnect', from: tabId, reason: followerReason(reason) });
    becomeDisconnected(reason);
  };
  const onRealConnectError = (error: Error) => {
    post({ t: 'connect_error', from: tabId, message: error.message });
    if (wanted) fire('connect_error', error);
  };
  const onRealFrame = (name: string, ...args: unknown[]) => {
    // Copying every frame onto the channel costs a structured clone per frame: only when another tab is there.
    if (otherTabs.size > 0) post({ t: 'frame', from: tabId, name, args });
    if (connected) events.frame(name, args);
  };

  const lead = () => {
    becomeDisconnected('transport close');
    leaderConnected = false;
    const socket = options.createSocket();
    real = socket;
    socket.on('connect', onRealConnect);
    socket.on('disconnect', onRealDisconnect);
    socket.on('connect_error', onRealConnectError);
    socket.onAny(onRealFrame);
    if (!wanted) socket.disconnect();
    options.onLead?.();
  };

  const stopLeading = () => {
    const socket = real;
    if (!socket) return;
    real = null;
    ledger.clear();
    socket.off('connect', onRealConnect);
    socket.off('disconnect', onRealDisconnect);
    socket.off('connect_error', onRealConnectError);
    socket.offAny(onRealFrame);
    socket.disconnect();
    post({ t: 'disconnect', from: tabId, reason: 'transport close' });
  };

  const follow = () => {
    stopLeading();
    leaderConnected = false;
    becomeDisconnected('transport close');
  };

  const fromLeader = (message: TabMessage) => {
    switch (message.t) {
      case 'leader':
      case 'connect':
        leaderConnected = message.t === 'connect' || message.connected;
        if (leaderConnected) becomeConnected();
        else becomeDisconnected('transport close');
        return;
      case 'disconnect':
        leaderConnected = false;
        return becomeDisconnected(message.reason);
      case 'connect_error':
        if (wanted && !connected) fire('connect_error', new Error(message.message));
        return;
      case 'frame':
        if (connected) events.frame(message.name, message.args);
        return;
      case 'ack':
        if (message.to === tabId) acks.settle(message);
        return;
    }
  };

  /** What the leader does for other tabs. */
  const serveTabs = (message: TabMessage) => {
    // A tab that needs frames has said something first (hello, or the subscription it needs them for).
    if (message.t === 'bye') otherTabs.delete(message.from);
    else otherTabs.add(message.from);
    if (message.t === 'peer') {
      for (const listener of [...peerListeners]) listener(message.data);
      return;
    }
    if (!election?.isLeader || message.from === tabId) return;
    if (message.t === 'retry') return options.onRetryRequested?.();
    if (message.t === 'release') return dropTab(message.from);
    if (message.t === 'bye') {
      dropTab(message.from);
      return options.onTabLeft?.();
    }
    if (message.t !== 'emit' || message.to !== tabId) return;
    const { from, id } = message;
    execute(from, message.name, message.payload, message.timeoutMs).then(
      (value) => post({ t: 'ack', from: tabId, to: from, id, ok: true, value }),
      (error: unknown) => post({ t: 'ack', from: tabId, to: from, id, ok: false, message: error instanceof Error ? error.message : String(error) }),
    );
  };

  const relayCommand = (name: string, payload: unknown, timeoutMs: number): Promise<unknown> => {
    if (election?.isLeader) return execute(tabId, name, payload, timeoutMs);
    const leaderId = election?.leaderId;
    if (!connected || !leaderId) return Promise.reject(new Error('disconnected'));
    const { id, answer } = acks.expect(timeoutMs);
    post({ t: 'emit', from: tabId, to: leaderId, id, name, payload, timeoutMs });
    return answer;
  };

  const socket = {
    tabId,
    get role() {
      return election?.isLeader ? 'leader' : election?.leaderId ? 'follower' : 'candidate';
    },
    get connected() {
      return connected;
    },
    get active() {
      return wanted;
    },
    get io() {
      return real?.io ?? {};
    },
    on: (event: string, listener: Listener) => (events.on(event, listener), socket),
    off: (event: string, listener: Listener) => (events.off(event, listener), socket),
    onAny: (listener: Listener) => (events.onAny(listener), socket),
    offAny: (listener: Listener) => (events.offAny(listener), socket),
    timeout(timeoutMs: number) {
      return { emitWithAck: (name: string, payload: unknown) => relayCommand(name, payload, timeoutMs) };
    },
    emit(name: string, payload: unknown) {
      relayCommand(name, payload, timing.leaderTimeoutMs).catch(() => {});
      return socket;
    },
    connect() {
      if (disposed) return socket;
      wanted = true;
      if (real) {
        if (!real.connected) real.connect();
      } else if (leaderConnected) {
        queueMicrotask(becomeConnected);
      }
      return socket;
    },
    disconnect() {
      wanted = false;
      if (real) real.disconnect();
      else {
        becomeDisconnected('io client disconnect');
        post({ t: 'release', from: tabId });
      }
      return socket;
    },
    peers: {
      post: (data: unknown) => post({ t: 'peer', from: tabId, data }),
      subscribe(listener: (message: unknown) => void) {
        peerListeners.add(listener);
        return () => void peerListeners.delete(listener);
      },
    },
    requestRetry() {
      if (!election?.isLeader) post({ t: 'retry', from: tabId });
    },
    start(channelName: string) {
      if (disposed || channel) return;
      const tabChannel = createTabChannel(options.broadcastChannel, channelName);
      channel = tabChannel;
      tabChannel.subscribe(serveTabs);
      stopListeningForUnload = onPageUnload(() => socket.dispose());
      election = createLeaderElection({
        lockName: channelName,
        tabId,
        channel: tabChannel,
        locks: options.locks,
        timing,
        isConnected: () => real?.connected === true,
        onLead: lead,
        onFollow: follow,
        onLeaderMessage: fromLeader,
      });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      stopListeningForUnload();
      wanted = false;
      stopLeading();
      becomeDisconnected('io client disconnect');
      election?.dispose();
      channel?.close();
      peerListeners.clear();
    },
  };
  return socket as unknown as SharedSocket;
}
