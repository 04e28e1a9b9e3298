import type { TabChannel } from './tab-channel.js';
import type { TabMessage } from './tab-messages.js';

/** What the election needs of `navigator.locks`. */
export interface LockManagerLike {
  request(name: string, options: { signal?: AbortSignal; steal?: boolean }, callback: () => Promise<void>): Promise<unknown>;
}

export interface ElectionTiming {
  /** How often the leader says it is alive. @default 500 */
  heartbeatMs: number;
  /** Silence after which a leader counts as gone (a frozen tab): its lock is stolen, or a new election held. @default 2000 */
  leaderTimeoutMs: number;
  /** Without Web Locks: how long a candidate listens for a leader or a lower claim. @default 250 */
  claimMs: number;
}

export const defaultElectionTiming: ElectionTiming = { heartbeatMs: 500, leaderTimeoutMs: 2_000, claimMs: 250 };

export interface LeaderElectionOptions {
  lockName: string;
  tabId: string;
  channel: TabChannel;
  /** `null`: elect over the channel alone. */
  locks: LockManagerLike | null;
  timing: ElectionTiming;
  /** Whether the leader's socket is connected, for its heartbeats. */
  isConnected(): boolean;
  onLead(): void;
  /** Another tab leads now (or this one stopped leading): `leaderId` is null until one is known. */
  onFollow(leaderId: string | null): void;
  /** Any message from the current leader (its heartbeats included), after the election has taken note of it. */
  onLeaderMessage(message: TabMessage): void;
}

/**
 * One leader among the tabs on a channel. With Web Locks the leader is whoever holds the lock, which the browser
 * hands on when that tab goes away; a leader that stops beating (a frozen tab) has its lock stolen. Without locks,
 * tabs claim over the channel and the lowest tab id among the claims wins.
 */
export function createLeaderElection(options: LeaderElectionOptions) {
  const { channel, tabId, timing } = options;
  let role: 'candidate' | 'leader' | 'follower' = 'candidate';
  let leaderId: string | null = null;
  let lastHeardAt = 0;
  let disposed = false;
  let releaseLock: (() => void) | null = null;
  let lockRequest: AbortController | null = null;
  let claimTimer: ReturnType<typeof setTimeout> | undefined;
  let claims = new Set<string>();
  const departed = new Set<string>();

  const announce = () => channel.post({ t: 'leader', from: tabId, connected: options.isConnected() });

  const lead = () => {
    if (disposed || role === 'leader') return;
    role = 'leader';
    leaderId = tabId;
    announce();
    options.onLead();
  };

  const follow = (nextLeader: string | null) => {
    const wasLeader = role === 'leader';
    const changed = nextLeader !== leaderId || wasLeader || role === 'candidate';
    role = 'follower';
    leaderId = nextLeader;
    lastHeardAt = Date.now();
    if (changed) options.onFollow(nextLeader);
  };

  function requestLock(steal: boolean) {
    const locks = options.locks!;
    lockRequest?.abort();
    const controller = new AbortController();
    lockRequest = controller;
    const request = steal ? { steal: true } : { signal: controller.signal };
    locks
      .request(options.lockName, request, () => {
        if (disposed || lockRequest !== controller) return Promise.resolve();
        lead();
        return new Promise<void>((resolve) => (releaseLock = resolve));
      })
      .catch(() => {
        // Aborted by this tab (it steals or leaves), or the lock was stolen from it.
        if (disposed || lockRequest !== controller) return;
        releaseLock = null;
        if (role === 'leader') follow(null);
        requestLock(false);
      });
  }

  function claim() {
    clearTimeout(claimTimer);
    if (disposed || role === 'leader') return;
    claims = new Set([tabId]);
    channel.post({ t: 'claim', from: tabId });
    claimTimer = setTimeout(() => {
      if (disposed || role === 'leader') return;
      if (leaderId !== null && Date.now() - lastHeardAt < timing.leaderTimeoutMs) return;
      if ([...claims].every((other) => other >= tabId)) lead();
    }, timing.claimMs);
  }

  const leaderLost = () => {
    if (options.locks) requestLock(true);
    else claim();
  };

  const unsubscribe = channel.subscribe((message) => {
    // A tab that said goodbye is gone for good (ids are not reused); anything it sent late is ignored.
    if (departed.has(message.from)) return;
    switch (message.t) {
      case 'hello':
        if (role === 'leader') announce();
        return;
      case 'claim':
        if (role === 'leader') announce();
        else claims.add(message.from);
        return;
      case 'leader':
        if (message.from === tabId) return;
        if (role === 'leader') {
          // Two leaders (an election over the channel crossed, or a stolen lock not yet noticed): the lower id stays.
          if (options.locks || message.from > tabId) return announce();
          releaseLock?.();
        }
        if (leaderId !== message.from || role !== 'follower') follow(message.from);
        lastHeardAt = Date.now();
        options.onLeaderMessage(message);
        return;
      case 'bye':
        departed.add(message.from);
        claims.delete(message.from);
        if (message.from !== leaderId || role === 'leader') return;
        follow(null);
        // With locks the browser hands the lock on by itself; over the channel, elect now.
        if (!options.locks) claim();
        return;
      default:
        if (message.from === leaderId && role === 'follower') {
          lastHeardAt = Date.now();
          options.onLeaderMessage(message);
        }
    }
  });

  /** When this tab asked a silent leader whether it is there; 0 when it has not asked since it last heard from it. */
  let askedAt = 0;
  const watchdog = setInterval(() => {
    if (role === 'leader') return announce();
    const now = Date.now();
    if (now - lastHeardAt <= timing.leaderTimeoutMs) return void (askedAt = 0);
    // Browsers slow timers in background tabs, not message delivery: a leader whose heartbeats lag still answers
    // at once, and only one that is really gone (frozen, crashed) stays silent.
    if (askedAt === 0 || askedAt < lastHeardAt) {
      askedAt = now;
      return channel.post({ t: 'hello', from: tabId });
    }
    if (now - askedAt < timing.heartbeatMs) return;
    askedAt = 0;
    if (leaderId !== null) follow(null);
    lastHeardAt = now;
    leaderLost();
  }, timing.heartbeatMs);

  lastHeardAt = Date.now();
  channel.post({ t: 'hello', from: tabId });
  if (options.locks) requestLock(false);
  else claimTimer = setTimeout(() => role === 'candidate' && leaderId === null && claim(), timing.claimMs);

  return {
    get isLeader() {
      return role === 'leader';
    },
    get leaderId() {
      return leaderId;
    },
    /** Steps down for good: says goodbye and lets the lock go, so another tab takes over at once. */
    dispose() {
      if (disposed) return;
      disposed = true;
      clearInterval(watchdog);
      clearTimeout(claimTimer);
      unsubscribe();
      channel.post({ t: 'bye', from: tabId });
      releaseLock?.();
      lockRequest?.abort();
    },
  };
}
