import type { Socket } from 'socket.io-client';
import type { FrameLimits } from '../protocol/index.js';
import type { BackoffPolicy } from './backoff.js';
import type { NetworkSignals } from './connection-manager.js';
import type { LivenessOptions } from './liveness.js';
import type { RejectReason } from './reject-reason.js';
import type { KeyValueBackend, PersistLimits } from './storage/types.js';
import type { ElectionTiming, LockManagerLike } from './shared-connection/leader-election.js';
import type { BroadcastChannelFactory } from './shared-connection/tab-channel.js';

/** The part of a socket.io-client Socket the client uses; tests inject a fake. */
export type ClientSocket = Pick<Socket, 'on' | 'off' | 'onAny' | 'offAny' | 'emit' | 'timeout' | 'connect' | 'disconnect' | 'connected' | 'active' | 'io'>;

export interface PlatosClientOptions {
  /** Origin of the agent server, e.g. `http://127.0.0.1:4000`. */
  url: string;
  /** @default 'default' */
  agentId?: string;
  /** A fixed token, or use `getToken`. */
  token?: string;
  /** Called before every connection attempt and history fetch. */
  getToken?: () => string | Promise<string>;
  /** @default '/streaming' */
  path?: string;
  /** @default ['websocket', 'polling'] */
  transports?: ('websocket' | 'polling' | 'webtransport')[];
  /** How long a command may wait for its acknowledgement. @default 10000 */
  ackTimeoutMs?: number;
  /** How long a command made without a connection waits for one before failing with `offline`. @default 60000 */
  queueTimeoutMs?: number;
  /** How long one connection attempt (handshake included) may take before it counts as failed. @default 10000 */
  connectTimeoutMs?: number;
  /** How long a history fetch may take. @default 15000 */
  historyTimeoutMs?: number;
  /** Reconnect delays: full jitter below `min(capMs, baseMs * factor^(attempt-1))`. */
  reconnect?: Partial<BackoffPolicy> & {
    /** Failed attempts in a row before the state becomes `offline`. @default Infinity */
    maxAttempts?: number;
  };
  auth?: {
    /** Rejected handshakes in a row retried with a fresh `getToken()` before the state is `unauthorized`. @default 2 */
    maxRetries?: number;
  };
  /** Half-open detection; `false` turns it off. @default { intervalMs: 5000, timeoutMs: 5000 } */
  liveness?: Partial<LivenessOptions> | false;
  /** Out-of-order frames: how many are held, and how long a hole may stay open before resubscribing. */
  gap?: { bufferSize?: number; timeoutMs?: number };
  /**
   * Asks the server to send the chat stream's events in `batch` frames (a few milliseconds' worth in one Socket.IO
   * message) instead of one message per event; a server that does not batch ignores it. The gateway is never batched.
   * @default true
   */
  batchFrames?: boolean;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * Bounds every incoming frame and history response must stay within; checked before validation, and a frame
   * that crosses one is dropped. Give only the ones to change.
   * @default { frameBytes: 1 MiB, depth: 64, stringLength: 256 KiB, idLength: 1024, payloadBytes: 256 KiB, entries: 10000, historyBytes: 16 MiB }
   */
  limits?: Partial<FrameLimits>;
  /**
   * Called for every frame dropped at the boundary, with a readable `reason` naming the field and the `rejection`
   * it is counted under in `getStats().rejectedFrames`. The frame is dropped and counted either way.
   */
  onMalformedFrame?: (frame: unknown, reason: string, rejection: RejectReason) => void;
  /** The connections gateway (browser-side tools, entity events), opened on first use of `client.connections`. */
  connections?: {
    /** Names this client's gateway session, kept across its reconnects. @default a random id */
    sessionId?: string;
    /** How long a browser-side tool may run before its signal aborts and the agent gets `timeout`. @default 60000 */
    toolTimeoutMs?: number;
  };
  /**
   * Keeps the outbox, composer drafts and per-thread view snapshots across reloads, in IndexedDB (in memory where
   * there is none). `false` stores nothing. Stored data is scoped per origin, agent and user: `scope`, or else the
   * token's JWT `sub`, or else a hash of the token.
   * @default true
   */
  persist?: boolean | (Partial<PersistLimits> & { scope?: string; backend?: KeyValueBackend });
  /**
   * Tabs of one origin, agent and user share one socket: one tab (elected with `navigator.locks`) holds it and
   * relays frames and commands for the others over BroadcastChannel. On by default where both exist; `true` also
   * shares where there are no Web Locks, electing over BroadcastChannel; `false` gives every client its own socket,
   * as does an environment without BroadcastChannel. The object form is for tests.
   */
  sharedConnection?: boolean | SharedConnectionOverrides;
  /** Creates the socket (of the chat stream, and of the gateway); for tests. */
  socketFactory?: (namespaceUrl: string, options: SocketFactoryOptions) => ClientSocket;
  /** Jitter source; for tests. @default Math.random */
  random?: () => number;
  /** `online`/`offline` signals; for tests. @default the browser's, if any */
  network?: NetworkSignals | null;
}

/** Stand-ins for the browser's BroadcastChannel and Web Locks, and election timing; for tests. */
export interface SharedConnectionOverrides {
  broadcastChannel?: BroadcastChannelFactory;
  /** `null`: elect over the channel. @default navigator.locks */
  locks?: LockManagerLike | null;
  timing?: Partial<ElectionTiming>;
}

export interface SocketFactoryOptions {
  path: string;
  transports: ('websocket' | 'polling' | 'webtransport')[];
  /** The client runs its own reconnects. */
  reconnection: false;
  /** `false` for the gateway: its own connection, so a cut or a restart of one stream never touches the other. */
  multiplex?: false;
  /** Per connection attempt, in ms. */
  timeout: number;
  auth: (callback: (data: object) => void) => void;
}
