import type { BackoffPolicy } from './backoff.js';
import { PlatosClientError } from './client-error.js';
import type { ClientSocket } from './client-options.js';
import { createCommandChannel, type CommandMap, type CommandOptions } from './command-channel.js';
import { createConnectionManager, type NetworkSignals, type SocketState } from './connection-manager.js';
import { createLivenessMonitor, type LivenessOptions } from './liveness.js';
import type { RejectReason } from './reject-reason.js';

/** How a socket reconnects, checks that it is alive and waits for acknowledgements; the same for both streams. */
export interface ConnectionPolicy {
  ackTimeoutMs: number;
  /** How long a queued command waits for a connection. */
  queueTimeoutMs: number;
  liveness: LivenessOptions | false;
  backoff: BackoffPolicy;
  maxAttempts: number;
  maxAuthRetries: number;
  canRefreshToken: boolean;
  random(): number;
  network?: NetworkSignals;
}

/** What a stream's router made of one incoming frame. */
export type RoutedIncoming<T> = { ok: true; event: T; droppedKeys: number } | { ok: false; reason: RejectReason; detail: string };

export interface FrameReceiver<T> {
  route(name: string, args: unknown[]): RoutedIncoming<T>;
  accept(routed: { event: T; droppedKeys: number }): void;
  /** Where dropped frames are counted, in total and by reason. */
  stats: { malformedFrames: number; rejectedFrames: Record<RejectReason, number> };
  onMalformedFrame?(frame: unknown, reason: string, rejection: RejectReason): void;
  /** Set on a stream that asks for batched frames: each event of a `batch` frame (at most `maxEvents`) is routed as if it came alone. */
  batches?: { maxEvents: number; received(): void };
  /** Sees each frame before it is routed (a batch's events one by one). */
  tap?(name: string, args: unknown[]): void;
}

/** The handshake's `auth`: the token `getToken` gives at each attempt (empty if it fails), and `extra` fields. */
export function handshakeAuth(getToken: () => Promise<string>, extra: object = {}) {
  return (callback: (data: object) => void) => {
    getToken().then(
      (token) => callback({ token, ...extra }),
      () => callback({ token: '', ...extra }),
    );
  };
}

export interface ManagedConnectionHooks {
  count(stat: 'reconnects' | 'livenessTimeouts'): void;
  /** The socket (re)connected; commands queued meanwhile go out right after this returns. */
  onConnect(): void;
  onDisconnect(): void;
  onStateChange(state: SocketState): void;
}

/**
 * One socket's life as the chat stream and the gateway both run it: the connection manager's reconnects, liveness
 * pings that drop a half-open connection, and the command channel with its acknowledgements checked.
 */
export function createManagedConnection<TCommands extends CommandMap<keyof TCommands & string>>(
  socket: ClientSocket,
  policy: ConnectionPolicy,
  hooks: ManagedConnectionHooks,
) {
  let everConnected = false;
  /** Counts connections, so a late verdict about an old one cannot drop the current one. */
  let connectionNumber = 0;
  const pingTimeoutMs = policy.liveness === false ? policy.ackTimeoutMs : policy.liveness.timeoutMs;

  const ping = (timeoutMs: number) => socket.timeout(timeoutMs).emitWithAck('connection:ping', {});
  const dropDeadConnection = () => {
    hooks.count('livenessTimeouts');
    manager.restart();
  };
  const verifyConnection = async () => {
    const checked = connectionNumber;
    try {
      await ping(pingTimeoutMs);
      return true;
    } catch {
      if (checked === connectionNumber && socket.connected) dropDeadConnection();
      return false;
    }
  };
  const liveness = policy.liveness === false ? null : createLivenessMonitor({ options: policy.liveness, ping, onDead: dropDeadConnection });
  const channel = createCommandChannel<TCommands>(socket, {
    ackTimeoutMs: policy.ackTimeoutMs,
    queueTimeoutMs: policy.queueTimeoutMs,
    onAnswer: () => liveness?.noteActivity(),
    verifyConnection,
  });

  const manager = createConnectionManager(socket, {
    backoff: policy.backoff,
    maxAttempts: policy.maxAttempts,
    maxAuthRetries: policy.maxAuthRetries,
    canRefreshToken: policy.canRefreshToken,
    random: policy.random,
    network: policy.network,
    onConnect: () => {
      connectionNumber += 1;
      if (everConnected) hooks.count('reconnects');
      everConnected = true;
      channel.reopen();
      liveness?.start();
      hooks.onConnect();
      channel.flush();
    },
    onDisconnect: () => {
      liveness?.stop();
      channel.requeueInFlight();
      hooks.onDisconnect();
    },
    onStateChange: (state) => {
      if (state === 'unauthorized' || state === 'closed') {
        channel.failAll(new PlatosClientError(state, state === 'closed' ? 'The client was closed' : 'The server rejected the token'));
      }
      hooks.onStateChange(state);
    },
  });

  /** Sends a command and returns its reply; a malformed or negative acknowledgement throws a `PlatosClientError`. */
  async function command<C extends keyof TCommands & string>(
    name: C,
    request: TCommands[C]['request'],
    commandOptions?: CommandOptions,
  ): Promise<TCommands[C]['reply']> {
    const ack = await channel.send(name, request, commandOptions);
    if (typeof ack !== 'object' || ack === null || !('ok' in ack)) throw new PlatosClientError('bad_ack', `${name} got a malformed acknowledgement`);
    if (ack.ok !== true) {
      const error = (ack as { error?: { code?: unknown; message?: unknown } }).error;
      throw new PlatosClientError(String(error?.code ?? 'rejected'), String(error?.message ?? `${name} was rejected`));
    }
    return ack as TCommands[C]['reply'];
  }

  return {
    manager,
    command,
    /**
     * Listens to every incoming frame; call it before anything can await, so no frame is missed. Each frame is a sign
     * of life, then routed: a dropped one is counted and reported, an accepted one handed on. A well-formed `batch`
     * frame's events are each routed so, in order.
     */
    receiveFrames<T>(receiver: FrameReceiver<T>) {
      const { stats, batches } = receiver;
      const drop = (args: unknown[], reason: RejectReason, detail: string) => {
        stats.malformedFrames += 1;
        stats.rejectedFrames[reason] += 1;
        receiver.onMalformedFrame?.(args.length === 1 ? args[0] : args, detail, reason);
      };
      const receive = (name: string, args: unknown[]) => {
        receiver.tap?.(name, args);
        const routed = receiver.route(name, args);
        if (routed.ok) receiver.accept(routed);
        else drop(args, routed.reason, routed.detail);
      };
      socket.onAny((name: string, ...args: unknown[]) => {
        liveness?.noteActivity();
        if (name !== 'batch' || !batches) return receive(name, args);
        const events = (args[0] as { events?: unknown } | null)?.events as { type?: unknown }[];
        const reason = args.length !== 1 ? 'bad-arity' : !Array.isArray(events) ? 'invalid' : events.length > batches.maxEvents ? 'too-many-entries' : null;
        if (reason) return drop(args, reason, `malformed "batch" frame: ${reason}`);
        batches.received();
        for (const event of events) receive(String(event?.type), [event]);
      });
    },
    outbox: () => channel.pending(),
    stop: () => liveness?.stop(),
  };
}
