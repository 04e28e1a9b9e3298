import type { CommandName, Commands } from '../protocol/index.js';
import { PlatosClientError, toClientError } from './client-error.js';
import type { ClientSocket } from './client-options.js';

export interface CommandChannelOptions {
  ackTimeoutMs: number;
  /** How long a queued command waits for a connection before it fails with `offline`. */
  queueTimeoutMs: number;
  /** Called with every acknowledgement: proof the connection carries frames both ways. */
  onAnswer(): void;
  /**
   * Asked when a queued command's acknowledgement is overdue: resolves `true` if the connection still answers
   * (the command is then sent again on it), `false` if it is dead (the client drops it, which requeues the command).
   */
  verifyConnection(): Promise<boolean>;
}

/** Transmissions of one queued command over live connections before an overdue acknowledgement fails it. */
const maxTransmissions = 3;

export interface CommandOptions {
  /**
   * Wait for a connection instead of failing when there is none, and send again after a drop that lost the
   * acknowledgement. Only for commands the server applies once per idempotency key.
   */
  queue?: boolean;
}

interface Entry {
  name: string;
  request: unknown;
  resolve(ack: unknown): void;
  reject(error: PlatosClientError): void;
  queue: boolean;
  /** Counts transmissions, so a late answer to an earlier one cannot fail the current one. */
  attempt: number;
  queueTimer?: ReturnType<typeof setTimeout>;
  settled: boolean;
  since: number;
}

/**
 * Sends commands and matches their acknowledgements. Queued commands survive drops: they wait (in order) for
 * the next connection and are re-sent with the same request, so the server's idempotency keys make them apply
 * exactly once.
 */
/** Command names and their request and reply shapes: the chat stream's `Commands`, or the gateway's. */
export type CommandMap<TNames extends string = string> = Record<TNames, { request: unknown; reply: unknown }>;

export function createCommandChannel<TCommands extends CommandMap<keyof TCommands & string> = Commands>(socket: ClientSocket, options: CommandChannelOptions) {
  const waiting: Entry[] = [];
  const inFlight = new Set<Entry>();
  let terminalError: PlatosClientError | null = null;

  const settle = (entry: Entry, outcome: { ack: unknown } | { error: PlatosClientError }) => {
    if (entry.settled) return;
    entry.settled = true;
    clearTimeout(entry.queueTimer);
    inFlight.delete(entry);
    const index = waiting.indexOf(entry);
    if (index >= 0) waiting.splice(index, 1);
    if ('ack' in outcome) entry.resolve(outcome.ack);
    else entry.reject(outcome.error);
  };

  const park = (entry: Entry) => {
    waiting.push(entry);
    entry.queueTimer = setTimeout(
      () => settle(entry, { error: new PlatosClientError('offline', `${entry.name} waited ${options.queueTimeoutMs} ms for a connection`) }),
      options.queueTimeoutMs,
    );
  };

  const transmit = (entry: Entry) => {
    inFlight.add(entry);
    const attempt = ++entry.attempt;
    socket
      .timeout(options.ackTimeoutMs)
      .emitWithAck(entry.name, entry.request)
      .then(
        (ack: unknown) => {
          options.onAnswer();
          settle(entry, { ack });
        },
        (error: unknown) => {
          const isCurrent = () => !entry.settled && attempt === entry.attempt && inFlight.has(entry);
          if (!isCurrent()) return;
          // A drop took the acknowledgement with it; `requeueInFlight` already parked a queued command.
          if (entry.queue && !socket.connected) return;
          // Overdue on a connection that looks open: it may be half-open. The server applies a queued command once
          // per idempotency key, so sending it again is safe either way.
          if (entry.queue && entry.attempt < maxTransmissions) {
            void options.verifyConnection().then((alive) => {
              if (alive && isCurrent() && socket.connected) transmit(entry);
            });
            return;
          }
          settle(entry, { error: toClientError(error, 'timeout') });
        },
      );
  };

  return {
    send<C extends keyof TCommands & string>(name: C, request: TCommands[C]['request'], commandOptions: CommandOptions = {}): Promise<unknown> {
      return new Promise((resolve, reject) => {
        if (terminalError) return reject(terminalError);
        const entry: Entry = { name, request, resolve, reject, queue: commandOptions.queue ?? false, attempt: 0, settled: false, since: Date.now() };
        if (socket.connected) transmit(entry);
        else if (entry.queue) park(entry);
        else reject(new PlatosClientError('disconnected', `${name} needs a connection`));
      });
    },
    /** The connection came (back): send every queued command, oldest first. */
    flush() {
      for (const entry of waiting.splice(0)) {
        clearTimeout(entry.queueTimer);
        transmit(entry);
      }
    },
    /** The connection dropped: queued commands still unanswered wait for the next one; others fail. */
    requeueInFlight() {
      const lost = [...inFlight];
      inFlight.clear();
      for (const entry of lost) {
        if (entry.queue) park(entry);
        else settle(entry, { error: new PlatosClientError('disconnected', `The connection dropped before ${entry.name} was answered`) });
      }
    },
    /** Fails everything now and from now on (closed, unauthorized). */
    failAll(error: PlatosClientError) {
      terminalError = error;
      for (const entry of [...waiting, ...inFlight]) settle(entry, { error });
    },
    /** Lifts `failAll` after a successful reconnect. */
    reopen() {
      terminalError = null;
    },
    get queuedCount() {
      return waiting.length;
    },
    /** What is waiting or unanswered, oldest first. */
    pending: () =>
      [...waiting, ...inFlight]
        .map((entry) => ({ name: entry.name, request: entry.request, since: entry.since, state: inFlight.has(entry) ? ('sent' as const) : ('waiting' as const), attempts: entry.attempt }))
        .sort((a, b) => a.since - b.since),
  };
}

export type CommandChannel = ReturnType<typeof createCommandChannel>;
export type CommandReply<C extends CommandName> = Commands[C]['reply'];
